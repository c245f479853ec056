import { Button, Group, NumberInput, Select, Table, Text, TextInput } from '@mantine/core';
import { keepPreviousData } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { supportInboxRoute } from '../../app/router.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDateTime } from '../../ui/format-date.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { Paging } from '../../ui/Paging.tsx';
import { StateBadge, type SupportState, supportStates } from './support-ui.tsx';

const pageSize = 25;
const isState = (value: string | undefined): value is SupportState =>
  supportStates.includes(value as SupportState);

/** C3: every account's support requests, latest activity first, by state, account and age. */
export function SupportInboxPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  // The filters are in the address, so the way back from a request returns to the same list.
  const { state: requested, account = '', olderThanDays, page = 1 } = supportInboxRoute.useSearch();
  const state = isState(requested) ? requested : undefined;
  const [accountField, setAccountField] = useState(account);
  const [ageField, setAgeField] = useState<string | number>(olderThanDays ?? '');
  const show = (changes: { state?: string; account?: string; olderThanDays?: number; page?: number }) =>
    void navigate({
      to: '/operator/support',
      search: (current) => ({ ...current, ...changes }),
      replace: true,
    });
  const { data, error, isPending } = api.useQuery(
    'get',
    '/api/v1/operator/support-requests',
    { params: { query: { state, account: account || undefined, olderThanDays, page, pageSize } } },
    { placeholderData: keepPreviousData },
  );
  const items = data?.items ?? [];
  return (
    <>
      <PageTitle>{t('support.inbox.title')}</PageTitle>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const age = typeof ageField === 'number' ? ageField : undefined;
          show({ account: accountField.trim() || undefined, olderThanDays: age, page: undefined });
        }}
      >
        <Group align="flex-end" mb="md" wrap="wrap">
          <Select
            label={t('support.state')}
            data={[
              { value: '', label: t('support.inbox.anyState') },
              ...supportStates.map((value) => ({ value, label: t(`support.states.${value}`) })),
            ]}
            value={state ?? ''}
            allowDeselect={false}
            onChange={(value) => show({ state: value || undefined, page: undefined })}
          />
          <TextInput
            label={t('support.inbox.account')}
            value={accountField}
            onChange={(event) => setAccountField(event.currentTarget.value)}
          />
          <NumberInput
            label={t('support.inbox.olderThan')}
            min={0}
            max={3650}
            allowDecimal={false}
            value={ageField}
            onChange={setAgeField}
          />
          <Button type="submit" variant="default">
            {t('support.inbox.filter')}
          </Button>
        </Group>
      </form>
      <ErrorAlert message={error?.message} />
      {isPending && <Loading label={t('support.inbox.loading')} />}
      {data && items.length === 0 && <Text size="sm">{t('support.inbox.none')}</Text>}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table aria-label={t('support.inbox.title')} verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('support.reference')}</Table.Th>
                <Table.Th>{t('support.subject')}</Table.Th>
                <Table.Th>{t('support.inbox.customer')}</Table.Th>
                <Table.Th>{t('support.state')}</Table.Th>
                <Table.Th>{t('support.lastActivity')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((request) => (
                <Table.Tr key={request.id}>
                  <Table.Td>{request.reference}</Table.Td>
                  <Table.Td>
                    <Link to="/operator/support/$id" params={{ id: request.id }}>
                      {request.subject}
                    </Link>
                    <Text size="sm" c="dimmed">
                      {request.requesterName}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {request.account.name}
                    <Text size="sm" c="dimmed">
                      {request.account.customerNumber}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <StateBadge state={request.state} />
                  </Table.Td>
                  <Table.Td>{formatDateTime(request.lastActivityAt, i18n.language)}</Table.Td>
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
          onChange={(next) => show({ page: next })}
        />
      )}
    </>
  );
}
