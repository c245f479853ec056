import { Badge, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type ApiResult, api, asApiError } from '../../api/client.ts';
import { useOperatorRole } from '../../app/operator-roles.ts';
import { ErrorAlert, FormErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDateTime } from '../../ui/format-date.ts';
import { useKontorForm, useRequired } from '../../ui/forms.ts';
import { Loading } from '../../ui/Loading.tsx';
import { notifyDone } from '../../ui/notify.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { useInvoiceFormat } from './invoice-ui.tsx';

type Month = ApiResult<'/api/v1/operator/invoice-runs'>['items'][number];
const stateColors: Record<Month['state'], string> = { open: 'blue', grace: 'orange', closed: 'gray' };

/** B1: per month its state, what is billed and what still waits; a month that has ended is billed here. */
export function OperatorInvoiceRunsPage() {
  const { t, i18n } = useTranslation();
  const format = useInvoiceFormat();
  const runs = api.useQuery('get', '/api/v1/operator/invoice-runs');
  const mayBill = useOperatorRole()('billing');
  const items = runs.data?.items ?? [];
  return (
    <>
      <PageTitle>{t('invoiceRuns.title')}</PageTitle>
      <Text mb="md">{t('invoiceRuns.intro', { timeZone: runs.data?.timeZone ?? '' })}</Text>
      <Stack gap="xl">
        {mayBill && <RunForm />}
        <ErrorAlert message={runs.error?.message} />
        {runs.isPending && <Loading label={t('invoiceRuns.loading')} />}
        {runs.data && items.length === 0 && <Text size="sm">{t('invoiceRuns.none')}</Text>}
        {items.length > 0 && (
          <Table.ScrollContainer minWidth={720}>
            <Table aria-label={t('invoiceRuns.caption')} verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('invoiceRuns.month')}</Table.Th>
                  <Table.Th>{t('invoiceRuns.state')}</Table.Th>
                  <Table.Th ta="right">{t('invoiceRuns.invoices')}</Table.Th>
                  <Table.Th ta="right">{t('invoices.net')}</Table.Th>
                  <Table.Th ta="right">{t('invoices.gross')}</Table.Th>
                  <Table.Th ta="right">{t('invoiceRuns.waiting')}</Table.Th>
                  <Table.Th>{t('invoiceRuns.lastIssued')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((month) => (
                  <Table.Tr key={month.month}>
                    <Table.Td>
                      {format.month(month.month)}
                      <Text size="sm" c="dimmed">
                        {month.month}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge size="sm" variant="light" color={stateColors[month.state]}>
                        {t(`invoiceRuns.states.${month.state}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="right">{month.invoices}</Table.Td>
                    <Table.Td ta="right">{format.money(month.netCents)}</Table.Td>
                    <Table.Td ta="right">{format.money(month.grossCents)}</Table.Td>
                    <Table.Td ta="right">{month.waitingAccounts}</Table.Td>
                    <Table.Td>{formatDateTime(month.lastIssuedAt, i18n.language)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </>
  );
}

function RunForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const required = useRequired();
  const run = api.useMutation('post', '/api/v1/operator/invoice-runs');
  const form = useKontorForm({
    initialValues: { month: previousMonth() },
    validate: {
      month: (value: string) =>
        required(value) ??
        (/^\d{4}-(0[1-9]|1[0-2])$/.test(value.trim()) ? null : t('invoiceRuns.monthFormat')),
    },
  });
  const submit = form.submit(async ({ month }) => {
    const result = await run.mutateAsync({ body: { month: month.trim() } }).catch((error) => {
      // The missing seller fields are named in the message; they are not fields of this form.
      const refusal = asApiError(error);
      if (refusal.code !== 'INVOICE_SELLER_INCOMPLETE') throw error;
      form.fail(refusal.message);
      return null;
    });
    if (!result) return;
    for (const path of ['/api/v1/operator/invoice-runs', '/api/v1/operator/audit'] as const)
      void queryClient.invalidateQueries({ queryKey: ['get', path] });
    notifyDone(
      result.issued === 0
        ? t('invoiceRuns.nothingIssued', { month: result.month })
        : t('invoiceRuns.issued', {
            count: result.issued,
            month: result.month,
            first: result.firstNumber ?? '',
            last: result.lastNumber ?? '',
          }),
    );
  });
  return (
    <form ref={form.formRef} onSubmit={submit} noValidate aria-labelledby="invoice-run-title">
      <Text fw={600} id="invoice-run-title" mb="xs">
        {t('invoiceRuns.runTitle')}
      </Text>
      <FormErrorAlert alert={form.alert} />
      <Group align="flex-end">
        <TextInput
          {...form.getInputProps('month')}
          key={form.key('month')}
          name="month"
          label={t('invoiceRuns.monthLabel')}
          description={t('invoiceRuns.monthHint')}
          required
          w={220}
        />
        <Button type="submit" loading={form.submitting}>
          {t('invoiceRuns.run')}
        </Button>
      </Group>
    </form>
  );
}

/** The month before this one, the one usually billed next: "2026-11" in December 2026. */
function previousMonth(): string {
  const now = new Date();
  const month = new Date(Date.UTC(now.getFullYear(), now.getMonth() - 1, 1));
  return month.toISOString().slice(0, 7);
}
