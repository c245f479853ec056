import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A redirect as text, never as a link: the target is the customer's input. */
export function RedirectText({ kind, target }: { kind: 'ip' | 'url' | null; target: string | null }) {
  const { t } = useTranslation();
  if (!kind || !target) return <Text c="dimmed">{t('domains.redirectKinds.none')}</Text>;
  return (
    <Text style={{ overflowWrap: 'anywhere' }}>
      {t(`domains.redirectKinds.${kind}`)}: {target}
    </Text>
  );
}
