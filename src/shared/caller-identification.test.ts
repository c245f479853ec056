import { describe, expect, it } from 'vitest';
import {
  checkAnswer,
  checkPin,
  isSecurityQuestion,
  normalizeAnswer,
  pinProblems,
  securityQuestions,
} from './caller-identification.ts';

describe('PIN rules', () => {
  it.each(['470192', '5830271', '29460185', '102938', '135790', '246813'])('accepts %s', (pin) =>
    expect(checkPin(pin)).toBeNull(),
  );

  it.each([
    ['12345', 'PIN_FORMAT'],
    ['123456789', 'PIN_FORMAT'],
    ['12a456', 'PIN_FORMAT'],
    ['１２３４５６', 'PIN_FORMAT'],
    [' 470192', 'PIN_FORMAT'],
    ['111111', 'PIN_REPEATED_DIGIT'],
    ['470009', 'PIN_REPEATED_DIGIT'],
    ['123456', 'PIN_SEQUENCE'],
    ['987654', 'PIN_SEQUENCE'],
    ['903456', 'PIN_SEQUENCE'],
    ['20876510', 'PIN_SEQUENCE'],
    ['121212', 'PIN_TOO_FEW_DIGITS'],
    ['505050', 'PIN_TOO_FEW_DIGITS'],
    ['11221122', 'PIN_TOO_FEW_DIGITS'],
  ])('refuses %s with %s', (pin, code) => expect(checkPin(pin)).toBe(code));

  it('accepts three ascending digits and two repeats, which are common in random PINs', () => {
    expect(checkPin('123905')).toBeNull();
    expect(checkPin('770312')).toBeNull();
    // No wrapping round: 9, 0, 1, 2 is not a run.
    expect(checkPin('890126')).toBeNull();
  });

  it('lists every rule a PIN breaks', () => {
    expect(pinProblems('111123')).toEqual(['PIN_REPEATED_DIGIT']);
    expect(pinProblems('0001234')).toEqual(['PIN_REPEATED_DIGIT', 'PIN_SEQUENCE']);
    expect(pinProblems('123')).toEqual(['PIN_FORMAT']);
    expect(pinProblems('470192')).toEqual([]);
  });
});

describe('security answers', () => {
  it('folds case, NFKC and white space, so the same answer always hashes the same', () => {
    expect(normalizeAnswer('  Müller   Straße\t')).toBe('müller strasse');
    expect(normalizeAnswer('MÜLLER STRASSE')).toBe('müller strasse');
    expect(normalizeAnswer('ＢＥＲＬＩＮ')).toBe('berlin');
    // Composed and decomposed accents are one answer.
    expect(normalizeAnswer('Kova\u0301cs')).toBe(normalizeAnswer('Kovács'));
  });

  it('needs 3 to 100 characters after normalization', () => {
    expect(checkAnswer('  a\t b ')).toBeNull();
    expect(checkAnswer(' ab ')).toBe('ANSWER_TOO_SHORT');
    expect(checkAnswer('Rex')).toBeNull();
    expect(checkAnswer('x'.repeat(100))).toBeNull();
    expect(checkAnswer('x'.repeat(101))).toBe('ANSWER_TOO_LONG');
  });

  it('offers 8 to 10 questions and knows only those', () => {
    expect(securityQuestions.length).toBeGreaterThanOrEqual(8);
    expect(securityQuestions.length).toBeLessThanOrEqual(10);
    expect(isSecurityQuestion('firstPet')).toBe(true);
    expect(isSecurityQuestion('mothersMaidenName')).toBe(false);
  });
});
