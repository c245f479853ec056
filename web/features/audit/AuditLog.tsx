import { Anchor, NativeSelect, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { keepPreviousData } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiResult, api } from '../../api/client.ts';
import { useSession } from '../../app/session.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDateTime } from '../../ui/format-date.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PrevNextPaging } from '../../ui/Paging.tsx';
import { auditActions, isAuditAction } from './audit-actions.ts';

const pageSize = 50;

/**
 * Whose log: one account's (GET /api/v1/accounts/{accountId}/audit, the customer area) or the operators'
 * (GET /api/v1/operator/audit), there optionally narrowed to one account.
 */
export type AuditSource = { accountId: string; operator?: never } | { operator: true; accountId?: string };

export type AuditEvent = ApiResult<'/api/v1/accounts/{accountId}/audit'>['items'][number];

export interface AuditUserOption {
  value: string;
  label: string;
}

interface Filters {
  userId: string;
  action: string;
  from: string;
  to: string;
}

const noFilters: Filters = { userId: '', action: '', from: '', to: '' };

/**
 * One page of the log; the last page stays on screen while the next loads, so the table does not flash.
 * Both reads are declared (hooks cannot be chosen), only the one of the source runs.
 */
function useAuditPage(source: AuditSource, filters: Filters, page: number) {
  const query = { ...filters, page, pageSize };
  const operatorLog = api.useQuery(
    'get',
    '/api/v1/operator/audit',
    { params: { query: { ...query, accountId: source.accountId } } },
    { enabled: source.operator === true, placeholderData: keepPreviousData },
  );
  const accountLog = api.useQuery(
    'get',
    '/api/v1/accounts/{accountId}/audit',
    { params: { path: { accountId: source.accountId ?? '' }, query } },
    { enabled: !source.operator, placeholderData: keepPreviousData },
  );
  return source.operator ? operatorLog : accountLog;
}

/**
 * U7: who did what, when and from where, newest first, with filters. The account area passes its users
 * for the user filter; the operator area can show which account an entry belongs to. Pages that change
 * something invalidate the audit queries, so the log shows the new entry.
 */
export function AuditLog({
  source,
  users,
  showAccount = false,
  caption,
}: {
  source: AuditSource;
  /** When given, a user filter with these options. */
  users?: AuditUserOption[];
  showAccount?: boolean;
  caption: string;
}) {
  const { t, i18n } = useTranslation();
  const { customer } = useSession();
  const [filters, setFilters] = useState(noFilters);
  const [page, setPage] = useState(1);
  const { data, error, isPending } = useAuditPage(source, filters, page);
  // An account's log in its own time zone; the operators' log spans accounts, so the browser's zone.
  const timeZone = source.operator ? undefined : customer?.account.timeZone;

  const setFilter = (name: keyof Filters, value: string) => {
    setFilters((current) => ({ ...current, [name]: value }));
    setPage(1);
  };

  const actionLabel = (action: string) => (isAuditAction(action) ? t(`audit.actions.${action}`) : action);

  // Issue 16: who it was then, in the customer's and the operators' logs alike.
  const actor = (event: AuditEvent) => {
    const name = event.actor.name ?? '';
    if (event.actor.kind === 'operator') {
      const roles = event.actor.roles.map((role) => t(`operatorRoles.${role}.name`)).join(', ');
      return roles ? t('audit.byOperatorWithRoles', { name, roles }) : t('audit.byOperator', { name });
    }
    if (event.actor.kind === 'system') return t('audit.bySystem');
    if (!event.actor.name) return t('audit.removedUser');
    return event.actor.kind === 'invited_user' ? t('audit.byInvited', { name }) : name;
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
      {isPending && <Loading />}
      {error && <ErrorAlert message={error.message} />}
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
                const extra = detail(event);
                return (
                  <Table.Tr key={event.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {formatDateTime(event.createdAt, i18n.language, timeZone)}
                    </Table.Td>
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
                      <Table.Td>{event.account && <AccountLink account={event.account} />}</Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {data && <PrevNextPaging page={page} hasNext={data.hasMore} onChange={setPage} />}
    </Stack>
  );
}

/** The account an entry of the operators' log belongs to, leading to its page. */
function AccountLink({ account }: { account: NonNullable<AuditEvent['account']> }) {
  return (
    <>
      <Anchor
        renderRoot={(props) => <Link {...props} to="/operator/accounts/$id" params={{ id: account.id }} />}
      >
        {account.name}
      </Anchor>
      <Text size="xs" c="dimmed" ff="monospace">
        {account.customerNumber}
      </Text>
    </>
  );
}
