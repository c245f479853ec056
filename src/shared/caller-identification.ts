// S4, S6: the PIN and the security question, which identify a caller at the provider's service desk and
// are never a way to sign in or to reset a password. Pure (no Node APIs): the activation page runs these
// rules while the person types, and the server checks them again with this same module.
//
// The PIN rule, precisely:
//   1. 6 to 8 characters, each an ASCII digit 0–9                       PIN_FORMAT
//   2. no digit three or more times in a row (111, 0007…)               PIN_REPEATED_DIGIT
//   3. no four or more consecutive digits ascending or descending by one, without wrapping round
//      (1234, 3456, 9876, 6543; 8901 is no run)                         PIN_SEQUENCE
//   4. at least three different digits (121212, 505050, 112211 refused)  PIN_TOO_FEW_DIGITS
// Together they refuse 123456, 987654, 111111 and the other patterns people pick first.

export const pinMinLength = 6;
export const pinMaxLength = 8;

export type PinProblemCode = 'PIN_FORMAT' | 'PIN_REPEATED_DIGIT' | 'PIN_SEQUENCE' | 'PIN_TOO_FEW_DIGITS';
export const pinRuleCodes: readonly PinProblemCode[] = [
  'PIN_FORMAT',
  'PIN_REPEATED_DIGIT',
  'PIN_SEQUENCE',
  'PIN_TOO_FEW_DIGITS',
];

const repeatLimit = 3;
const runLimit = 4;
const minimumDistinctDigits = 3;

/** Every rule the PIN breaks, in the order above, for the live list under the field. */
export function pinProblems(pin: string): PinProblemCode[] {
  if (!new RegExp(`^[0-9]{${pinMinLength},${pinMaxLength}}$`).test(pin)) return ['PIN_FORMAT'];
  const problems: PinProblemCode[] = [];
  if (new RegExp(`(\\d)\\1{${repeatLimit - 1}}`).test(pin)) problems.push('PIN_REPEATED_DIGIT');
  if (hasRun(pin)) problems.push('PIN_SEQUENCE');
  if (new Set(pin).size < minimumDistinctDigits) problems.push('PIN_TOO_FEW_DIGITS');
  return problems;
}

/** The first rule the PIN breaks, or null when it is acceptable. */
export const checkPin = (pin: string): PinProblemCode | null => pinProblems(pin)[0] ?? null;

function hasRun(pin: string): boolean {
  const digits = [...pin].map(Number);
  for (const direction of [1, -1]) {
    let length = 1;
    for (let index = 1; index < digits.length; index++) {
      length = (digits[index] ?? 0) - (digits[index - 1] ?? 0) === direction ? length + 1 : 1;
      if (length >= runLimit) return true;
    }
  }
  return false;
}

/** The questions a person chooses from; the texts are `securityQuestions.<key>` in the web catalogs. */
export const securityQuestions = [
  'firstPet',
  'childhoodStreet',
  'firstSchool',
  'childhoodFriend',
  'firstEmployer',
  'favouriteTeacher',
  'firstCar',
  'parentsMetCity',
  'firstConcert',
] as const;

export type SecurityQuestion = (typeof securityQuestions)[number];

export const isSecurityQuestion = (value: string): value is SecurityQuestion =>
  (securityQuestions as readonly string[]).includes(value);

export const answerMinLength = 3;
export const answerMaxLength = 100;

/**
 * The answer as it is hashed and compared: NFKC, case folded (upper then lower case, so "ß" and "SS" are
 * the same), every run of white space one space, trimmed. "  Müller  Straße" and "MÜLLER STRASSE" match.
 */
export function normalizeAnswer(answer: string): string {
  return answer.normalize('NFKC').toUpperCase().toLowerCase().replace(/\s+/gu, ' ').trim();
}

export type AnswerProblemCode = 'ANSWER_TOO_SHORT' | 'ANSWER_TOO_LONG';

/** Length in characters of the normalized answer: at least 3, at most 100. */
export function checkAnswer(answer: string): AnswerProblemCode | null {
  const length = [...normalizeAnswer(answer)].length;
  if (length < answerMinLength) return 'ANSWER_TOO_SHORT';
  if (length > answerMaxLength) return 'ANSWER_TOO_LONG';
  return null;
}
