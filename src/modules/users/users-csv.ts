// U8: the CSV format of the users export and import. RFC 4180 quoting; the import also accepts the
// semicolons that German spreadsheet programs write.

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

/** A cell a spreadsheet would run as a formula is prefixed with ' (OWASP CSV injection). */
function cell(value: string | null | undefined): string {
  let text = value ?? '';
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",;\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function formatCsv(rows: Partial<Record<CsvColumn, string | null>>[]): string {
  const lines = [
    csvColumns.join(','),
    ...rows.map((row) => csvColumns.map((column) => cell(row[column])).join(',')),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`; // the byte-order mark makes Excel read UTF-8
}

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
