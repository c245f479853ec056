// The salutation is stored as text in the person's language ("Frau", "Ms", "Hölgy"), as the registration
// sends it. Forms offer the three known ones and keep any other stored text as its own choice.
import type { TFunction } from 'i18next';
import { i18n, type Locale, locales } from '../i18n/i18n.ts';

export const salutationKeys = ['ms', 'mr', 'mx'] as const;
type SalutationKey = (typeof salutationKeys)[number];

const isKey = (value: string): value is SalutationKey =>
  (salutationKeys as readonly string[]).includes(value);
const label = (key: SalutationKey, locale: string) => i18n.t(`register.salutations.${key}`, { lng: locale });

/** The form's choice for a stored salutation: a known key, '' for none, or the stored text itself. */
export function salutationChoice(stored: string | null): string {
  if (!stored) return '';
  const key = salutationKeys.find((candidate) =>
    locales.some((locale) => label(candidate, locale) === stored),
  );
  return key ?? stored;
}

/** The options of a salutation select in the interface language; an unknown stored text stays selectable. */
export function salutationOptions(t: TFunction, choice: string) {
  const options = [
    { value: '', label: t('register.salutationNone') },
    ...salutationKeys.map((value) => ({ value, label: t(`register.salutations.${value}`) })),
  ];
  if (choice && !isKey(choice)) options.push({ value: choice, label: choice });
  return options;
}

/** What to store for a choice: the salutation in the language the person gets their e-mails in. */
export function salutationText(choice: string, locale: Locale | string): string | null {
  if (!choice) return null;
  return isKey(choice) ? label(choice, locale) : choice;
}
