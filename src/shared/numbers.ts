// Customer numbers: 7 random digits and a Damm check digit, shown as "4839201-5". The Damm algorithm
// catches every single-digit typo and every swap of neighbouring digits.
import { randomInt } from 'node:crypto';

const dammTable = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
];

export function dammCheckDigit(digits: string): number {
  let interim = 0;
  for (const digit of digits) interim = dammTable[interim]?.[Number(digit)] ?? Number.NaN;
  return interim;
}

const randomDigits = (count: number) => String(randomInt(10 ** (count - 1), 10 ** count));

export function generateCustomerNumber(): string {
  const body = randomDigits(7);
  return `${body}-${dammCheckDigit(body)}`;
}

/** Accepts what people type ("4839201-5", "4839 2015", "48392015"); null when it cannot be a customer number. */
export function parseCustomerNumber(input: string): string | null {
  const digits = input.replace(/[\s-]/g, '');
  if (!/^[1-9]\d{7}$/.test(digits) || dammCheckDigit(digits) !== 0) return null;
  return `${digits.slice(0, 7)}-${digits.slice(7)}`;
}

// Eight digits, single spaces or hyphens between them allowed ("4839201-4", "4839 2014"); not part of a
// longer number.
const customerNumberCandidates = /(?<!\d[ -]?)\d(?:[ -]?\d){7}(?![ -]?\d)/g;

/** The valid customer numbers a text mentions (an e-mail's subject or body), in order, canonical form. */
export const customerNumbersIn = (text: string): string[] =>
  [...text.matchAll(customerNumberCandidates)].flatMap((match) => parseCustomerNumber(match[0]) ?? []);

/** User numbers: 7 digits, as the desktop program expects. */
export const generateUserNumber = (): string => randomDigits(7);
