import { expect, it } from 'vitest';
import { formatCsv, parseCsv } from './users-csv.ts';

it('round-trips quotes, separators, line breaks and accents', () => {
  const rows = [
    {
      userNumber: '1234567',
      username: 'Kovács, Éva',
      firstName: 'Éva',
      lastName: 'Kovács "Évi"',
      email: null,
      role: 'member',
    },
    {
      userNumber: '7654321',
      username: 'Zeile\nzwei',
      firstName: 'A',
      lastName: 'B',
      email: 'a@b.de',
      role: 'admin',
    },
  ];
  const parsed = parseCsv(formatCsv(rows));
  expect(parsed[0]).toEqual([
    'userNumber',
    'username',
    'salutation',
    'title',
    'firstName',
    'lastName',
    'email',
    'role',
  ]);
  expect(parsed[1]).toEqual(['1234567', 'Kovács, Éva', '', '', 'Éva', 'Kovács "Évi"', '', 'member']);
  expect(parsed[2]?.[1]).toBe('Zeile\nzwei');
});

it('defuses cells a spreadsheet would run as formulas', () => {
  const csv = formatCsv([
    { username: '=HYPERLINK("http://evil")', firstName: '+1', lastName: '@SUM(A1)', email: '-2' },
  ]);
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
