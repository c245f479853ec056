import { Card, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useCustomer } from '../../app/session.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { AppendixTable, Downloads, KindBadge, LinesTable, useInvoiceFormat } from './invoice-ui.tsx';
import { OpenAmounts, PaymentBadge } from './payment-ui.tsx';
import { SepaMandateSection } from './SepaMandateSection.tsx';

/** B3: the running month so far, then every invoice and credit note with its downloads. */
export function InvoicesPage() {
  const { t } = useTranslation();
  const { account } = useCustomer();
  const params = { params: { path: { accountId: account.id } } };
  const invoices = api.useQuery('get', '/api/v1/accounts/{accountId}/invoices', params);
  const items = invoices.data?.items ?? [];
  const format = useInvoiceFormat();
  const base = `/api/v1/accounts/${encodeURIComponent(account.id)}/invoices`;
  return (
    <>
      <PageTitle>{t('invoices.title')}</PageTitle>
      <Text c="dimmed" size="sm" mb="md">
        {t('invoices.intro')}
      </Text>
      <Stack gap="xl">
        <RunningMonth />
        <section aria-labelledby="invoices-list-title">
          <Title order={2} size="h4" id="invoices-list-title" mb="sm">
            {t('invoices.listTitle')}
          </Title>
          <ErrorAlert message={invoices.error?.message} />
          {invoices.isPending && <Loading label={t('invoices.loading')} />}
          {invoices.data && items.length === 0 && <Text size="sm">{t('invoices.none')}</Text>}
          <OpenAmounts items={items} />
          {items.length > 0 && (
            <Table.ScrollContainer minWidth={900}>
              <Table aria-label={t('invoices.listTitle')} verticalSpacing="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('invoices.number')}</Table.Th>
                    <Table.Th>{t('invoices.kind')}</Table.Th>
                    <Table.Th>{t('invoices.issueDate')}</Table.Th>
                    <Table.Th>{t('invoices.period')}</Table.Th>
                    <Table.Th ta="right">{t('invoices.net')}</Table.Th>
                    <Table.Th ta="right">{t('invoices.gross')}</Table.Th>
                    <Table.Th>{t('invoices.dueDate')}</Table.Th>
                    <Table.Th ta="right">{t('payments.open')}</Table.Th>
                    <Table.Th>{t('payments.state')}</Table.Th>
                    <Table.Th>{t('invoices.downloads')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((invoice) => (
                    <Table.Tr key={invoice.id}>
                      <Table.Td>
                        <Link to="/account/invoices/$id" params={{ id: invoice.id }}>
                          {invoice.number}
                        </Link>
                        {invoice.correctsNumber && (
                          <Text size="sm" c="dimmed">
                            {t('invoices.corrects', { number: invoice.correctsNumber })}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <KindBadge kind={invoice.kind} />
                      </Table.Td>
                      <Table.Td>{format.day(invoice.issueDate)}</Table.Td>
                      <Table.Td>{format.period(invoice.periodFrom, invoice.periodTo)}</Table.Td>
                      <Table.Td ta="right">{format.money(invoice.netCents)}</Table.Td>
                      <Table.Td ta="right">{format.money(invoice.grossCents)}</Table.Td>
                      <Table.Td>{invoice.dueDate && format.day(invoice.dueDate)}</Table.Td>
                      <Table.Td ta="right">
                        {invoice.paymentState && format.money(invoice.openCents)}
                      </Table.Td>
                      <Table.Td>
                        <PaymentBadge state={invoice.paymentState} />
                      </Table.Td>
                      <Table.Td>
                        <Downloads base={`${base}/${encodeURIComponent(invoice.id)}`} invoice={invoice} csv />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </section>
        <SepaMandateSection accountId={account.id} />
      </Stack>
    </>
  );
}

/** What the next invoice would bill if the month ended now; computed on every visit, never stored. */
function RunningMonth() {
  const { t } = useTranslation();
  const { account } = useCustomer();
  const format = useInvoiceFormat();
  const preview = api.useQuery('get', '/api/v1/accounts/{accountId}/invoice-preview', {
    params: { path: { accountId: account.id } },
  });
  const data = preview.data;
  return (
    <Card withBorder component="section" aria-labelledby="invoices-preview-title">
      <Title order={2} size="h4" id="invoices-preview-title">
        {data
          ? t('invoices.previewTitle', { month: format.month(data.month) })
          : t('invoices.previewLoading')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('invoices.previewIntro')}
      </Text>
      <ErrorAlert message={preview.error?.message} />
      {preview.isPending && <Loading label={t('invoices.previewLoading')} />}
      {data && data.lines.length === 0 && <Text size="sm">{t('invoices.previewNone')}</Text>}
      {data && data.lines.length > 0 && (
        <Stack>
          <Text size="sm">{t('invoices.previewEvents', { count: data.events })}</Text>
          <LinesTable caption={t('invoices.previewLines')} lines={data.lines} totals={data} />
          <Title order={3} size="h5">
            {t('invoices.appendixTitle')}
          </Title>
          <AppendixTable caption={t('invoices.appendixTitle')} entries={data.appendix} />
        </Stack>
      )}
    </Card>
  );
}
