// How a person's name is written, for the web app, e-mails, CSV and the audit log alike (a pure module the
// browser imports too). Hungarian puts the family name first ("Kovács Péter"); German and English the
// given name ("Anna Berger"). A title leads in every language ("Dr. Anna Berger", "Dr. Kovács Péter").

export const salutations = ['ms', 'mr', 'mx'] as const;
export type Salutation = (typeof salutations)[number];

export interface PersonName {
  salutation?: string | null;
  title?: string | null;
  firstName: string;
  lastName: string;
}

export const isSalutation = (value: unknown): value is Salutation =>
  salutations.includes(value as Salutation);

/** The order in which forms ask for the two names, and CSV files list them. */
export function nameFieldOrder(
  locale: string,
): readonly ['lastName', 'firstName'] | readonly ['firstName', 'lastName'] {
  return locale === 'hu' ? (['lastName', 'firstName'] as const) : (['firstName', 'lastName'] as const);
}

/** The full name as people of the language write it, with the title in front. */
export function formatName(person: PersonName, locale: string): string {
  const [first, second] = nameFieldOrder(locale);
  return [person.title, person[first], person[second]]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(' ');
}

/** Title and family name, as a formal salutation uses them ("Dr. Berger"). */
export function formalName(person: PersonName): string {
  return [person.title, person.lastName]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(' ');
}

/**
 * How a formal greeting names a person with a salutation: "Sehr geehrte Frau Dr. Berger," keeps both,
 * English lets a title take the salutation's place ("Dear Dr Berger,", "Dear Ms Berger,"), and Hungarian
 * greets everyone by full name ("Tisztelt Kovács Péter!").
 */
export function formalGreeting(locale: string, person: PersonName): 'salutation' | 'title' | 'fullName' {
  const gendered = person.salutation === 'ms' || person.salutation === 'mr';
  if (locale === 'hu' || !gendered) return 'fullName';
  return locale === 'en' && person.title?.trim() ? 'title' : 'salutation';
}
