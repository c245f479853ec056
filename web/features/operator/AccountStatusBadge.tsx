import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type AccountStatus, accountStatusLabel, isAccountStatus } from './accounts.ts';

const colors: Record<AccountStatus, string> = {
  pending_confirmation: 'yellow',
  active: 'green',
  suspended: 'red',
};

export function AccountStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={isAccountStatus(status) ? colors[status] : 'gray'} variant="light">
      {accountStatusLabel(t, status)}
    </Badge>
  );
}
