// The invoice's usage, one row per request (who, when, which service, what was asked, net), in the reader's
// language: semicolons for German and Hungarian, commas for English (their spreadsheets' list separator),
// a byte-order mark so Excel reads UTF-8, times in the account's time zone.
import { TZDate } from '@date-fns/tz';
import type { Locale } from '../../config.ts';
import { serverCatalogs } from '../../shared/i18n.ts';
import { decimal } from './invoice-words.ts';

export interface UsageRow {
  occurredAt: string;
  billingMonth: string;
  userNumber: string;
  userName: string;
  serviceCode: string;
  nameDe: string;
  nameEn: string;
  nameHu: string;
  reference: string | null;
  quantity: number;
  unitNetCents: number;
  vatRateBp: number;
}

const columns = [
  'occurredAt',
  'billingMonth',
  'userNumber',
  'userName',
  'service',
  'description',
  'reference',
  'quantity',
  'unitNet',
  'net',
  'vatRate',
] as const;

/** A cell a spreadsheet would run as a formula is prefixed with ' (OWASP CSV injection); RFC 4180 quoting. */
function cell(value: string, separator: string): string {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /["\r\n]/.test(text) || text.includes(separator) ? `"${text.replaceAll('"', '""')}"` : text;
}

function localTime(instant: string, timeZone: string): string {
  const local = new TZDate(new Date(instant).getTime(), timeZone);
  const two = (value: number) => String(value).padStart(2, '0');
  return (
    `${local.getFullYear()}-${two(local.getMonth() + 1)}-${two(local.getDate())} ` +
    `${two(local.getHours())}:${two(local.getMinutes())}:${two(local.getSeconds())}`
  );
}

export function formatUsageCsv(rows: readonly UsageRow[], locale: Locale, timeZone: string): string {
  const words = serverCatalogs[locale].csv.invoiceUsage;
  const separator = locale === 'en' ? ',' : ';';
  const name = (row: UsageRow) => (locale === 'en' ? row.nameEn : locale === 'hu' ? row.nameHu : row.nameDe);
  const values = (row: UsageRow) => [
    localTime(row.occurredAt, timeZone),
    row.billingMonth,
    row.userNumber,
    row.userName,
    row.serviceCode,
    name(row),
    row.reference ?? '',
    String(row.quantity),
    decimal(row.unitNetCents, locale),
    decimal(row.quantity * row.unitNetCents, locale),
    decimal(row.vatRateBp, locale), // basis points are hundredths of a percent, like cents
  ];
  const lines = [
    columns.map((column) => cell(words[column], separator)).join(separator),
    ...rows.map((row) =>
      values(row)
        .map((value) => cell(value, separator))
        .join(separator),
    ),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
