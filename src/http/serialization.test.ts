// http/serialization.ts: the plain forms serialize exactly as the unions they replace.
import fastJson from 'fast-json-stringify';
import { Type } from 'typebox';
import { expect, it } from 'vitest';
import { withPlainUnions } from './serialization.ts';

const salutation = Type.Union([Type.Literal('ms'), Type.Literal('mr')], { description: 'greeting' });
const person = Type.Object({
  salutation: Type.Union([salutation, Type.Null()]),
  title: Type.Union([Type.String(), Type.Null()]),
  role: Type.Union([Type.Literal('owner'), Type.Literal('member')]),
  age: Type.Union([Type.Integer(), Type.Null()]),
  details: Type.Union([Type.Object({ note: Type.String() }), Type.Null()]),
  tags: Type.Array(Type.Union([Type.String(), Type.Integer()])),
});

it('writes literal unions as enums and "X or null" as a type list, and leaves other unions alone', () => {
  const plain = withPlainUnions(person) as { properties: Record<string, unknown> };
  expect(plain.properties.salutation).toEqual({
    description: 'greeting',
    type: ['string', 'null'],
    enum: ['ms', 'mr', null],
  });
  expect(plain.properties.title).toEqual({ type: ['string', 'null'] });
  expect(plain.properties.role).toEqual({ type: 'string', enum: ['owner', 'member'] });
  expect(plain.properties.age).toEqual({ type: ['integer', 'null'] });
  expect(plain.properties.details).toEqual(JSON.parse(JSON.stringify(person.properties.details)));
  expect(plain.properties.tags).toEqual(JSON.parse(JSON.stringify(person.properties.tags)));
  expect(person.properties.title).toHaveProperty('anyOf'); // the route's own schema is not changed
});

it('serializes values as the original schema does', () => {
  const original = fastJson(person);
  const rewritten = fastJson(withPlainUnions(person) as Parameters<typeof fastJson>[0]);
  for (const value of [
    { salutation: 'ms', title: 'Dr. "Ö"', role: 'owner', age: 42, details: { note: 'x' }, tags: ['a', 1] },
    { salutation: null, title: null, role: 'member', age: null, details: null, tags: [] },
  ]) {
    expect(rewritten(value)).toBe(original(value));
    expect(JSON.parse(rewritten(value))).toEqual(value);
  }
});
