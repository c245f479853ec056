// Dates and money as the invoice's or the reader's language writes them, for e-mails and the CSV.
import { TZDate } from '@date-fns/tz';
import type { Locale } from '../../config.ts';

/** The calendar day of an instant in a time zone, YYYY-MM-DD. */
export function dayOf(instant: Date, timeZone: string): string {
  const local = new TZDate(instant.getTime(), timeZone);
  const two = (value: number) => String(value).padStart(2, '0');
  return `${local.getFullYear()}-${two(local.getMonth() + 1)}-${two(local.getDate())}`;
}

/** "2026-01-31" plus 14 days → "2026-02-14". */
export function addDays(day: string, count: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + count)).toISOString().slice(0, 10);
}

// Made once per language: building an Intl formatter costs about a millisecond, more than the invoice run
// spends on anything else of an e-mail's words (bench I1).
const monthFormats = new Map<Locale, Intl.DateTimeFormat>();
const moneyFormats = new Map<Locale, Intl.NumberFormat>();
const once = <Format>(formats: Map<Locale, Format>, locale: Locale, make: () => Format): Format => {
  const made = formats.get(locale) ?? make();
  formats.set(locale, made);
  return made;
};

/** "2026-11" → "November 2026" (de, en), "2026. november" (hu). */
export function monthName(month: string, locale: Locale): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const format = once(
    monthFormats,
    locale,
    () => new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }),
  );
  return format.format(Date.UTC(year, monthNumber - 1, 1));
}

export const money = (cents: number, locale: Locale) =>
  once(
    moneyFormats,
    locale,
    () => new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }),
  ).format(cents / 100);

/** Cents as a plain decimal for spreadsheets: "1234,56" (de, hu) or "1234.56" (en). */
export function decimal(cents: number, locale: Locale): string {
  const sign = cents < 0 ? '-' : '';
  const absolute = Math.abs(cents);
  const text = `${Math.floor(absolute / 100)}${locale === 'en' ? '.' : ','}${String(absolute % 100).padStart(2, '0')}`;
  return `${sign}${text}`;
}
