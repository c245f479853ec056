import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import deWeb from '../../locales/de/web.json';
import enWeb from '../../locales/en/web.json';
import huWeb from '../../locales/hu/web.json';

export const locales = ['de', 'en', 'hu'] as const;
export type Locale = (typeof locales)[number];
export type WebCatalog = typeof enWeb;

// Language names are written in their own language so everybody finds theirs.
export const localeNames: Record<Locale, string> = { de: 'Deutsch', en: 'English', hu: 'Magyar' };

const storageKey = 'kontor.locale';
// Typed so a key missing from the German or Hungarian catalog fails the type check.
const catalogs: Record<Locale, WebCatalog> = { de: deWeb, en: enWeb, hu: huWeb };

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
    resources: Object.fromEntries(locales.map((locale) => [locale, { web: catalogs[locale] }])),
    lng: initialLocale(),
    fallbackLng: 'de',
    supportedLngs: [...locales],
    ns: ['web'],
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
