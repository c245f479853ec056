// Issue 9, item 2 and SECURITY.md 20: generated from the OpenAPI document, every route that takes an
// account id or an object id is called by account A's admin with account B's ids. B's ids are never
// confirmed (404, or exactly the answer an id of nothing gets) and nothing of B changes. A route added
// later is covered without editing this file.
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { newId } from '../src/shared/tokens.ts';
import { type Operation, operationsOf, snapshotOf, type Tenant, tenant } from './helpers/api-surface.ts';
import { buildTestApp, describeEachDatabase, type TestApp } from './helpers/build-test-app.ts';
import { validValue } from './helpers/schema-arbitrary.ts';

const seed = 20261201;
const withBody = new Set(['POST', 'PUT', 'PATCH']);

describeEachDatabase('tenant isolation, generated', (dialect) => {
  let t: TestApp;
  let a: Tenant;
  let b: Tenant;
  let operations: Operation[];
  beforeAll(async () => {
    t = await buildTestApp({ db: dialect });
    a = await tenant(t, 'a');
    b = await tenant(t, 'b');
    operations = operationsOf(t).filter(
      // Program routes take no session: their isolation is tested with program credentials in program-api.test.ts.
      (operation) => !['public', 'operator', 'program'].includes(operation.access.kind),
    );
  });
  afterAll(() => t.close());

  /** A's admin calls the route with ids chosen per path parameter; the body is one the schema accepts. */
  const call = (operation: Operation, idOf: (name: string) => string) => {
    const url = operation.url.replace(/:([A-Za-z]+)/g, (_match, name: string) =>
      encodeURIComponent(idOf(name)),
    );
    const payload =
      withBody.has(operation.method) && operation.body
        ? (fc.sample(validValue(operation.body), { numRuns: 1, seed })[0] as object)
        : undefined;
    return a.admin.request({ method: operation.method as 'GET', url, ...(payload ? { payload } : {}) });
  };

  it("A's admin never reaches B's objects, and nothing of B changes", async () => {
    const before = await snapshotOf(t.db, b.accountId);
    const tried: string[] = [];
    for (const operation of operations.filter((candidate) => candidate.pathParams.length > 0)) {
      const name = `${operation.method} ${operation.url}`;
      // B's account with B's objects: the guard answers 404.
      const inB = await call(operation, (param) => b.ids[param] ?? newId());
      expect({ name, status: inB.statusCode }).toEqual({ name, status: 404 });
      tried.push(name);
      if (operation.pathParams.every((param) => param === 'accountId')) continue;

      // A's own account with B's objects: answered like an id of nothing, never served.
      const objectsOfB = await call(operation, (param) =>
        param === 'accountId' ? a.accountId : (b.ids[param] ?? newId()),
      );
      const nothing = await call(operation, (param) => (param === 'accountId' ? a.accountId : newId()));
      expect({ name, served: objectsOfB.statusCode < 400 }).toEqual({ name, served: false });
      if (objectsOfB.statusCode !== 404) {
        expect({ name, answer: objectsOfB.json() }).toEqual({ name, answer: nothing.json() });
      }
      tried.push(`${name} (B's objects)`);
    }
    expect(await snapshotOf(t.db, b.accountId)).toEqual(before);
    expect(tried.length).toBeGreaterThan(25);
  });
});
