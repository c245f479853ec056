import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
// The server's catalogs: their error texts (e.g. the password policy's reasons) are shown before a request.
import deServer from '../../locales/de/server.json';
import deWeb from '../../locales/de/web.json';
import enServer from '../../locales/en/server.json';
import enWeb from '../../locales/en/web.json';
import huServer from '../../locales/hu/server.json';
import huWeb from '../../locales/hu/web.json';

export const locales = ['de', 'en', 'hu'] as const;
export type Locale = (typeof locales)[number];
export type WebCatalog = typeof enWeb;
export type ServerCatalog = typeof enServer;

// Language names are written in their own language so everybody finds theirs.
export const localeNames: Record<Locale, string> = { de: 'Deutsch', en: 'English', hu: 'Magyar' };

const storageKey = 'kontor.locale';
// Typed so a key missing from the German or Hungarian catalog fails the type check.
const catalogs: Record<Locale, WebCatalog> = { de: deWeb, en: enWeb, hu: huWeb };
// Not typed per language: the server's catalogs are the server's to complete (test/i18n.test.ts checks them).
const serverCatalogs: Record<Locale, Record<string, unknown>> = { de: deServer, en: enServer, hu: huServer };

export function isLocale(value: unknown): value is Locale {
  return locales.includes(value as Locale);
}

function storedLocale(): string | null {
  try {
    return localStorage.getItem(storageKey);
  } catch {
    return null; // storage can be disabled; the browser language still applies
  }
}

/** The stored choice, else the browser's language if Kontor speaks it, else German. */
export function initialLocale(): Locale {
  const stored = storedLocale();
  if (isLocale(stored)) return stored;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const language = tag.toLowerCase().split('-')[0];
    if (isLocale(language)) return language;
  }
  return 'de';
}

export const i18n = i18next.createInstance();

export async function startI18n(): Promise<void> {
  i18n.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });
  await i18n.use(initReactI18next).init({
    resources: Object.fromEntries(
      locales.map((locale) => [locale, { web: catalogs[locale], server: serverCatalogs[locale] }]),
    ),
    lng: initialLocale(),
    fallbackLng: 'de',
    supportedLngs: [...locales],
    ns: ['web', 'server'],
    defaultNS: 'web',
    interpolation: { escapeValue: false }, // React escapes
  });
}

export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : 'de';
}

export async function changeLocale(locale: Locale): Promise<void> {
  try {
    localStorage.setItem(storageKey, locale);
  } catch {
    // Not persisted, but the switch still applies to this page.
  }
  await i18n.changeLanguage(locale);
}
