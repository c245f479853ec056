// Country names in the interface language, from the same ISO 3166 list the server checks against. The
// package's browser build knows no language until one is registered.
import countries from 'i18n-iso-countries';
import de from 'i18n-iso-countries/langs/de.json';
import en from 'i18n-iso-countries/langs/en.json';
import hu from 'i18n-iso-countries/langs/hu.json';
import type { Locale } from '../../i18n/i18n.ts';

for (const data of [de, en, hu]) countries.registerLocale(data);

const cache = new Map<Locale, { value: string; label: string }[]>();

/** Every country as a Select option, sorted as the language sorts its names. */
export function countryOptions(locale: Locale): { value: string; label: string }[] {
  const cached = cache.get(locale);
  if (cached) return cached;
  const collator = new Intl.Collator(locale);
  const options = Object.entries(countries.getNames(locale, { select: 'official' }))
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => collator.compare(a.label, b.label));
  cache.set(locale, options);
  return options;
}

export const countryName = (code: string, locale: Locale) => countries.getName(code, locale) ?? code;
