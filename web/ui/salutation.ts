// The salutation is stored as a key (ms, mr, mx); e-mails turn it into "Sehr geehrte Frau Dr. Berger,".
import type { TFunction } from 'i18next';
import { isSalutation, type Salutation, salutations } from '../../src/shared/names.ts';

/** The options of a salutation select in the interface language, "none" first. */
export function salutationOptions(t: TFunction) {
  return [
    { value: '', label: t('register.salutationNone') },
    ...salutations.map((value) => ({ value, label: t(`register.salutations.${value}`) })),
  ];
}

/** What to send for a choice of the select. */
export const salutationValue = (choice: string): Salutation | null => (isSalutation(choice) ? choice : null);
