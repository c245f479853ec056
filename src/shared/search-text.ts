// Search that finds "Müller" for "Mueller" and "Muller", "Kovács" for "Kovacs", "Straße" for "Strasse",
// the same on SQLite and PostgreSQL: what is searched is stored folded in a column of its own, in two
// foldings (German ä → ae, and every accent dropped), and the query is folded the same two ways.

const stripAccents = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '');

/** The ways a text may be typed without its special letters, lower-cased. */
export function foldings(text: string): string[] {
  const lower = text.toLocaleLowerCase('de').replaceAll('ß', 'ss');
  const german = lower.replaceAll('ä', 'ae').replaceAll('ö', 'oe').replaceAll('ü', 'ue');
  return [...new Set([stripAccents(lower), stripAccents(german)])];
}

/** The column's value: every folding of every field, one per line, so no match spans two fields. */
export function searchText(fields: (string | null | undefined)[]): string {
  return fields.flatMap((field) => (field ? foldings(field) : [])).join('\n');
}
