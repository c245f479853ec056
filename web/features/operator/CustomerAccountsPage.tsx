import {
  Anchor,
  Button,
  EmptyState,
  Group,
  NativeSelect,
  SimpleGrid,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPhone, IconPlus } from '@tabler/icons-react';
import { keepPreviousData } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useOperatorRole } from '../../app/operator-roles.ts';
import { accountListRoute } from '../../app/router.tsx';
import { displayName } from '../../ui/display-name.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { Paging } from '../../ui/Paging.tsx';
import { useReturnFocus } from '../../ui/use-return-focus.ts';
import { AccountStatusBadge } from './AccountStatusBadge.tsx';
import { accountStatuses, isAccountStatus } from './accounts.ts';
import { IdentifyCallerDialog } from './IdentifyCallerDialog.tsx';

const pageSize = 25;

/** A3: the operators' list of customer accounts, searchable, with the way to create one for an order. */
export function CustomerAccountsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // Search, status and page are in the address, so the way back from an account returns to the same list.
  const { q = '', status: requested = '', page = 1 } = accountListRoute.useSearch();
  const status = isAccountStatus(requested) ? requested : '';
  // The field keeps what is typed as typed; the address follows at once, the search a moment later.
  const [search, setSearch] = useState(q);
  const [searched] = useDebouncedValue(q.trim(), 300);
  const show = (changes: { q?: string; status?: string; page?: number }, replace = true) =>
    void navigate({ to: '/operator/accounts', search: (current) => ({ ...current, ...changes }), replace });
  const { data, error, isPending } = api.useQuery(
    'get',
    '/api/v1/operator/accounts',
    { params: { query: { q: searched || undefined, status: status || undefined, page, pageSize } } },
    { placeholderData: keepPreviousData },
  );
  const filtered = searched !== '' || status !== '';
  const [identifying, setIdentifying] = useState(false);
  const identifyFocus = useReturnFocus();
  const mayChange = useOperatorRole()('support');

  return (
    <>
      <Group justify="space-between" align="flex-start">
        <PageTitle>{t('operator.customerAccounts')}</PageTitle>
        {mayChange && (
          <Group gap="sm">
            <Button
              variant="default"
              leftSection={<IconPhone size={18} aria-hidden />}
              onClick={() => {
                identifyFocus.remember();
                setIdentifying(true);
              }}
            >
              {t('callerCheck.open')}
            </Button>
            <Button
              component={Link}
              to="/operator/accounts/new"
              leftSection={<IconPlus size={18} aria-hidden />}
            >
              {t('accounts.new')}
            </Button>
          </Group>
        )}
      </Group>
      <IdentifyCallerDialog
        opened={identifying}
        onClose={() => setIdentifying(false)}
        onExitTransitionEnd={identifyFocus.returnFocus}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} maw={720} mb="md">
        <TextInput
          type="search"
          label={t('accounts.search')}
          description={t('accounts.searchHint')}
          value={search}
          onChange={(event) => {
            const { value } = event.currentTarget;
            setSearch(value);
            show({ q: value.trim() || undefined, page: undefined });
          }}
        />
        <NativeSelect
          label={t('accounts.status')}
          description={t('accounts.statusHint')}
          data={[
            { value: '', label: t('accounts.allStatuses') },
            ...accountStatuses.map((value) => ({ value, label: t(`accounts.statuses.${value}`) })),
          ]}
          value={status}
          onChange={(event) => {
            const { value } = event.currentTarget;
            show({ status: isAccountStatus(value) ? value : undefined, page: undefined });
          }}
        />
      </SimpleGrid>
      {isPending && <Loading />}
      {error && <ErrorAlert message={error.message} />}
      {data && data.total === 0 && !filtered && (
        <EmptyState withIndicatorBackground py="xl">
          <EmptyState.Title order={2}>{t('operator.noAccountsTitle')}</EmptyState.Title>
          <EmptyState.Description>{t('operator.noAccountsDescription')}</EmptyState.Description>
        </EmptyState>
      )}
      {data && data.items.length === 0 && filtered && <Text c="dimmed">{t('accounts.noMatch')}</Text>}
      {data && data.items.length > 0 && (
        // At phone width the table scrolls inside its container, not the page; the name (the row's link)
        // comes first so it stays in view.
        <Table.ScrollContainer minWidth={720}>
          <Table aria-label={t('accounts.caption')} highlightOnHover verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('accounts.name')}</Table.Th>
                <Table.Th>{t('accounts.customerNumber')}</Table.Th>
                <Table.Th>{t('accounts.mainUser')}</Table.Th>
                <Table.Th>{t('accounts.seats')}</Table.Th>
                <Table.Th>{t('accounts.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((account) => (
                // The name is the keyboard and screen-reader way in; the row click is a mouse shortcut.
                <Table.Tr
                  key={account.id}
                  onClick={() => void navigate({ to: '/operator/accounts/$id', params: { id: account.id } })}
                  style={{ cursor: 'pointer' }}
                >
                  <Table.Td>
                    <Anchor
                      renderRoot={(props) => (
                        <Link {...props} to="/operator/accounts/$id" params={{ id: account.id }} />
                      )}
                      onClick={(event) => event.stopPropagation()}
                    >
                      {account.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td ff="monospace">{account.customerNumber}</Table.Td>
                  <Table.Td>
                    {account.owner && (
                      <>
                        <Text size="sm">{displayName(account.owner)}</Text>
                        {account.owner.email && (
                          <Text size="xs" c="dimmed">
                            {account.owner.email}
                          </Text>
                        )}
                      </>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {t('accounts.seatsValue', { used: account.seatsUsed, limit: account.seatLimit })}
                  </Table.Td>
                  <Table.Td>
                    <AccountStatusBadge status={account.status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {data && (
        <Paging
          page={page}
          total={data.total}
          pageSize={pageSize}
          onChange={(next) => show({ page: next }, false)}
        />
      )}
    </>
  );
}
