// Responses are serialized by fast-json-stringify from each route's response schema. It answers an `anyOf`
// by validating the value against every branch, per value and per request; a 50-user page has 300 of
// them (bench G1). The two shapes TypeBox writes for Kontor's fields say the same with plain types, so
// the schemas are rewritten once at start: a union of string literals is an enum, and "X or null" is the
// type list [X, 'null']. The route's schema itself (validation, OpenAPI) stays as written.

import fastJson from 'fast-json-stringify';
import type { FastifyInstance } from 'fastify';

type Schema = Record<string, unknown>;
const scalarTypes = new Set(['string', 'integer', 'number', 'boolean']);
const isSchema = (value: unknown): value is Schema => typeof value === 'object' && value !== null;

/** A copy of `schema` with the unions above in their plain form; anything else as it was. */
export function withPlainUnions(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withPlainUnions);
  if (!isSchema(schema)) return schema;
  const copy: Schema = Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [key, withPlainUnions(value)]),
  );
  const branches = copy.anyOf;
  if (!Array.isArray(branches) || !branches.every(isSchema)) return copy;
  const { anyOf: _, ...rest } = copy;
  if (
    branches.every(
      (branch) => branch.type === 'string' && 'const' in branch && Object.keys(branch).length === 2,
    )
  ) {
    return { ...rest, type: 'string', enum: branches.map((branch) => branch.const) };
  }
  const nulls = branches.filter((branch) => branch.type === 'null');
  const [other, ...more] = branches.filter((branch) => branch.type !== 'null');
  if (nulls.length !== 1 || !other || more.length > 0 || !scalarTypes.has(other.type as string)) return copy;
  return {
    ...rest,
    ...other,
    type: [other.type, 'null'],
    ...(Array.isArray(other.enum) && { enum: [...other.enum, null] }),
  };
}

// Built once per distinct schema in a process, like the validators (http/validation.ts).
const serializers = new Map<string, ReturnType<typeof fastJson>>();

export function registerSerialization(app: FastifyInstance): void {
  app.setSerializerCompiler(({ schema }) => {
    const key = JSON.stringify(schema);
    let serialize = serializers.get(key);
    if (!serialize) {
      serialize = fastJson(withPlainUnions(schema) as Parameters<typeof fastJson>[0]);
      serializers.set(key, serialize);
    }
    return serialize;
  });
}
