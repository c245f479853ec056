// T1's defaults: what a step keeps when it is skipped, and what a missing settings row stands for.
import type { Locale } from '../../config.ts';
import { isLocale, translator } from '../../shared/i18n.ts';
import { formatName, type PersonName } from '../../shared/names.ts';
import { defaultCountry } from '../../shared/phone.ts';
import type { dateFormats } from './express-setup.schemas.ts';

const dateFormatOfLocale: Record<Locale, (typeof dateFormats)[number]> = {
  de: 'DD.MM.YYYY',
  en: 'DD/MM/YYYY',
  hu: 'YYYY.MM.DD',
};

export const localeOr = (value: string | null | undefined, fallback: Locale): Locale =>
  isLocale(value) ? value : fallback;

/** "Willkommen bei Muster GmbH. …", in the account's language. */
export const defaultCompanyGreeting = (company: string, accountLocale: Locale) =>
  translator(accountLocale)('expressSetup.defaultCompanyGreeting', { company });

/** "Sie sind mit der Mailbox von Maria Muster verbunden. …", in the user's language. */
export const defaultVoicemailGreeting = (person: PersonName, locale: Locale) =>
  translator(locale)('expressSetup.defaultVoicemailGreeting', { name: formatName(person, locale) });

/** Region settings before the user chose any: the account's time zone and country, the language's formats. */
export function defaultRegion(
  account: { timezone: string; billingCountry: string | null },
  locale: Locale,
): { timeZone: string; country: string; dateFormat: (typeof dateFormats)[number]; timeFormat: '24h' } {
  return {
    timeZone: account.timezone,
    country: defaultCountry(account.billingCountry, locale),
    dateFormat: dateFormatOfLocale[locale],
    timeFormat: '24h',
  };
}

/** One paragraph as callers hear it: surrounding and repeated white space dropped. */
export const tidyText = (text: string | null | undefined) => text?.trim().replace(/\s+/g, ' ') ?? '';
