// The line of the invoice's per-user appendix that says what was asked ("Hauptstraße 1, 10115 Berlin"):
// the parameters that name the request, in words, without a language of their own. At most 120 characters.
const maxLength = 120;

/** Parameters worth naming per kind of service, in the order they are written; others: the first few. */
const fieldsByKind: [RegExp, string[][]][] = [
  [
    /address/,
    [
      ['street', 'houseNumber'],
      ['postalCode', 'city'],
    ],
  ],
  [/person/, [['firstName', 'lastName'], ['birthDate']]],
  [/company/, [['name'], ['registerNumber']]],
  [/insur/, [['insurer'], ['claimNumber']]],
  [/sms/, [['to']]],
];

const word = (value: unknown): string | undefined =>
  (typeof value === 'string' || typeof value === 'number') && String(value).trim() !== ''
    ? String(value)
        .replace(/\p{Cc}+/gu, ' ')
        .trim()
    : undefined;

export function referenceOf(serviceCode: string, parameters: Record<string, unknown>): string | null {
  const named = fieldsByKind.find(([pattern]) => pattern.test(serviceCode))?.[1] ?? [];
  const generic = Object.keys(parameters)
    .slice(0, 4)
    .map((key) => [key]);
  const written = (groups: string[][]) =>
    groups
      .map((group) =>
        group
          .map((field) => word(parameters[field]))
          .filter(Boolean)
          .join(' '),
      )
      .filter((part) => part !== '')
      .join(', ');
  const reference = written(named) || written(generic);
  if (reference === '') return null;
  return reference.length > maxLength ? `${reference.slice(0, maxLength - 1)}…` : reference;
}
