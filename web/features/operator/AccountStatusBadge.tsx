import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AccountStatus } from './accounts-types.ts';

const colors: Record<AccountStatus, string> = {
  pending_confirmation: 'yellow',
  active: 'green',
  suspended: 'red',
};

export function AccountStatusBadge({ status }: { status: AccountStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={colors[status] ?? 'gray'} variant="light">
      {t(`accounts.statuses.${status}`, { defaultValue: status })}
    </Badge>
  );
}
