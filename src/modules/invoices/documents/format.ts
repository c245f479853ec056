// Money, rates, quantities and dates two ways: exact decimal strings for the XML (from integer cents, never
// through floating point), and in the document's language for the PDF and the CSV. The language's formatters
// and texts are made once and reused by every document.
import countries from 'i18n-iso-countries';
import type { Locale } from '../../../config.ts';
import { serverCatalogs } from '../../../shared/i18n.ts';

function assertInteger(value: number, what: string) {
  if (!Number.isSafeInteger(value)) throw new Error(`${what} must be an integer, got ${value}`);
}

/** 12345 → "123.45", -5 → "-0.05". */
export function centsToDecimal(cents: number): string {
  assertInteger(cents, 'An amount in cents');
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Basis points as a percentage: 1900 → "19", 750 → "7.5", 0 → "0". */
export function basisPointsToPercent(bp: number): string {
  assertInteger(bp, 'A VAT rate in basis points');
  const abs = Math.abs(bp);
  const fraction = String(abs % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return `${bp < 0 ? '-' : ''}${Math.trunc(abs / 100)}${fraction ? `.${fraction}` : ''}`;
}

/** A quantity as XML wants it (no exponent, no grouping). */
export function quantityToDecimal(quantity: number): string {
  if (!Number.isFinite(quantity)) throw new Error(`A quantity must be finite, got ${quantity}`);
  return Number.isInteger(quantity) ? String(quantity) : quantity.toFixed(6).replace(/0+$/, '');
}

type Catalog = (typeof serverCatalogs)['de']['invoiceDocument'];

export interface DocumentLanguage {
  texts: Catalog;
  /** "{{name}}" placeholders filled in. */
  fill(text: string, values: Record<string, string>): string;
  money(cents: number): string;
  /** YYYY-MM-DD in the language's medium style ("01.02.2026", "1 Feb 2026", "2026. febr. 1."). */
  date(isoDate: string): string;
  period(period: { from: string; to: string }): string;
  quantity(quantity: number): string;
  percent(bp: number): string;
  country(code: string): string;
  unit(unit: string): string;
}

const intlLocale: Record<Locale, string> = { de: 'de-DE', en: 'en-GB', hu: 'hu-HU' };
const languages = new Map<Locale, DocumentLanguage>();

function makeLanguage(locale: Locale): DocumentLanguage {
  const texts = serverCatalogs[locale].invoiceDocument;
  const tag = intlLocale[locale];
  const money = new Intl.NumberFormat(tag, { style: 'currency', currency: 'EUR' });
  const number = new Intl.NumberFormat(tag, { maximumFractionDigits: 6 });
  const percent = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 2 });
  const date = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: 'UTC' });
  const formatDate = (isoDate: string) => date.format(new Date(`${isoDate}T00:00:00Z`));
  const units: Record<string, string> = texts.units;
  return {
    texts,
    fill: (text, values) => text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? ''),
    // Intl formats a decimal string exactly, so no cent is lost on the way.
    money: (cents) => money.format(centsToDecimal(cents) as `${number}`),
    date: formatDate,
    period: ({ from, to }) => `${formatDate(from)} – ${formatDate(to)}`,
    quantity: (quantity) => number.format(quantity),
    percent: (bp) => percent.format(bp / 10_000),
    country: (code) => countries.getName(code, locale) ?? code,
    unit: (unit) => units[unit] ?? unit,
  };
}

export function documentLanguage(locale: Locale): DocumentLanguage {
  let language = languages.get(locale);
  if (!language) {
    language = makeLanguage(locale);
    languages.set(locale, language);
  }
  return language;
}
