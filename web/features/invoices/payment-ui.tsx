// P1, P2: what is open on an invoice, and how to pay it by bank transfer (account, reference, amount and the
// GiroCode a banking app scans).
import { Badge, Card, Group, Image, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { type InvoiceSummary, useInvoiceFormat } from './invoice-ui.tsx';

const stateColors = { open: 'blue', overdue: 'red', paid: 'green', credited: 'gray' } as const;

export function PaymentBadge({ state }: { state: InvoiceSummary['paymentState'] }) {
  const { t } = useTranslation();
  if (!state) return null;
  return (
    <Badge size="sm" variant="light" color={stateColors[state]}>
      {t(`payments.states.${state}`)}
    </Badge>
  );
}

/** The total still open, and how much of it is overdue, above the invoice list. */
export function OpenAmounts({ items }: { items: InvoiceSummary[] }) {
  const { t } = useTranslation();
  const format = useInvoiceFormat();
  const open = items.filter((item) => item.openCents > 0 && item.paymentState !== null);
  if (open.length === 0) return null;
  const sum = (list: InvoiceSummary[]) => list.reduce((total, item) => total + item.openCents, 0);
  const overdue = open.filter((item) => item.paymentState === 'overdue');
  return (
    <Text size="sm" mb="sm" role="status">
      {t('payments.openSummary', { count: open.length, amount: format.money(sum(open)) })}
      {overdue.length > 0 &&
        ` ${t('payments.overdueSummary', { count: overdue.length, amount: format.money(sum(overdue)) })}`}
    </Text>
  );
}

/** P2: the member's view of paying by transfer; nothing to show once the invoice is settled. */
export function BankTransferCard({ accountId, invoiceId }: { accountId: string; invoiceId: string }) {
  const { t } = useTranslation();
  const format = useInvoiceFormat();
  const transfer = api.useQuery('get', '/api/v1/accounts/{accountId}/invoices/{invoiceId}/bank-transfer', {
    params: { path: { accountId, invoiceId } },
  });
  const data = transfer.data;
  if (data && data.amountCents === 0) return null;
  return (
    <Card withBorder component="section" aria-labelledby="bank-transfer-title">
      <Title order={2} size="h4" id="bank-transfer-title" mb="sm">
        {t(data?.directDebit ? 'payments.directDebitTitle' : 'payments.transferTitle')}
      </Title>
      <ErrorAlert message={transfer.error?.message} />
      {data?.directDebit && (
        <Text size="sm" role="status">
          {t('payments.directDebitAnnounced', {
            amount: format.money(data.directDebit.amountCents),
            date: format.day(data.directDebit.collectionDate),
            reference: data.directDebit.mandateReference,
          })}
        </Text>
      )}
      {data && !data.directDebit && (
        <Group align="flex-start" gap="xl">
          <Stack gap="xs">
            <Table variant="vertical" withRowBorders={false} aria-label={t('payments.transferTitle')}>
              <Table.Tbody>
                <Row label={t('payments.holder')} value={data.holder} />
                <Row label={t('payments.iban')} value={data.iban} />
                {data.bic && <Row label={t('payments.bic')} value={data.bic} />}
                <Row label={t('payments.amount')} value={format.money(data.amountCents)} />
                <Row label={t('payments.reference')} value={data.reference} />
                {data.dueDate && <Row label={t('invoices.dueDate')} value={format.day(data.dueDate)} />}
              </Table.Tbody>
            </Table>
            <Text size="sm" c="dimmed">
              {t('payments.referenceHint')}
            </Text>
          </Stack>
          {data.qrSvg && (
            <Stack gap={4} align="center">
              <Image
                src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(data.qrSvg)}`}
                alt={t('payments.giroCodeAlt', { number: data.reference })}
                w={180}
                h={180}
                data-epc-payload={data.epcPayload ?? undefined}
              />
              <Text size="xs" c="dimmed" maw={200} ta="center">
                {t('payments.giroCodeHint')}
              </Text>
            </Stack>
          )}
        </Group>
      )}
    </Card>
  );
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <Table.Tr>
      <Table.Th w={160}>{label}</Table.Th>
      <Table.Td style={{ overflowWrap: 'anywhere' }}>{value}</Table.Td>
    </Table.Tr>
  );
}
