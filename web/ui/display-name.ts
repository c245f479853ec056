// Names as people of the interface language write them, from the same formatter as e-mails, CSV and the
// audit log: "Dr. Anna Berger", and in Hungarian "Dr. Kovács Péter", with forms asking in that order too.
import { formatName, nameFieldOrder, type PersonName } from '../../src/shared/names.ts';
import { currentLocale } from '../i18n/i18n.ts';

export function displayName(person: PersonName): string {
  return formatName(person, currentLocale());
}

/** firstName and lastName in the order the form of the interface language asks for them. */
export const nameFields = () => nameFieldOrder(currentLocale());

export const nameAutoComplete = { firstName: 'given-name', lastName: 'family-name' } as const;
