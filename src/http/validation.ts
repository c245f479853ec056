// Request validation. Query strings, path parameters and headers arrive as text, so they are coerced to
// the schema's types ("?page=2" is the number 2). A JSON body carries its own types: `"firstName": true`
// is a wrong type and answers 400 naming the field, never the text "true".
import { Ajv, type Options, type ValidateFunction } from 'ajv';
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

// Compiling every route's schemas took most of an app's start; a process that builds many apps (the
// tests) compiles each distinct schema once. The compiled functions are pure, so apps can share them.
const forBodies = validator(false);
const forText = validator('array');
const compiled = new Map<string, ValidateFunction>();

export function registerValidation(app: FastifyInstance): void {
  app.setValidatorCompiler(({ schema, httpPart }) => {
    const ajv = httpPart === 'body' ? forBodies : forText;
    const key = `${httpPart === 'body'} ${JSON.stringify(schema)}`;
    let validate = compiled.get(key);
    if (!validate) {
      validate = ajv.compile(schema);
      compiled.set(key, validate);
    }
    return validate;
  });
}
