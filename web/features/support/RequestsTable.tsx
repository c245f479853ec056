// The list of requests on the member's page and in the operators' inbox; the inbox adds the account.
import { Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format-date.ts';
import { StateBadge, type SupportState } from './support-ui.tsx';

interface RequestRow {
  id: string;
  reference: string;
  subject: string;
  requesterName: string;
  state: SupportState;
  lastActivityAt: string;
  account?: { name: string; customerNumber: string };
}

export function RequestsTable({
  label,
  rows,
  requestPage,
  timeZone,
}: {
  label: string;
  rows: RequestRow[];
  requestPage: '/account/support/$id' | '/operator/support/$id';
  timeZone?: string;
}) {
  const { t, i18n } = useTranslation();
  const withAccount = rows.some((row) => row.account);
  return (
    <Table.ScrollContainer minWidth={withAccount ? 720 : 560}>
      <Table aria-label={label} verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('support.reference')}</Table.Th>
            <Table.Th>{t('support.subject')}</Table.Th>
            {withAccount && <Table.Th>{t('support.inbox.customer')}</Table.Th>}
            <Table.Th>{t('support.state')}</Table.Th>
            <Table.Th>{t('support.lastActivity')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((request) => (
            <Table.Tr key={request.id}>
              <Table.Td>{request.reference}</Table.Td>
              <Table.Td>
                <Link to={requestPage} params={{ id: request.id }}>
                  {request.subject}
                </Link>
                <Text size="sm" c="dimmed">
                  {request.requesterName}
                </Text>
              </Table.Td>
              {withAccount && (
                <Table.Td>
                  {request.account?.name}
                  <Text size="sm" c="dimmed">
                    {request.account?.customerNumber}
                  </Text>
                </Table.Td>
              )}
              <Table.Td>
                <StateBadge state={request.state} />
              </Table.Td>
              <Table.Td>{formatDateTime(request.lastActivityAt, i18n.language, timeZone)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
