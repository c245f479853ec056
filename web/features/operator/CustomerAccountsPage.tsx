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
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { query } from '../../app/api.ts';
import { Link, navigate } from '../../app/router.tsx';
import { useApiGet } from '../../app/use-api-get.ts';
import { displayName } from '../../ui/display-name.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { PlusIcon } from '../../ui/icons.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { Paging } from '../../ui/Paging.tsx';
import { AccountStatusBadge } from './AccountStatusBadge.tsx';
import { type AccountList, accountStatuses } from './accounts-types.ts';

const pageSize = 25;

/** A3: the operators' list of customer accounts, searchable, with the way to create one for an order. */
export function CustomerAccountsPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [status, setStatus] = useState('');
  const [page, setPage] = useState(1);
  const accounts = useApiGet<AccountList>(`/api/v1/operator/accounts${query({ q, status, page, pageSize })}`);
  const data = accounts.data;
  const filtered = q !== '' || status !== '';

  return (
    <>
      <Group justify="space-between" align="flex-start">
        <PageTitle>{t('operator.customerAccounts')}</PageTitle>
        <Button component={Link} href="/operator/accounts/new" leftSection={<PlusIcon />}>
          {t('accounts.new')}
        </Button>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }} maw={720} mb="md">
        <TextInput
          type="search"
          label={t('accounts.search')}
          description={t('accounts.searchHint')}
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            setPage(1);
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
            setStatus(event.currentTarget.value);
            setPage(1);
          }}
        />
      </SimpleGrid>
      {accounts.status === 'loading' && <Loading />}
      {accounts.status === 'failed' && <ErrorAlert message={accounts.error.message} />}
      {data && data.total === 0 && !filtered && (
        <EmptyState withIndicatorBackground py="xl">
          <EmptyState.Title order={2}>{t('operator.noAccountsTitle')}</EmptyState.Title>
          <EmptyState.Description>{t('operator.noAccountsDescription')}</EmptyState.Description>
        </EmptyState>
      )}
      {data && data.items.length === 0 && filtered && <Text c="dimmed">{t('accounts.noMatch')}</Text>}
      {data && data.items.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table aria-label={t('accounts.caption')} highlightOnHover verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('accounts.customerNumber')}</Table.Th>
                <Table.Th>{t('accounts.name')}</Table.Th>
                <Table.Th>{t('accounts.mainUser')}</Table.Th>
                <Table.Th>{t('accounts.seats')}</Table.Th>
                <Table.Th>{t('accounts.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((account) => {
                const href = `/operator/accounts/${encodeURIComponent(account.id)}`;
                return (
                  // The name is the keyboard and screen-reader way in; the row click is a mouse shortcut.
                  <Table.Tr key={account.id} onClick={() => navigate(href)} style={{ cursor: 'pointer' }}>
                    <Table.Td ff="monospace">{account.customerNumber}</Table.Td>
                    <Table.Td>
                      <Anchor component={Link} href={href} onClick={(event) => event.stopPropagation()}>
                        {account.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      {account.owner ? (
                        <>
                          <Text size="sm">{displayName(account.owner)}</Text>
                          {account.owner.email && (
                            <Text size="xs" c="dimmed">
                              {account.owner.email}
                            </Text>
                          )}
                        </>
                      ) : (
                        ''
                      )}
                    </Table.Td>
                    <Table.Td>
                      {t('accounts.seatsValue', { used: account.seatsUsed, limit: account.seatLimit })}
                    </Table.Td>
                    <Table.Td>
                      <AccountStatusBadge status={account.status} />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {data && <Paging page={page} total={data.total} pageSize={pageSize} onChange={setPage} />}
    </>
  );
}
