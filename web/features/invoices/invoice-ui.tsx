// Pieces the customer's and the operators' invoice pages share: money and dates in the interface language,
// the lines with VAT and totals, the appendix per user, the kind badge and the downloads.
import { Anchor, Badge, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApiResult } from '../../api/client.ts';

export type InvoiceSummary = ApiResult<'/api/v1/accounts/{accountId}/invoices'>['items'][number];
type Preview = ApiResult<'/api/v1/accounts/{accountId}/invoice-preview'>;
type Line = Preview['lines'][number];
type AppendixEntry = Preview['appendix'][number];

export function useInvoiceFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  const money = (cents: number) =>
    new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(cents / 100);
  /** YYYY-MM-DD as a calendar day: the same day wherever the browser is. */
  const day = (value: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
      new Date(`${value}T00:00:00Z`),
    );
  const period = (from: string, to: string) => `${day(from)} – ${day(to)}`;
  const month = (value: string) =>
    new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${value}-01T00:00:00Z`),
    );
  const rate = (basisPoints: number) =>
    new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(
      basisPoints / 10_000,
    );
  return { money, day, period, month, rate };
}

export function KindBadge({ kind }: { kind: InvoiceSummary['kind'] }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="light" color={kind === 'invoice' ? 'blue' : 'grape'}>
      {t(`invoices.kinds.${kind}`)}
    </Badge>
  );
}

/** The PDF, the XML and (for members) the usage CSV; links, so the browser downloads them itself. */
export function Downloads({ base, invoice, csv }: { base: string; invoice: InvoiceSummary; csv: boolean }) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" wrap="nowrap">
      {invoice.hasDocuments && (
        <Anchor href={`${base}/pdf`} download={`${invoice.number}.pdf`} size="sm">
          {t('invoices.pdf')}
          <VisuallyHidden> {invoice.number}</VisuallyHidden>
        </Anchor>
      )}
      {invoice.hasDocuments && csv && (
        <Anchor href={`${base}/xml`} download={`${invoice.number}.xml`} size="sm">
          {t('invoices.xml')}
          <VisuallyHidden> {invoice.number}</VisuallyHidden>
        </Anchor>
      )}
      {csv && invoice.kind === 'invoice' && (
        <Anchor href={`${base}/usage.csv`} download={`${invoice.number}-usage.csv`} size="sm">
          {t('invoices.csv')}
          <VisuallyHidden> {invoice.number}</VisuallyHidden>
        </Anchor>
      )}
    </Group>
  );
}

/** Lines, then net per VAT rate, VAT and gross: the invoice's own arithmetic, as issued or previewed. */
export function LinesTable({
  caption,
  lines,
  totals,
}: {
  caption: string;
  lines: Line[];
  totals: Pick<Preview, 'vatBreakdown' | 'netCents' | 'vatCents' | 'grossCents'>;
}) {
  const { t } = useTranslation();
  const format = useInvoiceFormat();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table aria-label={caption} verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('invoices.line.description')}</Table.Th>
            <Table.Th ta="right">{t('invoices.line.quantity')}</Table.Th>
            <Table.Th ta="right">{t('invoices.line.unitNet')}</Table.Th>
            <Table.Th ta="right">{t('invoices.line.vatRate')}</Table.Th>
            <Table.Th ta="right">{t('invoices.line.net')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((line) => (
            <Table.Tr key={line.position}>
              <Table.Td>
                {line.description}
                {line.periodFrom && line.periodTo && (
                  <Text size="sm" c="dimmed">
                    {t('invoices.line.late', { period: format.period(line.periodFrom, line.periodTo) })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right">{line.quantity}</Table.Td>
              <Table.Td ta="right">{format.money(line.unitNetCents)}</Table.Td>
              <Table.Td ta="right">{format.rate(line.vatRateBp)}</Table.Td>
              <Table.Td ta="right">{format.money(line.netCents)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th colSpan={4}>{t('invoices.net')}</Table.Th>
            <Table.Td ta="right">{format.money(totals.netCents)}</Table.Td>
          </Table.Tr>
          {totals.vatBreakdown.map((rate) => (
            <Table.Tr key={rate.vatRateBp}>
              <Table.Th colSpan={4} fw="normal">
                {t('invoices.vatOf', { rate: format.rate(rate.vatRateBp), net: format.money(rate.netCents) })}
              </Table.Th>
              <Table.Td ta="right">{format.money(rate.vatCents)}</Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Th colSpan={4}>{t('invoices.gross')}</Table.Th>
            <Table.Td ta="right" fw={700}>
              {format.money(totals.grossCents)}
            </Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Who made which requests: per user (as recorded) and service. */
export function AppendixTable({ caption, entries }: { caption: string; entries: AppendixEntry[] }) {
  const { t } = useTranslation();
  const format = useInvoiceFormat();
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table aria-label={caption} verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('invoices.appendix.user')}</Table.Th>
            <Table.Th>{t('invoices.appendix.service')}</Table.Th>
            <Table.Th ta="right">{t('invoices.line.quantity')}</Table.Th>
            <Table.Th ta="right">{t('invoices.line.net')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={`${entry.userNumber}|${entry.userName}|${entry.serviceCode}`}>
              <Table.Td>
                {entry.userName}
                <Text size="sm" c="dimmed">
                  {entry.userNumber}
                </Text>
              </Table.Td>
              <Table.Td>{entry.description}</Table.Td>
              <Table.Td ta="right">{entry.quantity}</Table.Td>
              <Table.Td ta="right">{format.money(entry.netCents)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
