import { Alert, Button, CopyButton, Group, List, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The ten recovery codes, shown this once, with copy and download so the person can store them. */
export function RecoveryCodes({
  codes,
  onDone,
  doneLabel,
}: {
  codes: string[];
  onDone: () => void;
  doneLabel?: string;
}) {
  const { t } = useTranslation();
  const text = `${codes.join('\n')}\n`;
  const [href, setHref] = useState<string | null>(null);
  useEffect(() => {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
    setHref(url);
    return () => URL.revokeObjectURL(url);
  }, [text]);
  return (
    <Stack gap="sm" maw={480}>
      <Title order={2} size="h4" id="recovery-codes-title">
        {t('twoFactor.recoveryTitle')}
      </Title>
      <Alert color="yellow" variant="light" title={t('twoFactor.recoveryOnce')}>
        {t('twoFactor.recoveryHint')}
      </Alert>
      <List
        aria-labelledby="recovery-codes-title"
        listStyleType="none"
        ff="monospace"
        fz="lg"
        data-recovery-codes=""
      >
        {codes.map((code) => (
          <List.Item key={code}>{code}</List.Item>
        ))}
      </List>
      <Group gap="sm">
        <CopyButton value={text} timeout={2000}>
          {({ copied, copy }) => (
            <Button variant={copied ? 'filled' : 'light'} color={copied ? 'teal' : undefined} onClick={copy}>
              {copied ? t('twoFactor.copied') : t('twoFactor.copyCodes')}
            </Button>
          )}
        </CopyButton>
        {href && (
          <Button component="a" variant="light" href={href} download="recovery-codes.txt">
            {t('twoFactor.downloadCodes')}
          </Button>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        {t('twoFactor.recoveryUse')}
      </Text>
      <Button onClick={onDone} w="fit-content">
        {doneLabel ?? t('twoFactor.recoveryStored')}
      </Button>
    </Stack>
  );
}
