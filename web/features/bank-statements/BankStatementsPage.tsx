// P4: the operators' incoming payments. A camt.053 statement from the bank is imported here; credits naming
// invoices are booked at once, the rest wait for a click on a suggested invoice or a typed invoice number.
// A wrong booking is reversed here; its credit then waits again.
import { Alert, Input, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type ChangeEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiResult, api } from '../../api/client.ts';
import { ErrorAlert, FormErrorAlert } from '../../ui/ErrorAlert.tsx';
import { fileAsBase64 } from '../../ui/file-base64.ts';
import { useKontorForm } from '../../ui/forms.ts';
import { Loading } from '../../ui/Loading.tsx';
import { notifyDone } from '../../ui/notify.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { useInvoiceFormat } from '../invoices/invoice-ui.tsx';
import { AssignEntry, type Entry, entriesPath, ReverseButton } from './entry-actions.tsx';

type Imported = ApiResult<'/api/v1/operator/bank-statements', 'post'>;

export function BankStatementsPage() {
  const { t } = useTranslation();
  const entries = api.useQuery('get', entriesPath);
  const items = entries.data?.items ?? [];
  const waiting = items.filter((entry) => entry.state === 'unmatched');
  const booked = items.filter((entry) => entry.state !== 'unmatched');
  return (
    <>
      <PageTitle>{t('bankStatements.title')}</PageTitle>
      <Text mb="md">{t('bankStatements.intro')}</Text>
      <Stack gap="xl">
        <ImportForm />
        <ErrorAlert message={entries.error?.message} />
        {entries.isPending && <Loading />}
        {entries.data && (
          <>
            <section aria-labelledby="waiting-title">
              <Title order={2} size="h4" id="waiting-title" mb="xs">
                {t('bankStatements.waitingTitle', { count: waiting.length })}
              </Title>
              {waiting.length === 0 ? (
                <Text size="sm">{t('bankStatements.noneWaiting')}</Text>
              ) : (
                <EntryTable
                  entries={waiting}
                  caption={t('bankStatements.waitingTitle', { count: waiting.length })}
                />
              )}
            </section>
            <section aria-labelledby="booked-title">
              <Title order={2} size="h4" id="booked-title" mb="xs">
                {t('bankStatements.bookedTitle')}
              </Title>
              {booked.length === 0 ? (
                <Text size="sm">{t('bankStatements.noneBooked')}</Text>
              ) : (
                <EntryTable entries={booked} caption={t('bankStatements.bookedTitle')} />
              )}
            </section>
          </>
        )}
      </Stack>
    </>
  );
}

function ImportForm() {
  const { t } = useTranslation();
  const format = useInvoiceFormat();
  const queryClient = useQueryClient();
  const upload = api.useMutation('post', '/api/v1/operator/bank-statements');
  const form = useKontorForm<Record<string, never>>({ initialValues: {} });
  const [result, setResult] = useState<Imported | null>(null);
  const fileId = useId();

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    event.currentTarget.value = '';
    if (!file) return;
    const data = await fileAsBase64(file);
    form.clearAlert();
    setResult(null);
    try {
      const imported = await upload.mutateAsync({ body: { data, fileName: file.name } });
      setResult(imported);
      notifyDone(t('bankStatements.imported', { count: imported.entries }));
      for (const path of [entriesPath, '/api/v1/operator/audit'])
        void queryClient.invalidateQueries({ queryKey: ['get', path] });
    } catch (caught) {
      form.showApiError(caught);
    }
  };

  return (
    <form ref={form.formRef} onSubmit={(event) => event.preventDefault()} noValidate>
      <Stack maw={640} gap="sm">
        <FormErrorAlert alert={form.alert} />
        <Input.Wrapper
          id={fileId}
          label={t('bankStatements.file')}
          description={t('bankStatements.fileHint')}
        >
          <input
            id={fileId}
            type="file"
            accept=".xml,application/xml,text/xml"
            onChange={choose}
            aria-describedby={`${fileId}-description`}
            disabled={upload.isPending}
          />
        </Input.Wrapper>
        {upload.isPending && <Loading label={t('bankStatements.importing')} />}
        {result && (
          <Alert color="green" variant="light" role="status">
            {t('bankStatements.result', {
              matched: result.matched,
              unmatched: result.unmatched,
              amount: format.money(result.bookedCents),
            })}
            {result.duplicates > 0 && ` ${t('bankStatements.duplicates', { count: result.duplicates })}`}
            {result.skippedDebits + result.skippedOther > 0 &&
              ` ${t('bankStatements.skipped', { count: result.skippedDebits + result.skippedOther })}`}
          </Alert>
        )}
      </Stack>
    </form>
  );
}

function EntryTable({ entries, caption }: { entries: Entry[]; caption: string }) {
  const { t } = useTranslation();
  const format = useInvoiceFormat();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table aria-label={caption} verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('bankStatements.valueDate')}</Table.Th>
            <Table.Th ta="right">{t('payments.amount')}</Table.Th>
            <Table.Th>{t('bankStatements.payer')}</Table.Th>
            <Table.Th>{t('payments.reference')}</Table.Th>
            <Table.Th>{t('bankStatements.booking')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={entry.id}>
              <Table.Td>{format.day(entry.bookedOn)}</Table.Td>
              <Table.Td ta="right">
                {entry.currency === 'EUR'
                  ? format.money(entry.amountCents)
                  : `${(entry.amountCents / 100).toFixed(2)} ${entry.currency}`}
              </Table.Td>
              <Table.Td>
                {entry.debtorName ?? '–'}
                {entry.debtorIban && (
                  <Text size="xs" c="dimmed">
                    {entry.debtorIban}
                  </Text>
                )}
              </Table.Td>
              <Table.Td maw={260} style={{ overflowWrap: 'anywhere' }}>
                {entry.remittance ?? '–'}
              </Table.Td>
              <Table.Td>
                <Stack gap={6}>
                  {entry.payments.map((payment) => (
                    <Text size="sm" key={payment.id} td={payment.reversed ? 'line-through' : undefined}>
                      {t('bankStatements.bookedOn', {
                        number: payment.invoice.number,
                        account: payment.invoice.accountName,
                        amount: format.money(payment.amountCents),
                      })}
                      {payment.reversed && ` (${t('bankStatements.reversed')})`}
                      {!payment.reversed && entry.state !== 'unmatched' && (
                        <ReverseButton paymentId={payment.id} number={payment.invoice.number} />
                      )}
                    </Text>
                  ))}
                  {entry.state === 'unmatched' && <AssignEntry entry={entry} />}
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
