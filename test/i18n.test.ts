// Every key exists, non-empty, in every language, and every error code has a message.
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import '../src/app.ts'; // registers every feature's error codes
import { supportedLocales } from '../src/config.ts';
import { definedErrorCodes } from '../src/shared/app-error.ts';
import { localeFromAcceptLanguage, resolveLocale, translator } from '../src/shared/i18n.ts';

const localesDir = path.resolve('locales');
const namespaces = fs.readdirSync(path.join(localesDir, 'en')).filter((file) => file.endsWith('.json'));

/** Nested catalog entries as dotted keys (`errors.NOT_FOUND`), in one pass. */
function flatten(value: unknown, prefix = '', into: Record<string, unknown> = {}): Record<string, unknown> {
  if (typeof value !== 'object' || value === null) into[prefix] = value;
  else
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, into);
  return into;
}

const catalog = (locale: string, namespace: string) =>
  flatten(JSON.parse(fs.readFileSync(path.join(localesDir, locale, namespace), 'utf8')));

const placeholders = (text: unknown) => [...String(text).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

it('has the server and web catalogs', () => {
  expect(namespaces.sort()).toEqual(['server.json', 'web.json']);
});

it.each(namespaces)(
  'has every key of %s, non-empty, with the same placeholders, in every language',
  (namespace) => {
    const allKeys = new Set(supportedLocales.flatMap((locale) => Object.keys(catalog(locale, namespace))));
    const english = catalog('en', namespace);
    for (const locale of supportedLocales) {
      const entries = catalog(locale, namespace);
      for (const key of allKeys) {
        expect(typeof entries[key], `${locale}/${namespace}: ${key}`).toBe('string');
        expect((entries[key] as string).trim(), `${locale}/${namespace}: ${key}`).not.toBe('');
        expect(placeholders(entries[key]), `${locale}/${namespace}: ${key}`).toEqual(
          placeholders(english[key]),
        );
      }
    }
  },
);

it('has a message for every error code in every language', () => {
  expect(definedErrorCodes().length).toBeGreaterThan(15);
  for (const locale of supportedLocales) {
    const server = catalog(locale, 'server.json');
    for (const code of definedErrorCodes())
      expect(server[`errors.${code}`], `${locale}: ${code}`).toBeTruthy();
  }
});

it('chooses the user’s language, then the account’s, then the browser’s, then German', () => {
  expect(resolveLocale({ user: 'hu', account: 'en', acceptLanguage: 'de' })).toBe('hu');
  expect(resolveLocale({ user: null, account: 'en', acceptLanguage: 'hu' })).toBe('en');
  expect(resolveLocale({ acceptLanguage: 'fr-CH, hu;q=0.4, en;q=0.9' })).toBe('en');
  expect(resolveLocale({ acceptLanguage: 'fr, it' })).toBe('de');
  expect(resolveLocale({})).toBe('de');
  expect(localeFromAcceptLanguage('en;q=0, hu')).toBe('hu');
  expect(translator('hu')('errors.NOT_FOUND')).toBe('Nem található.');
});
