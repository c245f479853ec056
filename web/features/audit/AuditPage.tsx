import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CustomerSession } from '../../app/session.tsx';
import { useApiGet } from '../../app/use-api-get.ts';
import { displayName } from '../../ui/display-name.ts';
import { PageTitle } from '../../ui/PageTitle.tsx';
import type { UserList } from '../users/users-types.ts';
import { usersPath } from '../users/users-types.ts';
import { AuditLog } from './AuditLog.tsx';

/** U7 for the account's admins: every change to its users, rights and credentials. */
export function AuditPage({ session }: { session: CustomerSession }) {
  const { t } = useTranslation();
  if (session.account.role === 'member') {
    return (
      <>
        <PageTitle>{t('audit.title')}</PageTitle>
        <Alert color="gray" variant="light">
          {t('audit.adminsOnly')}
        </Alert>
      </>
    );
  }
  return <AccountAuditLog accountId={session.account.id} />;
}

function AccountAuditLog({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  // The user filter offers the account's users; the API gives at most 100 per page.
  const users = useApiGet<UserList>(`${usersPath(accountId)}?page=1&pageSize=100`);
  const options = (users.data?.items ?? []).map((user) => ({
    value: user.id,
    label: `${displayName(user)} (${user.userNumber})`,
  }));
  return (
    <>
      <PageTitle>{t('audit.title')}</PageTitle>
      <Text mb="md">{t('audit.intro')}</Text>
      <AuditLog
        path={`/api/v1/accounts/${encodeURIComponent(accountId)}/audit`}
        users={options}
        caption={t('audit.caption')}
      />
    </>
  );
}
