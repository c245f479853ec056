import { Button, Group, NumberInput, Select, Text, TextInput } from '@mantine/core';
import { keepPreviousData } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { supportInboxRoute } from '../../app/router.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { Paging } from '../../ui/Paging.tsx';
import { RequestsTable } from './RequestsTable.tsx';
import { type SupportState, supportStates } from './support-ui.tsx';

const pageSize = 25;
const isState = (value: string | undefined): value is SupportState =>
  supportStates.includes(value as SupportState);

/** C3: every account's support requests, latest activity first, by state, account and age. */
export function SupportInboxPage() {
  const { t } = useTranslation();
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
        <RequestsTable label={t('support.inbox.title')} rows={items} requestPage="/operator/support/$id" />
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
