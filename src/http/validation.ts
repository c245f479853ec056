// Request validation. Query strings, path parameters and headers arrive as text, so they are coerced to
// the schema's types ("?page=2" is the number 2). A JSON body carries its own types: `"firstName": true`
// is a wrong type and answers 400 naming the field, never the text "true".
import { Ajv, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import fastUri from 'fast-uri';
import type { FastifyInstance } from 'fastify';

function validator(coerceTypes: Options['coerceTypes']): Ajv {
  const ajv = new Ajv({
    coerceTypes,
    useDefaults: true,
    // Reject unknown properties (mass assignment) instead of silently dropping them; name every bad field.
    removeAdditional: false,
    allErrors: true,
    uriResolver: fastUri,
    addUsedSchema: false,
  });
  addFormats(ajv);
  return ajv;
}

export function registerValidation(app: FastifyInstance): void {
  const forBodies = validator(false);
  const forText = validator('array');
  app.setValidatorCompiler(({ schema, httpPart }) =>
    (httpPart === 'body' ? forBodies : forText).compile(schema),
  );
}
