// T2, seed 003: a number block is an E.164 prefix (+49 30 12345) with extensions 0 … last; the main number is
// the prefix + "0" (written +49 30 12345-0), every other number of the block is the prefix + an extension.
import { AsYouType, parsePhoneNumberFromString } from 'libphonenumber-js';

export interface NumberBlock {
  prefix: string;
  lastExtension: number;
}

/** E.164 allows 15 digits after the "+". */
const maxDigits = 15;
export const mainExtension = '0';

/** What people write between the digits of a number: spaces, hyphens, slashes, dots, brackets. */
export const compactNumber = (value: string) => value.replace(/[\s\-/.()]/g, '');

/** An extension as stored: decimal digits without a leading zero ("0" itself is the main number's). */
const canonicalExtension = /^(0|[1-9]\d*)$/;

export const extensionInRange = (block: NumberBlock, extension: string) =>
  canonicalExtension.test(extension) && Number(extension) <= block.lastExtension;

/**
 * The prefix as E.164 digits, or why not: it must be international ("+" and a country code libphonenumber
 * knows), and the block's longest number must still be a possible number of that country.
 */
export function checkedPrefix(
  input: string,
  lastExtension: number,
): { prefix: string } | { error: 'prefix' | 'length' } {
  const prefix = compactNumber(input);
  if (!/^\+[1-9]\d{2,13}$/.test(prefix)) return { error: 'prefix' };
  const longest = `${prefix}${lastExtension}`;
  if (longest.length - 1 > maxDigits) return { error: 'length' };
  const parsed = parsePhoneNumberFromString(longest);
  if (!parsed?.country || !parsed.isPossible()) return { error: 'prefix' };
  return { prefix };
}

export const numberOf = (block: NumberBlock, extension: string) => `${block.prefix}${extension}`;
export const mainNumberOf = (block: NumberBlock) => numberOf(block, mainExtension);

/** The extension a number of the block ends in, or null for a number outside it. */
export function extensionOfNumber(block: NumberBlock, input: string): string | null {
  const number = compactNumber(input);
  if (!number.startsWith(block.prefix)) return null;
  const extension = number.slice(block.prefix.length);
  return extensionInRange(block, extension) ? extension : null;
}

/** "+49 30 12345": the prefix grouped as libphonenumber groups a number being typed. */
export const formatPrefix = (prefix: string) => new AsYouType().input(prefix);

/** "+49 30 12345-15": a number of the block, with its extension set apart as the seed writes it. */
export function formatInBlock(block: NumberBlock, number: string): string {
  const extension = extensionOfNumber(block, number);
  if (extension === null) return parsePhoneNumberFromString(number)?.formatInternational() ?? number;
  return `${formatPrefix(block.prefix)}-${extension}`;
}
