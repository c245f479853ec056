import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApiResult } from '../../api/client.ts';

export type MailStatus = ApiResult<'/api/v1/operator/mailbox'>['items'][number]['status'];

const colors: Record<MailStatus, string> = {
  pending: 'yellow',
  sent: 'green',
  failed: 'red',
  mailbox: 'blue',
};

export function MailStatusBadge({ status }: { status: MailStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={colors[status] ?? 'gray'} variant="light">
      {t(`mailbox.statuses.${status}`, { defaultValue: status })}
    </Badge>
  );
}
