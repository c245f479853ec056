// U8: the CSV format of the users export and import, in the caller's language so spreadsheets open it as
// columns: German and Hungarian with semicolons (their Excel's list separator), English with commas; the
// byte-order mark makes Excel read UTF-8. Headers, roles and salutations are written in that language and
// read in any of them. RFC 4180 quoting.
import type { Locale } from '../../config.ts';
import { supportedLocales } from '../../config.ts';
import type { Role, User } from '../../db/schema.ts';
import { serverCatalogs } from '../../shared/i18n.ts';
import { nameFieldOrder, salutations } from '../../shared/names.ts';

export const csvColumns = [
  'userNumber',
  'username',
  'salutation',
  'title',
  'firstName',
  'lastName',
  'email',
  'role',
] as const;
export type CsvColumn = (typeof csvColumns)[number];
const roles = ['owner', 'admin', 'member'] as const;

const separatorOf = (locale: Locale) => (locale === 'en' ? ',' : ';');
const catalog = (locale: Locale) => serverCatalogs[locale];

/** The columns in the order people of the language read names ("Vezetéknév" before "Keresztnév"). */
function columnsFor(locale: Locale): CsvColumn[] {
  const [first, second] = nameFieldOrder(locale);
  return csvColumns.map((column) =>
    column === 'firstName' ? first : column === 'lastName' ? second : column,
  );
}

/** A cell a spreadsheet would run as a formula is prefixed with ' (OWASP CSV injection). */
function cell(value: string | null | undefined): string {
  let text = value ?? '';
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",;\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export type CsvUser = Pick<User, Exclude<CsvColumn, 'role'>> & { role: Role };

export function formatCsv(users: CsvUser[], locale: Locale): string {
  const words = catalog(locale);
  const columns = columnsFor(locale);
  const text = (user: CsvUser, column: CsvColumn) =>
    column === 'role'
      ? words.csv.roles[user.role]
      : column === 'salutation'
        ? user.salutation && words.salutations[user.salutation]
        : user[column];
  const separator = separatorOf(locale);
  const lines = [
    columns.map((column) => cell(words.csv.columns[column])).join(separator),
    ...users.map((user) => columns.map((column) => cell(text(user, column))).join(separator)),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

const folded = (text: string) => text.trim().toLocaleLowerCase('de');

/** What a text means in any of the languages: `names[locale][key]` or the key itself. */
function lookup<Key extends string>(keys: readonly Key[], names: (locale: Locale) => Record<Key, string>) {
  const index = new Map<string, Key>();
  for (const key of keys) {
    index.set(folded(key), key);
    for (const locale of supportedLocales) index.set(folded(names(locale)[key]), key);
  }
  return (text: string) => index.get(folded(text));
}

/** Which column each header cell names, in any language (or by its internal name, as older exports have). */
export const columnOfHeader = lookup(csvColumns, (locale) => catalog(locale).csv.columns);
/** `undefined` for a text that names no role. */
export const roleOfCell = lookup(roles, (locale) => catalog(locale).csv.roles);
/** `undefined` for a text that names no salutation. */
export const salutationOfCell = lookup(salutations, (locale) => catalog(locale).salutations);

export const columnTitle = (locale: Locale, column: CsvColumn) => catalog(locale).csv.columns[column];

/** The allowed texts of a column, in the caller's language, for an error message. */
export const allowedTexts = (locale: Locale, column: 'role' | 'salutation') =>
  Object.values(column === 'role' ? catalog(locale).csv.roles : catalog(locale).salutations).join(', ');

/** Rows of cells; quoted cells may hold separators, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const source = text.replace(/^\uFEFF/, '');
  const firstLine = source.split(/\r?\n/, 1)[0] ?? '';
  const separator = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let current = '';
  let quoted = false;
  for (let index = 0; index < source.length; index += 1) {
    const character = source[index];
    if (quoted) {
      if (character === '"' && source[index + 1] === '"') {
        current += '"';
        index += 1;
      } else if (character === '"') quoted = false;
      else current += character;
    } else if (character === '"' && current === '') quoted = true;
    else if (character === separator) {
      row.push(current);
      current = '';
    } else if (character === '\n' || character === '\r') {
      if (character === '\r' && source[index + 1] === '\n') index += 1;
      row.push(current);
      rows.push(row);
      row = [];
      current = '';
    } else current += character;
  }
  if (current !== '' || row.length > 0) rows.push([...row, current]);
  return rows.filter((cells) => cells.some((value) => value.trim() !== ''));
}
