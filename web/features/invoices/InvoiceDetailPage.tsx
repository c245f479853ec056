import { Anchor, DataList, Group, Stack, Text, Title, useMatches } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiResult, api } from '../../api/client.ts';
import { invoiceDetailRoute } from '../../app/router.tsx';
import { useCustomer } from '../../app/session.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { InvoiceRemindersList } from './InvoiceRemindersList.tsx';
import { AppendixTable, Downloads, KindBadge, LinesTable, useInvoiceFormat } from './invoice-ui.tsx';
import { PaymentReturnNotice, PayOnlineButton } from './PayOnlineButton.tsx';
import { BankTransferCard, PaymentBadge } from './payment-ui.tsx';

type Detail = ApiResult<'/api/v1/accounts/{accountId}/invoices/{invoiceId}'>;

/** One invoice or credit note as issued: parties, lines, VAT per rate, the appendix and the downloads. */
export function InvoiceDetailPage() {
  const { t } = useTranslation();
  const { id } = invoiceDetailRoute.useParams();
  const { account } = useCustomer();
  const invoice = api.useQuery('get', '/api/v1/accounts/{accountId}/invoices/{invoiceId}', {
    params: { path: { accountId: account.id, invoiceId: id } },
  });
  const data = invoice.data;
  return (
    <>
      <PageTitle>
        {data ? t(`invoices.titleOf.${data.kind}`, { number: data.number }) : t('invoices.title')}
      </PageTitle>
      <Anchor component={Link} to="/account/invoices" size="sm" mb="md" display="block">
        {t('invoices.back')}
      </Anchor>
      <ErrorAlert message={invoice.error?.message} />
      {invoice.isPending && <Loading label={t('invoices.loading')} />}
      {data && (
        <Stack gap="lg">
          <PaymentReturnNotice />
          {data.kind === 'invoice' && data.openCents > 0 && (
            <PayOnlineButton accountId={account.id} invoiceId={data.id} />
          )}
          {data.kind === 'invoice' && <BankTransferCard accountId={account.id} invoiceId={data.id} />}
          <InvoiceDetail
            invoice={data}
            base={`/api/v1/accounts/${encodeURIComponent(account.id)}/invoices/${encodeURIComponent(data.id)}`}
          />
          {data.kind === 'invoice' && <InvoiceRemindersList accountId={account.id} invoiceId={data.id} />}
        </Stack>
      )}
    </>
  );
}

export function InvoiceDetail({
  invoice,
  base,
  csv = true,
}: {
  invoice: Detail;
  base: string;
  csv?: boolean;
}) {
  const { t } = useTranslation();
  const format = useInvoiceFormat();
  const orientation = useMatches({ base: 'vertical', xs: 'horizontal' } as const, {
    getInitialValueInEffect: false,
  });
  const party = (lines: (string | null)[]) =>
    lines.filter(Boolean).map((line) => <Text key={line}>{line}</Text>);
  return (
    <Stack gap="lg">
      <DataList labelWidth={200} orientation={orientation} withDivider>
        <Item label={t('invoices.kind')}>
          <KindBadge kind={invoice.kind} />
        </Item>
        {invoice.correctsNumber && <Item label={t('invoices.correctsLabel')}>{invoice.correctsNumber}</Item>}
        {invoice.reason && <Item label={t('invoices.reason')}>{invoice.reason}</Item>}
        <Item label={t('invoices.issueDate')}>{format.day(invoice.issueDate)}</Item>
        <Item label={t('invoices.period')}>{format.period(invoice.periodFrom, invoice.periodTo)}</Item>
        {invoice.dueDate && <Item label={t('invoices.dueDate')}>{format.day(invoice.dueDate)}</Item>}
        {invoice.paymentState && (
          <Item label={t('payments.state')}>
            <Group gap="xs">
              <PaymentBadge state={invoice.paymentState} />
              <Text size="sm">
                {t('payments.paidOfOpen', {
                  paid: format.money(invoice.paidCents),
                  open: format.money(invoice.openCents),
                })}
                {invoice.creditedCents > 0 &&
                  ` ${t('payments.creditedAmount', { amount: format.money(invoice.creditedCents) })}`}
              </Text>
            </Group>
          </Item>
        )}
        <Item label={t('invoices.seller')}>
          {party([
            invoice.seller.name,
            invoice.seller.street,
            [invoice.seller.postalCode, invoice.seller.city].filter(Boolean).join(' '),
            invoice.seller.country,
            invoice.seller.vatId && t('invoices.vatId', { id: invoice.seller.vatId }),
            invoice.seller.taxNumber && t('invoices.taxNumber', { number: invoice.seller.taxNumber }),
          ])}
        </Item>
        <Item label={t('invoices.buyer')}>
          {party([
            invoice.buyer.name,
            t('invoices.customerNumber', { number: invoice.buyer.customerNumber }),
            invoice.buyer.street,
            [invoice.buyer.postalCode, invoice.buyer.city].filter(Boolean).join(' '),
            invoice.buyer.country,
            invoice.buyer.vatId && t('invoices.vatId', { id: invoice.buyer.vatId }),
          ])}
        </Item>
        <Item label={t('invoices.downloads')}>
          <Downloads base={base} invoice={invoice} csv={csv} />
          {!invoice.hasDocuments && (
            <Text size="sm" c="dimmed">
              {t('invoices.noDocuments')}
            </Text>
          )}
        </Item>
      </DataList>
      <section aria-labelledby="invoice-lines-title">
        <Title order={2} size="h4" id="invoice-lines-title" mb="sm">
          {t('invoices.linesTitle')}
        </Title>
        <LinesTable caption={t('invoices.linesTitle')} lines={invoice.lines} totals={invoice} />
      </section>
      {invoice.appendix.length > 0 && (
        <section aria-labelledby="invoice-appendix-title">
          <Title order={2} size="h4" id="invoice-appendix-title" mb="sm">
            {t('invoices.appendixTitle')}
          </Title>
          <AppendixTable caption={t('invoices.appendixTitle')} entries={invoice.appendix} />
        </section>
      )}
      {invoice.creditNotes.length > 0 && (
        <Text size="sm">
          {t('invoices.creditedBy', {
            numbers: invoice.creditNotes
              .map((note) => `${note.number} (${format.money(note.grossCents)})`)
              .join(', '),
          })}
        </Text>
      )}
    </Stack>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue style={{ overflowWrap: 'anywhere' }}>{children}</DataList.ItemValue>
    </DataList.Item>
  );
}
