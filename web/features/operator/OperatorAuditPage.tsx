import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { AuditLog } from '../audit/AuditLog.tsx';

/** Every account's audit log, for the provider's staff. */
export function OperatorAuditPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t('audit.title')}</PageTitle>
      <Text mb="md">{t('audit.operatorIntro')}</Text>
      <AuditLog source={{ operator: true }} showAccount caption={t('audit.caption')} />
    </>
  );
}
