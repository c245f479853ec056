// S6 / SECURITY.md: 12–128 characters after NFKC, never truncated, no composition rules; refused when it
// is a common password or guessable from dictionaries, the person's own data or the product name.
// Pure (no Node APIs), so the web app runs the same rules as the user types.
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as german from '@zxcvbn-ts/language-de';
import * as english from '@zxcvbn-ts/language-en';

export const passwordMinLength = 12;
export const passwordMaxLength = 128;

export type PasswordProblem =
  | { code: 'PASSWORD_TOO_SHORT'; params: { min: number } }
  | { code: 'PASSWORD_TOO_LONG'; params: { max: number } }
  | { code: 'PASSWORD_TOO_COMMON' }
  | { code: 'PASSWORD_CONTAINS_PERSONAL_DATA' }
  | { code: 'PASSWORD_TOO_GUESSABLE' };

/** zxcvbn score 3: about 10^8 guesses, far beyond an online attack and slow against argon2id offline. */
const minimumScore = 3;

// The German pack names its lists like the English one did before v4; prefix them so neither overwrites.
const germanDictionary = Object.fromEntries(
  Object.entries(german.dictionary).map(([name, words]) => [`${name}-de`, words]),
);

let zxcvbn: ZxcvbnFactory | undefined;
function checker(): ZxcvbnFactory {
  zxcvbn ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary, ...germanDictionary },
    graphs: common.adjacencyGraphs,
  });
  return zxcvbn;
}

export const normalizePassword = (password: string): string => password.normalize('NFKC');

/** The words of a person's own data that a password must not be built from. */
export function personalWords(values: (string | null | undefined)[]): string[] {
  return ['Kontor', ...values]
    .flatMap((value) => (value ?? '').split(/[\s@.,_+-]+/))
    .map((word) => word.trim())
    .filter((word) => word.length >= 3);
}

export function checkPassword(
  password: string,
  context: (string | null | undefined)[] = [],
): PasswordProblem | null {
  const characters = [...normalizePassword(password)].length;
  if (characters < passwordMinLength)
    return { code: 'PASSWORD_TOO_SHORT', params: { min: passwordMinLength } };
  if (characters > passwordMaxLength)
    return { code: 'PASSWORD_TOO_LONG', params: { max: passwordMaxLength } };
  const words = personalWords(context);
  if (mostlyPersonal(normalizePassword(password), words)) return { code: 'PASSWORD_CONTAINS_PERSONAL_DATA' };
  const result = checker().check(normalizePassword(password), words);
  if (result.score >= minimumScore) return null;
  const dictionaries = result.sequence.map((match) => String(match.dictionaryName ?? ''));
  if (dictionaries.some((name) => String(name).startsWith('passwords')))
    return { code: 'PASSWORD_TOO_COMMON' };
  return { code: 'PASSWORD_TOO_GUESSABLE' };
}

/** zxcvbn rates "OlgaOperator1" fair even knowing the name; half or more of it being the person's words is too much. */
function mostlyPersonal(password: string, words: string[]): boolean {
  let rest = password.toLowerCase();
  for (const word of [...words].sort((a, b) => b.length - a.length))
    rest = rest.replaceAll(word.toLowerCase(), '');
  return (password.length - rest.length) * 2 >= password.length;
}
