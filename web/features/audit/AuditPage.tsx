import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useCan } from '../../app/permissions.ts';
import { useCustomer } from '../../app/session.tsx';
import { displayName } from '../../ui/display-name.ts';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { AuditLog } from './AuditLog.tsx';

/** U7 for the account's admins: every change to its users, rights and credentials. */
export function AuditPage() {
  const { t } = useTranslation();
  const { account } = useCustomer();
  const can = useCan();
  if (!can('audit.read')) {
    return (
      <>
        <PageTitle>{t('audit.title')}</PageTitle>
        <Alert color="gray" variant="light">
          {t('audit.adminsOnly')}
        </Alert>
      </>
    );
  }
  return <AccountAuditLog accountId={account.id} />;
}

function AccountAuditLog({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  // The user filter offers the account's users; the API gives at most 100 per page.
  const users = api.useQuery('get', '/api/v1/accounts/{accountId}/users', {
    params: { path: { accountId }, query: { page: 1, pageSize: 100 } },
  });
  const options = (users.data?.items ?? []).map((user) => ({
    value: user.id,
    label: `${displayName(user)} (${user.userNumber})`,
  }));
  return (
    <>
      <PageTitle>{t('audit.title')}</PageTitle>
      <Text mb="md">{t('audit.intro')}</Text>
      <AuditLog source={{ accountId }} users={options} caption={t('audit.caption')} />
    </>
  );
}
