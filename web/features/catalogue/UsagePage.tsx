import { Alert, Group, NativeSelect, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useCan } from '../../app/permissions.ts';
import { useCustomer } from '../../app/session.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDateTime } from '../../ui/format-date.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { Paging } from '../../ui/Paging.tsx';
import { formatMoney, formatVatRate } from './money.ts';

const pageSize = 50;

interface Filters {
  userId: string;
  serviceId: string;
  from: string;
  to: string;
}

const noFilters: Filters = { userId: '', serviceId: '', from: '', to: '' };

/** B3: "Usage" for members who see the invoices: every recorded use, by user, service and days. */
export function UsagePage() {
  const { t } = useTranslation();
  const can = useCan();
  return (
    <>
      <PageTitle>{t('usage.title')}</PageTitle>
      {can('invoices.view') ? (
        <UsageList />
      ) : (
        <Alert color="gray" variant="light">
          {t('usage.notAllowed')}
        </Alert>
      )}
    </>
  );
}

function UsageList() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const { account } = useCustomer();
  const [filters, setFilters] = useState(noFilters);
  const [page, setPage] = useState(1);
  const path = { accountId: account.id };
  const choices = api.useQuery('get', '/api/v1/accounts/{accountId}/usage/filters', { params: { path } });
  const query = Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== ''));
  const { data, error, isPending } = api.useQuery(
    'get',
    '/api/v1/accounts/{accountId}/usage',
    { params: { path, query: { ...query, page, pageSize } } },
    { placeholderData: keepPreviousData },
  );
  const setFilter = (name: keyof Filters, value: string) => {
    setFilters((current) => ({ ...current, [name]: value }));
    setPage(1);
  };
  const filtered = Object.values(filters).some(Boolean);

  return (
    <Stack gap="md">
      <Text>{t('usage.intro')}</Text>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
        <NativeSelect
          label={t('usage.user')}
          data={[
            { value: '', label: t('usage.allUsers') },
            ...(choices.data?.users ?? []).map((user) => ({
              value: user.id,
              label: `${user.name} (${user.userNumber})`,
            })),
          ]}
          value={filters.userId}
          onChange={(event) => setFilter('userId', event.currentTarget.value)}
        />
        <NativeSelect
          label={t('usage.service')}
          data={[
            { value: '', label: t('usage.allServices') },
            ...(choices.data?.services ?? []).map((service) => ({ value: service.id, label: service.name })),
          ]}
          value={filters.serviceId}
          onChange={(event) => setFilter('serviceId', event.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t('usage.from')}
          value={filters.from}
          max={filters.to || undefined}
          onChange={(event) => setFilter('from', event.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t('usage.to')}
          value={filters.to}
          min={filters.from || undefined}
          onChange={(event) => setFilter('to', event.currentTarget.value)}
        />
      </SimpleGrid>
      {isPending && <Loading />}
      {error && <ErrorAlert message={error.message} />}
      {data && (
        <Group gap="xl" role="status" aria-live="polite">
          <Text fw={500}>{t('usage.totalEvents', { count: data.total })}</Text>
          <Text>{t('usage.totalQuantity', { quantity: data.totals.quantity })}</Text>
          <Text>{t('usage.totalNet', { net: formatMoney(data.totals.netCents, locale) })}</Text>
        </Group>
      )}
      {data && data.items.length === 0 && (
        <Text c="dimmed">{filtered || page > 1 ? t('usage.noMatch') : t('usage.empty')}</Text>
      )}
      {data && data.items.length > 0 && (
        <Table.ScrollContainer minWidth={860}>
          <Table aria-label={t('usage.caption')} verticalSpacing="xs" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('usage.time')}</Table.Th>
                <Table.Th>{t('usage.user')}</Table.Th>
                <Table.Th>{t('usage.service')}</Table.Th>
                <Table.Th>{t('usage.reference')}</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>{t('usage.quantity')}</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>{t('usage.unitPrice')}</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>{t('usage.net')}</Table.Th>
                <Table.Th>{t('usage.vat')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((event) => (
                <Table.Tr key={event.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {formatDateTime(event.occurredAt, locale, account.timeZone)}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{event.user.name}</Text>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {event.user.userNumber}
                    </Text>
                  </Table.Td>
                  <Table.Td>{event.service.name}</Table.Td>
                  <Table.Td>{event.reference ?? ''}</Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>{event.quantity}</Table.Td>
                  <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
                    {formatMoney(event.unitNetCents, locale)}
                  </Table.Td>
                  <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
                    {formatMoney(event.netCents, locale)}
                  </Table.Td>
                  <Table.Td>{formatVatRate(event.vatRateBp, locale)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {data && <Paging page={page} total={data.total} pageSize={pageSize} onChange={setPage} />}
    </Stack>
  );
}
