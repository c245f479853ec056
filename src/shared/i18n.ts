// One i18next instance for API messages and e-mails; the web app loads the same catalogs (locales/).
import i18next from 'i18next';
import deServer from '../../locales/de/server.json' with { type: 'json' };
import enServer from '../../locales/en/server.json' with { type: 'json' };
import huServer from '../../locales/hu/server.json' with { type: 'json' };
import { type Locale, supportedLocales } from '../config.ts';

export const serverCatalogs = { de: deServer, en: enServer, hu: huServer } as const;

const i18n = i18next.createInstance();
await i18n.init({
  resources: Object.fromEntries(
    supportedLocales.map((locale) => [locale, { server: serverCatalogs[locale] }]),
  ),
  ns: ['server'],
  defaultNS: 'server',
  fallbackLng: false,
  interpolation: { escapeValue: false }, // e-mail HTML is escaped where it is rendered
  returnNull: false,
});

export type Translate = (key: string, params?: Record<string, unknown>) => string;

// Untyped on purpose: the web app's typed-key augmentation of i18next must not constrain server keys.
const translators = Object.fromEntries(
  supportedLocales.map((locale) => {
    const t = i18n.getFixedT(locale, 'server' as never) as unknown as Translate;
    return [locale, (key: string, params?: Record<string, unknown>) => t(key, params ?? {})];
  }),
) as Record<Locale, Translate>;

/** One translator per language, made once: requests only pick theirs. */
export function translator(locale: Locale): Translate {
  return translators[locale];
}

export function isLocale(value: unknown): value is Locale {
  return supportedLocales.includes(value as Locale);
}

/** Picks the best supported language from an Accept-Language header, honouring q-values. */
export function localeFromAcceptLanguage(header: string | undefined): Locale | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((param) => param.trim()).find((param) => param.startsWith('q='));
      return { language: tag.toLowerCase().split('-')[0], quality: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  return ranked.map((entry) => entry.language).find(isLocale);
}

/** The documented order: the user's choice, then the account's, then the browser's, then German. */
export function resolveLocale(candidates: {
  user?: string | null;
  account?: string | null;
  acceptLanguage?: string;
  fallback?: Locale;
}): Locale {
  if (isLocale(candidates.user)) return candidates.user;
  if (isLocale(candidates.account)) return candidates.account;
  return localeFromAcceptLanguage(candidates.acceptLanguage) ?? candidates.fallback ?? 'de';
}
