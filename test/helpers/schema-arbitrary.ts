// fast-check arbitraries made from the JSON schemas of the OpenAPI document: values a route accepts, and
// those values mutated the ways attackers and broken clients send them (issue 9, item 3).
import fc from 'fast-check';

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  enum?: unknown[];
  items?: JsonSchema;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
}

/** The pattern every free-text line has (no control characters): plain strings satisfy it. */
const lineWithoutControls = '^[^\\u0000-\\u001f\\u007f]*$';
const names = fc.constantFrom('Müller', 'Kovács Éva', 'Łukasz', 'Ørsted', 'Dr. Berger-Schmidt', 'O’Neil');

function validString(schema: JsonSchema): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.min(schema.maxLength ?? 64, 64);
  // Cut to the schema's maxLength instead of filtering: a filter that rarely passes never ends. A value
  // cut short of a pattern is refused with a 400, which the fuzzing checks as well.
  const cutToMaxLength = (value: string) => value.slice(0, schema.maxLength ?? value.length);
  if (schema.format === 'email') return fc.emailAddress().map(cutToMaxLength);
  if (schema.format === 'date') {
    return fc
      .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
      .map((date) => date.toISOString().slice(0, 10));
  }
  if (schema.pattern && schema.pattern !== lineWithoutControls) {
    return fc.stringMatching(new RegExp(schema.pattern)).map(cutToMaxLength);
  }
  return fc.oneof(fc.string({ minLength, maxLength }), names.map(cutToMaxLength));
}

/** Values the schema accepts. */
export function validValue(schema: JsonSchema): fc.Arbitrary<unknown> {
  if (schema.anyOf) return fc.oneof(...schema.anyOf.map(validValue));
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const type = [schema.type].flat()[0];
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1_000_000, max: schema.maximum ?? 1_000_000 });
    case 'array':
      return fc.array(validValue(schema.items ?? {}), { maxLength: Math.min(schema.maxItems ?? 4, 4) });
    case 'object': {
      const properties = schema.properties ?? {};
      const model = Object.fromEntries(
        Object.entries(properties).map(([key, value]) => [key, validValue(value)]),
      );
      return fc.record(model, { requiredKeys: (schema.required ?? []).filter((key) => key in properties) });
    }
    case 'string':
      return validString(schema);
    default:
      return fc.jsonValue();
  }
}

let depth = 0;
/** JSON nested deeper than any parser should be asked to go. */
const deeplyNested = () => {
  depth += 1;
  return `${'['.repeat(5000 + depth)}${']'.repeat(5000 + depth)}`;
};

/** What a broken client or an attacker puts where a value belongs. */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null,
    true,
    0,
    -1,
    1e308,
    -Number.MAX_SAFE_INTEGER - 2,
    '',
    '\u0000',
    'a\u0000b',
    'x'.repeat(100_000),
    "' OR '1'='1' --",
    "'; DROP TABLE users; --",
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    'e\u0301', // not NFC
    '\u202eevil',
    '../../etc/passwd',
    '%00',
    '{{constructor.constructor("return 1")()}}',
    [],
    {},
    { $ne: null },
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.jsonValue({ maxDepth: 4 }),
);

export interface Body {
  /** Raw text sent as is (JSON with `__proto__`, deep nesting), or a value sent as JSON. */
  text?: string;
  value?: unknown;
  contentType: string;
}

/** A valid body, then: one field nasty, one required field missing, an extra field, `__proto__`, deep
 * nesting, the body not an object at all, or the wrong content type. */
export function mutatedBody(schema: JsonSchema | undefined): fc.Arbitrary<Body> {
  const json = 'application/json';
  const base = (schema ? validValue(schema) : fc.constant({})) as fc.Arbitrary<Record<string, unknown>>;
  const keys = Object.keys(schema?.properties ?? {});
  const key = keys.length ? fc.constantFrom(...keys) : fc.constant('field');
  return fc.oneof(
    base.map((value) => ({ value, contentType: json })),
    fc
      .tuple(base, key, nastyValue)
      .map(([value, name, nasty]) => ({ value: { ...value, [name]: nasty }, contentType: json })),
    fc.tuple(base, key).map(([value, name]) => {
      const { [name]: _dropped, ...rest } = value;
      return { value: rest, contentType: json };
    }),
    fc
      .tuple(base, nastyValue)
      .map(([value, nasty]) => ({ value: { ...value, unexpected: nasty }, contentType: json })),
    base.map((value) => ({
      text: `{"__proto__":{"isAdmin":true},${JSON.stringify(value).slice(1)}`,
      contentType: json,
    })),
    base.map((value) => ({
      text: JSON.stringify({ constructor: { prototype: { isAdmin: true } }, ...value }),
      contentType: json,
    })),
    fc.constant(null).map(() => ({ text: deeplyNested(), contentType: json })),
    nastyValue.map((value) => ({ value, contentType: json })),
    fc.constant({ text: '{"unterminated": ', contentType: json }),
    base.map((value) => ({ text: JSON.stringify(value), contentType: 'text/plain' })),
    base.map((value) => ({
      text: new URLSearchParams(
        Object.entries(value).map(([k, v]) => [k, JSON.stringify(v) ?? '']),
      ).toString(),
      contentType: 'application/x-www-form-urlencoded',
    })),
  );
}

/** A path parameter: a well-formed id of nothing, or something no id looks like. */
export const pathValue: fc.Arbitrary<string> = fc.oneof(
  fc.uuid(),
  fc.constantFrom(
    '0',
    '-1',
    'null',
    "1' OR '1'='1",
    '<b>x</b>',
    '..',
    'x'.repeat(300),
    '%00',
    '\u0000',
    'a\u0000b',
    'ä',
  ),
  fc.string({ minLength: 1, maxLength: 20 }),
);
