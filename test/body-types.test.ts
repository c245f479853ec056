// Issue 6.3 "bodies are type-coerced": a JSON body of the wrong type is a 400 naming the field, for every
// field of every route's body as the OpenAPI document describes it, so routes added later are covered too.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, describeEachDatabase, type TestApp } from './helpers/build-test-app.ts';
import {
  accountIdOf,
  companyOwner,
  signedInOperator,
  signedInOwner,
  TestClient,
} from './helpers/test-client.ts';

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  anyOf?: JsonSchema[];
}

type Operation = { requestBody?: { content: Record<string, { schema: JsonSchema }> } };

/** Values of the wrong JSON type for a schema, each of which coercion would turn into a valid one. */
function wrongValues(schema: JsonSchema): unknown[] {
  const types = new Set(
    [schema.type, ...(schema.anyOf ?? []).map((branch) => branch.type)].flat().filter(Boolean),
  );
  if (types.has('string')) return [true, 12345, ['Doe']];
  if (types.has('boolean')) return ['true', 1];
  if (types.has('integer') || types.has('number')) return ['5', true];
  return [];
}

/** Every field path of a body schema ("mainUser.firstName") with a body carrying a wrong value there. */
function cases(schema: JsonSchema, path: string[] = []): { field: string; body: object }[] {
  return Object.entries(schema.properties ?? {}).flatMap(([name, property]) => {
    const fieldPath = [...path, name];
    const own = wrongValues(property).map((value) => ({
      field: fieldPath.join('.'),
      body: fieldPath.reduceRight<unknown>((inner, key) => ({ [key]: inner }), value) as object,
    }));
    return [...own, ...(property.properties ? cases(property, fieldPath) : [])];
  });
}

describeEachDatabase('request bodies', (dialect) => {
  let t: TestApp;
  let operator: TestClient;
  let owner: TestClient;
  let accountId: string;
  beforeAll(async () => {
    t = await buildTestApp({ db: dialect });
    operator = (await signedInOperator(t.app)).client;
    owner = (await signedInOwner(t.app)).client;
    accountId = await accountIdOf(owner);
  });
  /** Who may call a route at all: guards answer before a body is looked at (http/access.ts). */
  const callerOf = (method: string, path: string) => {
    const url = path.replace(/\{([^}]+)\}/g, ':$1');
    const route = t.app.kontor.declaredRoutes.find((r) => r.method === method && r.url === url);
    if (route?.access.kind === 'operator') return operator;
    if (route?.access.kind === 'public') return new TestClient(t.app);
    return owner;
  };
  afterAll(() => t.close());

  it('bodies are type-coerced: never; a wrong type is a 400 naming the field, on every route', async () => {
    const document = t.app.swagger() as { paths: Record<string, Record<string, Operation>> };
    const tried: string[] = [];
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const schema = operation.requestBody?.content['application/json']?.schema;
        if (!schema) continue;
        const url = path
          .replace('{accountId}', accountId)
          .replace(/\{[^}]+\}/g, '00000000-0000-0000-0000-000000000000');
        const caller = callerOf(method.toUpperCase(), path);
        for (const { field, body } of cases(schema)) {
          const response = await caller.request({
            method: method.toUpperCase() as 'POST',
            url,
            payload: body,
          });
          const where = `${method} ${path} ${JSON.stringify(body)}`;
          expect(response.statusCode, where).toBe(400);
          const fields = (response.json().details ?? []).map((detail: { field: string }) => detail.field);
          expect(fields, where).toContain(field);
          tried.push(where);
        }
      }
    }
    expect(tried.length).toBeGreaterThan(60);
  });

  it('refuses to register "true" of company "12345" and sends no e-mail', async () => {
    const outbox = () => t.db.selectFrom('outboxEmails').select('id').execute();
    const before = await outbox();
    const response = await new TestClient(t.app).post('/api/v1/auth/register', {
      ...companyOwner,
      firstName: true,
      companyName: 12345,
      lastName: ['Doe'],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().details.map((detail: { field: string }) => detail.field)).toEqual(
      expect.arrayContaining(['firstName', 'companyName', 'lastName']),
    );
    expect(await outbox()).toEqual(before);
  });

  it('still reads numbers from query strings', async () => {
    expect((await operator.get('/api/v1/operator/accounts?page=2&pageSize=5')).json().page).toBe(2);
    const badPage = await operator.get('/api/v1/operator/accounts?page=zwei');
    expect(badPage.statusCode).toBe(400);
    expect(badPage.json().details[0].field).toBe('page');
  });
});
