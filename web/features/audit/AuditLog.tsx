import { Anchor, NativeSelect, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { query } from '../../app/api.ts';
import { Link } from '../../app/router.tsx';
import { useApiGet } from '../../app/use-api-get.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDateTime } from '../../ui/format-date.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PrevNextPaging } from '../../ui/Paging.tsx';
import { type AuditEvent, type AuditPage, auditActions, isAuditAction } from './audit-types.ts';

const pageSize = 50;

export interface AuditUserOption {
  value: string;
  label: string;
}

/**
 * U7: who did what, when and from where, newest first, with filters. The account area passes its users
 * for the user filter; the operator area can show which account an entry belongs to.
 */
export function AuditLog({
  path,
  fixed = {},
  users,
  showAccount = false,
  caption,
  refresh = 0,
}: {
  /** GET endpoint: the account's audit log or the operators' one. */
  path: string;
  /** Filters that are always sent (the operator's account page: accountId). */
  fixed?: Record<string, string>;
  /** When given, a user filter with these options. */
  users?: AuditUserOption[];
  showAccount?: boolean;
  caption: string;
  /** Changes when the page knows of a new entry (e.g. after suspending): loads again. */
  refresh?: number;
}) {
  const { t, i18n } = useTranslation();
  const [filters, setFilters] = useState({ userId: '', action: '', from: '', to: '' });
  const [page, setPage] = useState(1);
  const log = useApiGet<AuditPage>(`${path}${query({ ...fixed, ...filters, page, pageSize })}`);
  const { reload } = log;
  const data = log.data;

  useEffect(() => {
    if (refresh > 0) reload();
  }, [refresh, reload]);

  const setFilter = (name: keyof typeof filters, value: string) => {
    setFilters((current) => ({ ...current, [name]: value }));
    setPage(1);
  };

  const actionLabel = (action: string) => (isAuditAction(action) ? t(`audit.actions.${action}`) : action);

  const actor = (event: AuditEvent) => {
    if (event.actor.type === 'operator') return t('audit.byOperator', { name: event.actor.name ?? '' });
    if (event.actor.type === 'system') return t('audit.bySystem');
    return event.actor.name ?? t('audit.removedUser');
  };

  const target = (event: AuditEvent) => {
    if (!event.target) return '';
    if (event.target.type === 'account') return event.target.name ?? t('audit.targetAccount');
    if (event.target.name) return event.target.name;
    // A deleted user has no name any more; the entry keeps their user name (a reassignment: the new one)
    // and number.
    const details = event.details ?? {};
    const username = details.username ?? details.to;
    const { userNumber } = details;
    if (typeof username === 'string' && typeof userNumber === 'string') {
      return t('audit.removedUserWith', { username, userNumber });
    }
    return t('audit.removedUser');
  };

  const detail = (event: AuditEvent) => {
    const details = event.details ?? {};
    if (
      event.action === 'user.reassigned' &&
      typeof details.from === 'string' &&
      typeof details.to === 'string'
    ) {
      return t('audit.reassignedDetail', { from: details.from, to: details.to });
    }
    return null;
  };

  const hasFilters = Object.values(filters).some(Boolean);

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, xs: 2, md: users ? 4 : 3 }}>
        {users && (
          <NativeSelect
            label={t('audit.filterUser')}
            data={[{ value: '', label: t('audit.allUsers') }, ...users]}
            value={filters.userId}
            onChange={(event) => setFilter('userId', event.currentTarget.value)}
          />
        )}
        <NativeSelect
          label={t('audit.filterAction')}
          data={[
            { value: '', label: t('audit.allActions') },
            ...auditActions.map((action) => ({ value: action, label: t(`audit.actions.${action}`) })),
          ]}
          value={filters.action}
          onChange={(event) => setFilter('action', event.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t('audit.from')}
          value={filters.from}
          max={filters.to || undefined}
          onChange={(event) => setFilter('from', event.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t('audit.to')}
          value={filters.to}
          min={filters.from || undefined}
          onChange={(event) => setFilter('to', event.currentTarget.value)}
        />
      </SimpleGrid>
      {log.status === 'loading' && <Loading />}
      {log.status === 'failed' && <ErrorAlert message={log.error.message} />}
      {data && data.items.length === 0 && (
        <Text c="dimmed">{hasFilters || page > 1 ? t('audit.noMatch') : t('audit.empty')}</Text>
      )}
      {data && data.items.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table aria-label={caption} verticalSpacing="xs" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('audit.time')}</Table.Th>
                <Table.Th>{t('audit.actor')}</Table.Th>
                <Table.Th>{t('audit.action')}</Table.Th>
                <Table.Th>{t('audit.target')}</Table.Th>
                <Table.Th>{t('audit.address')}</Table.Th>
                {showAccount && <Table.Th>{t('audit.account')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((event) => {
                const when = formatDateTime(event.createdAt, i18n.language);
                const extra = detail(event);
                return (
                  <Table.Tr key={event.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{when}</Table.Td>
                    <Table.Td>{actor(event)}</Table.Td>
                    <Table.Td>
                      {actionLabel(event.action)}
                      {extra && (
                        <Text size="xs" c="dimmed">
                          {extra}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{target(event)}</Table.Td>
                    <Table.Td ff="monospace">{event.ipAddress ?? ''}</Table.Td>
                    {showAccount && (
                      <Table.Td>
                        {event.account && (
                          <Anchor
                            component={Link}
                            href={`/operator/accounts/${encodeURIComponent(event.account.id)}`}
                          >
                            {event.account.name}
                          </Anchor>
                        )}
                        {event.account && (
                          <Text size="xs" c="dimmed" ff="monospace">
                            {event.account.customerNumber}
                          </Text>
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {data && <PrevNextPaging page={page} hasNext={data.items.length >= data.pageSize} onChange={setPage} />}
    </Stack>
  );
}
