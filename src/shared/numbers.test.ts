import { expect, it } from 'vitest';
import {
  customerNumbersIn,
  dammCheckDigit,
  generateCustomerNumber,
  generateUserNumber,
  parseCustomerNumber,
} from './numbers.ts';

it('generates readable customer numbers whose check digit validates', () => {
  for (let i = 0; i < 200; i += 1) {
    const number = generateCustomerNumber();
    expect(number).toMatch(/^[1-9]\d{6}-\d$/);
    expect(parseCustomerNumber(number)).toBe(number);
    expect(dammCheckDigit(number.replace('-', ''))).toBe(0);
  }
});

it('accepts the ways people type a customer number', () => {
  expect(parseCustomerNumber('5724-0')).toBeNull(); // too short
  const number = generateCustomerNumber();
  const digits = number.replace('-', '');
  expect(parseCustomerNumber(digits)).toBe(number);
  expect(parseCustomerNumber(` ${digits.slice(0, 4)} ${digits.slice(4)} `)).toBe(number);
});

it('catches every single-digit typo and every swap of neighbouring digits', () => {
  const digits = generateCustomerNumber().replace('-', '');
  for (let position = 0; position < digits.length; position += 1) {
    for (let replacement = 0; replacement <= 9; replacement += 1) {
      if (String(replacement) === digits[position]) continue;
      const typo = `${digits.slice(0, position)}${replacement}${digits.slice(position + 1)}`;
      expect(parseCustomerNumber(typo), typo).toBeNull();
    }
    const next = digits[position + 1];
    if (next !== undefined && next !== digits[position]) {
      const swapped = `${digits.slice(0, position)}${next}${digits[position]}${digits.slice(position + 2)}`;
      expect(parseCustomerNumber(swapped), swapped).toBeNull();
    }
  }
});

it('generates 7-digit user numbers', () => {
  for (let i = 0; i < 100; i += 1) expect(generateUserNumber()).toMatch(/^[1-9]\d{6}$/);
});

it('finds the valid customer numbers a text mentions, however they are typed', () => {
  const valid = generateCustomerNumber();
  const spaced = `${valid.slice(0, 4)} ${valid.slice(4, 7)}${valid.slice(8)}`;
  const typo = `${valid.slice(0, 8)}${(Number(valid[8]) + 1) % 10}`;
  expect(customerNumbersIn(`Re: [${valid}] Frage`)).toEqual([valid]);
  expect(customerNumbersIn(`Kundennummer ${spaced}, nicht ${typo}`)).toEqual([valid]);
  expect(customerNumbersIn(`Telefon 0${valid.replace('-', '')}9`)).toEqual([]);
});
