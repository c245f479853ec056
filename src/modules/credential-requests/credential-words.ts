// Recognises an e-mail that asks for an account's access data: it names a customer number and one of the
// words people use for access data, in German, English or Hungarian.
import { customerNumbersIn } from '../../shared/numbers.ts';

const credentialWords = [
  // de
  'zugangsdaten',
  'zugang',
  'passwort',
  'kennwort',
  'anmeldedaten',
  'zugangsschlüssel',
  // en
  'credentials',
  'access data',
  'access key',
  'password',
  'login',
  // hu
  'hozzáférés',
  'hozzáférési adatok',
  'jelszó',
  'jelszavam',
  'belépési adatok',
  'bejelentkezési adatok',
];

// Word start: no letter before it; "Zugang" also finds "Zugangsdaten", "password" "passwords".
const wordPattern = new RegExp(`(?<!\\p{L})(?:${credentialWords.join('|')})`, 'iu');

export function credentialRequestIn(subject: string, text: string): { customerNumber: string } | null {
  const content = `${subject}\n${text}`.normalize('NFC');
  if (!wordPattern.test(content)) return null;
  const [customerNumber] = customerNumbersIn(content);
  return customerNumber ? { customerNumber } : null;
}
