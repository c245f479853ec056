// Issue 9, item 3 and SECURITY.md 24: every route of the OpenAPI document gets bodies, path parameters and
// query strings made from its own schema and then mutated, as the callers its declaration admits. Never
// a 5xx; every refusal has a code and a message in words; nothing of another account changes. A fixed
// seed and a few runs per route in `npm test`; `npm run fuzz -- --runs 10000 [--seed N]` for long runs.
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  anonymous,
  type Operation,
  operationsOf,
  operator,
  snapshotOf,
  type Tenant,
  tenant,
} from './helpers/api-surface.ts';
import { buildTestApp, describeEachDatabase, type TestApp } from './helpers/build-test-app.ts';
import { mutatedBody, nastyValue, pathValue, validValue } from './helpers/schema-arbitrary.ts';
import type { TestClient } from './helpers/test-client.ts';

const seed = Number(process.env.KONTOR_FUZZ_SEED ?? 20261201);
const numRuns = Number(process.env.KONTOR_FUZZ_RUNS ?? 4);
const withBody = new Set(['POST', 'PUT', 'PATCH']);

describeEachDatabase('generated fuzzing', (dialect) => {
  let t: TestApp;
  let a: Tenant;
  let b: Tenant;
  let operatorClient: TestClient;
  let before: Awaited<ReturnType<typeof snapshotOf>>;
  beforeAll(async () => {
    t = await buildTestApp({ db: dialect });
    a = await tenant(t, 'a');
    b = await tenant(t, 'b');
    operatorClient = await operator(t);
    before = await snapshotOf(t.db, b.accountId);
  });
  afterAll(() => t.close());

  type Caller = 'anonymous' | 'operator' | 'member' | 'admin';
  /** Who the declaration admits; members and admins of account A for account routes. */
  const callers = (operation: Operation): fc.Arbitrary<Caller> => {
    if (operation.access.kind === 'public') return fc.constant('anonymous');
    if (operation.access.kind === 'operator') return fc.constant('operator');
    return fc.constantFrom('member', 'admin');
  };
  const client = (caller: Caller): TestClient =>
    ({ anonymous: anonymous(t), operator: operatorClient, member: a.member, admin: a.admin })[caller];

  const request = (operation: Operation) =>
    fc.record({
      caller: callers(operation),
      path: fc.record(
        Object.fromEntries(
          operation.pathParams.map((name) => [
            name,
            name === 'accountId' ? fc.oneof(fc.constant(a.accountId), pathValue) : pathValue,
          ]),
        ),
      ),
      query: fc.record(
        Object.fromEntries(
          operation.query.map(({ name, schema }) => [name, fc.oneof(validValue(schema), nastyValue)]),
        ),
        { requiredKeys: [] },
      ),
      body: withBody.has(operation.method) ? mutatedBody(operation.body) : fc.constant(undefined),
    });

  // The operations are known only once the app is built: one test walks them all, each its own property.
  it('no route answers 5xx, and every refusal says what was wrong, in words', async () => {
    const operations = operationsOf(t);
    let sent = 0;
    for (const operation of operations) {
      await fc.assert(
        fc.asyncProperty(request(operation), async ({ caller, path, query, body }) => {
          const url = operation.url.replace(/:([A-Za-z]+)/g, (_m, name: string) =>
            encodeURIComponent(String(path[name])),
          );
          const search = new URLSearchParams(
            Object.entries(query).map(([name, value]) => [
              name,
              typeof value === 'string' ? value : JSON.stringify(value),
            ]),
          );
          const response = await client(caller).request({
            method: operation.method as 'GET',
            url: search.size ? `${url}?${search}` : url,
            ...(body
              ? {
                  payload: body.text ?? JSON.stringify(body.value ?? null),
                  headers: { 'content-type': body.contentType },
                }
              : {}),
          });
          sent += 1;
          const what = `${operation.method} ${url} → ${response.statusCode} ${response.body.slice(0, 300)}`;
          expect(response.statusCode, what).toBeLessThan(500);
          if (response.statusCode >= 400) {
            const refusal = response.json() as { code?: string; message?: string };
            expect(refusal.code, what).toMatch(/^[A-Z][A-Z0-9_]+$/);
            expect(
              refusal.message && refusal.message !== refusal.code && !refusal.message.startsWith('errors.'),
              what,
            ).toBe(true);
          }
        }),
        { seed, numRuns, endOnFailure: true },
      );
    }
    expect(sent).toBeGreaterThanOrEqual(operations.length * numRuns);
    console.info(`fuzzed ${operations.length} routes with ${sent} requests, seed ${seed}`);
  });

  // Found by the fuzzing (seed 7): PostgreSQL refuses NUL in text, which was a 500 for a search.
  it('a NUL byte in a search or an id is a 400 naming the field, on both databases', async () => {
    const users = `/api/v1/accounts/${a.accountId}/users`;
    for (const url of [`${users}?q=%00`, `${users}/a%00b`]) {
      const response = await a.admin.get(url);
      expect([response.statusCode, response.json().code]).toEqual([400, 'VALIDATION_FAILED']);
    }
  });

  it('changed nothing of another account', async () => {
    expect(await snapshotOf(t.db, b.accountId)).toEqual(before);
  });
});
