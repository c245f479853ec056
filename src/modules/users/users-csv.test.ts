import { expect, it } from 'vitest';
import { type CsvUser, formatCsv, parseCsv } from './users-csv.ts';

const person = (fields: Partial<CsvUser>): CsvUser => ({
  userNumber: '1234567',
  username: 'u',
  salutation: null,
  title: null,
  firstName: 'A',
  lastName: 'B',
  email: null,
  role: 'member',
  ...fields,
});

it('round-trips quotes, separators, line breaks and accents', () => {
  const rows = [
    person({ username: 'Kovács, Éva', firstName: 'Éva', lastName: 'Kovács "Évi"' }),
    person({ userNumber: '7654321', username: 'Zeile\nzwei', email: 'a@b.de', role: 'admin' }),
  ];
  const parsed = parseCsv(formatCsv(rows, 'en'));
  expect(parsed[0]).toEqual([
    'User number',
    'User name',
    'Salutation',
    'Title',
    'First name',
    'Last name',
    'E-mail',
    'Role',
  ]);
  expect(parsed[1]).toEqual(['1234567', 'Kovács, Éva', '', '', 'Éva', 'Kovács "Évi"', '', 'Member']);
  expect(parsed[2]?.[1]).toBe('Zeile\nzwei');
});

it('defuses cells a spreadsheet would run as formulas', () => {
  const csv = formatCsv(
    [person({ username: '=HYPERLINK("http://evil")', firstName: '+1', lastName: '@SUM(A1)', email: '-2' })],
    'en',
  );
  const cells = parseCsv(csv)[1] ?? [];
  expect(cells[1]).toBe('\'=HYPERLINK("http://evil")');
  expect([cells[4], cells[5], cells[6]]).toEqual(["'+1", "'@SUM(A1)", "'-2"]);
});

it('reads the semicolons German spreadsheet programs write, and skips empty lines', () => {
  expect(parseCsv('username;firstName;lastName\r\nmia;Mia;Muster\r\n\r\n;;\r\n')).toEqual([
    ['username', 'firstName', 'lastName'],
    ['mia', 'Mia', 'Muster'],
  ]);
});

it('CSV opens in the user’s spreadsheet: German with semicolons, German headers, roles and salutations', () => {
  const csv = formatCsv(
    [person({ salutation: 'ms', title: 'Dr.', firstName: 'Anna', lastName: 'Berger', role: 'admin' })],
    'de',
  );
  expect(csv.startsWith('\uFEFF')).toBe(true);
  expect(csv.split('\r\n').slice(0, 2)).toEqual([
    '\uFEFFBenutzernummer;Benutzername;Anrede;Titel;Vorname;Nachname;E-Mail;Rolle',
    '1234567;u;Frau;Dr.;Anna;Berger;;Verwalter',
  ]);
});

it('writes Hungarian CSV family name first, with semicolons', () => {
  const csv = formatCsv([person({ firstName: 'Péter', lastName: 'Kovács', role: 'owner' })], 'hu');
  expect(parseCsv(csv)).toEqual([
    [
      'Felhasználószám',
      'Felhasználónév',
      'Megszólítás',
      'Titulus',
      'Vezetéknév',
      'Keresztnév',
      'E-mail',
      'Szerepkör',
    ],
    ['1234567', 'u', '', '', 'Kovács', 'Péter', '', 'Tulajdonos'],
  ]);
});
