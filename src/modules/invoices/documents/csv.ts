// CSV as the users export writes it (U8), for invoices' downloads: the separator a spreadsheet of the
// language expects (semicolon for German and Hungarian, comma for English), a byte-order mark so Excel reads
// UTF-8, RFC 4180 quoting, and no cell a spreadsheet would run as a formula.
import type { Locale } from '../../../config.ts';

export const csvSeparator = (locale: Locale) => (locale === 'en' ? ',' : ';');

const plainNumber = /^-?\d+(?:[.,]\d+)?$/;

/** One cell: quoted when it must be, and prefixed with ' when it starts like a formula (OWASP); a plain
 *  number such as "-0,05" stays a number. */
export function csvCell(value: string | number | null | undefined, separator: string): string {
  let text = value == null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text) && !plainNumber.test(text)) text = `'${text}`;
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole file: header and rows, CRLF line ends. */
export function formatCsv(locale: Locale, header: string[], rows: (string | number | null)[][]): string {
  const separator = csvSeparator(locale);
  const line = (cells: (string | number | null)[]) =>
    cells.map((cell) => csvCell(cell, separator)).join(separator);
  return `\uFEFF${[line(header), ...rows.map(line)].join('\r\n')}\r\n`;
}
