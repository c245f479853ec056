import { expect, it } from 'vitest';
import { checkPassword } from './password-policy.ts';

const person = ['Hans Meier', 'hans.meier@example.com', '4839201-5', 'hmeier'];

it.each([
  ['Tq8#vLp2!xZ', 'PASSWORD_TOO_SHORT'], // 11
  ['x'.repeat(129), 'PASSWORD_TOO_LONG'],
  ['password1234', 'PASSWORD_TOO_COMMON'],
  ['passwort12345', 'PASSWORD_TOO_COMMON'], // German list
  ['qwertyuiop123', 'PASSWORD_TOO_COMMON'],
  ['HansMeier2026', 'PASSWORD_CONTAINS_PERSONAL_DATA'],
  ['meier4839201-5', 'PASSWORD_CONTAINS_PERSONAL_DATA'],
  ['KontorKontor!!', 'PASSWORD_CONTAINS_PERSONAL_DATA'], // the product name
  ['aaaaaaaaaaaa', 'PASSWORD_TOO_GUESSABLE'],
  ['abcdefghijklmn', 'PASSWORD_TOO_GUESSABLE'],
])('refuses %j with %s', (password, code) => {
  expect(checkPassword(password, person)?.code).toBe(code);
});

it.each([
  'Tq8#vLp2!xZr', // 12
  'correct horse battery staple',
  'Blauer Himmel über Pest 77',
  'Ｔｑ８＃ｖＬｐ２！ｘＺｒ', // full-width: 12 characters after NFKC
  `${'correct horse battery staple '.repeat(5)}`.slice(0, 128),
])('accepts %j', (password) => {
  expect(checkPassword(password, person)).toBeNull();
});

it('counts characters after NFKC, not UTF-16 units or bytes', () => {
  expect(checkPassword('😀'.repeat(6), [])?.code).toBe('PASSWORD_TOO_SHORT'); // 12 UTF-16 units, 6 characters
  expect(checkPassword('ﬀ'.repeat(64), [])?.code).not.toBe('PASSWORD_TOO_LONG'); // 128 after NFKC
  expect(checkPassword('ﬀ'.repeat(65), [])?.code).toBe('PASSWORD_TOO_LONG');
});
