// Issue 9, item 1 and SECURITY.md 20–23: every API route declares who may call it, the server does not
// start with a route that does not, and what each route enforces is what it declares. Generated from the
// registered routes: a new route is covered the moment it exists.
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Access, type DeclaredRoute, enforceAccess } from '../src/http/access.ts';
import { AppError } from '../src/shared/app-error.ts';
import { operatorRoles } from '../src/shared/operator-roles.ts';
import { isPermission, permissions } from '../src/shared/permissions.ts';
import { buildTestApp, describeEachDatabase, type TestApp } from './helpers/build-test-app.ts';
import {
  accountIdOf,
  TestClient as Client,
  invitedOperator,
  signedInOperator,
  signedInOwner,
  signedInUser,
  type TestClient,
} from './helpers/test-client.ts';

const refuse = async () => {
  throw new AppError('UNAUTHENTICATED');
};

async function startWith(register: (api: FastifyInstance) => void): Promise<void> {
  const app = Fastify();
  await app.register(async (api) => {
    enforceAccess(api, { requireOperator: refuse, requireMember: refuse, requireProgram: refuse });
    register(api);
  });
  try {
    await app.ready();
  } finally {
    await app.close();
  }
}

describe('access declarations', () => {
  it('a route without one, with a permission outside the catalogue, or a member route without an account stops the start', async () => {
    await expect(startWith((api) => api.get('/api/v1/things', async () => ({})))).rejects.toThrow(
      'GET /api/v1/things declares no access',
    );
    const unknown = { kind: 'member', permission: 'things.steal' } as unknown as Access;
    await expect(
      startWith((api) =>
        api.get('/api/v1/accounts/:accountId/things', { config: { access: unknown } }, async () => ({})),
      ),
    ).rejects.toThrow('"things.steal", which is not in the permission catalogue');
    const member = { kind: 'member', permission: null } satisfies Access;
    await expect(
      startWith((api) => api.get('/api/v1/things', { config: { access: member } }, async () => ({}))),
    ).rejects.toThrow('member route without :accountId');
  });

  it('an operator route that changes something without naming a role, or naming an unknown one, stops the start', async () => {
    const post = (declared: Access) => (api: FastifyInstance) =>
      api.post('/api/v1/operator/things', { config: { access: declared } }, async () => ({}));
    await expect(startWith(post({ kind: 'operator', role: null }))).rejects.toThrow(
      'POST /api/v1/operator/things changes something but names no operator role',
    );
    const unknown = { kind: 'operator', role: 'janitor' } as unknown as Access;
    await expect(startWith(post(unknown))).rejects.toThrow('the unknown operator role "janitor"');
    await expect(startWith(post({ kind: 'operator', role: null, self: true }))).resolves.toBeUndefined();
  });
});

const nobody = '00000000-0000-0000-0000-000000000000';
/** A concrete URL for a route pattern: the given account where it takes one, ids of nothing elsewhere. */
const concrete = (url: string, accountId: string) =>
  url.replace(':accountId', accountId).replace(/:[A-Za-z]+/g, nobody);
const withBody = new Set(['POST', 'PUT', 'PATCH']);

const guarded = (access: Access) => access.kind !== 'public';
/** The error code of an answer; none for a success that is no JSON (a CSV export). */
const codeOf = (response: { headers: Record<string, unknown>; json: () => unknown }) =>
  String(response.headers['content-type']).includes('json')
    ? (response.json() as { code?: string }).code
    : undefined;

describeEachDatabase('every route enforces its declaration', (dialect) => {
  let t: TestApp;
  let routes: DeclaredRoute[];
  const clients: Record<'anonymous' | 'operator' | 'owner' | 'member', TestClient> = {} as never;
  let accountId: string;
  let foreignAccountId: string;
  let memberId: string;
  beforeAll(async () => {
    t = await buildTestApp({ db: dialect });
    routes = t.app.kontor.declaredRoutes.filter((route) => route.method !== 'HEAD');
    const owner = await signedInOwner(t.app);
    accountId = await accountIdOf(owner.client);
    const foreign = await signedInOwner(t.app, { email: 'eva@steuer.test', companyName: 'Steuerbüro Eva' });
    foreignAccountId = await accountIdOf(foreign.client);
    const member = await signedInUser(t.app, owner.client, accountId, {
      username: 'mia',
      email: 'mia@jura.test',
    });
    memberId = member.user.id;
    Object.assign(clients, {
      anonymous: new Client(t.app),
      operator: (await signedInOperator(t.app)).client,
      owner: owner.client,
      member: member.client,
    });
  });
  afterAll(() => t.close());

  it('every route in the OpenAPI document is declared, with permissions from the catalogue', async () => {
    const document = (await t.app.inject({ url: '/api/openapi.json' })).json() as { paths: object };
    const declared = new Set(routes.map((route) => route.url.replace(/:([A-Za-z]+)/g, '{$1}')));
    expect(Object.keys(document.paths).filter((path) => !declared.has(path))).toEqual([]);
    for (const { access } of routes) {
      if (access.kind === 'member' && access.permission) expect(isPermission(access.permission)).toBe(true);
    }
    expect(routes.length).toBeGreaterThan(80);
  });

  // Operator routes act on no real account here: a suspension would end the customers' sessions.
  const send = (client: TestClient, route: DeclaredRoute, account: string) =>
    client.request({
      method: route.method as 'GET',
      url: concrete(route.url, route.access.kind === 'operator' ? nobody : account),
      ...(withBody.has(route.method) ? { payload: {} } : {}),
    });

  it('anonymous callers get 401 from every guarded route, before anything about their input', async () => {
    for (const route of routes) {
      const response = await send(clients.anonymous, route, accountId);
      const refused = response.statusCode === 401;
      expect({ route: `${route.method} ${route.url}`, refused }).toEqual({
        route: `${route.method} ${route.url}`,
        refused: guarded(route.access),
      });
    }
  });

  it('operators pass only operator and public routes; customers only customer, member and public ones; program routes no session', async () => {
    for (const route of routes.filter((candidate) => guarded(candidate.access))) {
      const asOperator = (await send(clients.operator, route, accountId)).statusCode;
      const asOwner = (await send(clients.owner, route, accountId)).statusCode;
      const name = `${route.method} ${route.url}`;
      const isOperators = route.access.kind === 'operator';
      // The desktop program's routes take no cookie at all: a session opens none of them.
      const isPrograms = route.access.kind === 'program';
      expect({ name, operatorRefused: asOperator === 401 }).toEqual({ name, operatorRefused: !isOperators });
      expect({ name, ownerRefused: asOwner === 401 }).toEqual({
        name,
        ownerRefused: isOperators || isPrograms,
      });
    }
  });

  it("member routes answer another account's id with 404, and a missing permission with 403", async () => {
    for (const route of routes.filter((candidate) => candidate.access.kind === 'member')) {
      const name = `${route.method} ${route.url}`;
      const foreign = await send(clients.owner, route, foreignAccountId);
      expect({ name, status: foreign.statusCode }).toEqual({ name, status: 404 });
      const needs = route.access.kind === 'member' && route.access.permission !== null;
      // The guard's own refusal; a service may still refuse a member for its own reason (OWNER_ONLY).
      const asMember = codeOf(await send(clients.member, route, accountId));
      expect({ name, forbidden: asMember === 'FORBIDDEN' }).toEqual({ name, forbidden: needs });
    }
  });

  it('a member holding every permission but one is refused exactly the routes that declare that one', async () => {
    const declared = new Set(
      routes.flatMap((route) =>
        route.access.kind === 'member' && route.access.permission ? [route.access.permission] : [],
      ),
    );
    const grant = (held: readonly string[]) =>
      clients.owner.request({
        method: 'PUT',
        url: `/api/v1/accounts/${accountId}/users/${memberId}/permissions`,
        payload: { permissions: held },
      });
    for (const missing of declared) {
      expect((await grant(permissions.filter((permission) => permission !== missing))).statusCode).toBe(200);
      for (const route of routes.filter((candidate) => candidate.access.kind === 'member')) {
        const name = `${route.method} ${route.url} without ${missing}`;
        const answer = codeOf(await send(clients.member, route, accountId));
        // A route that any of several permissions opens stays open while one of the others is held.
        const needsMissing =
          route.access.kind === 'member' &&
          [route.access.permission, ...(route.access.orPermissions ?? [])].every((held) => held === missing);
        expect({ name, forbidden: answer === 'FORBIDDEN' }).toEqual({ name, forbidden: needsMissing });
      }
    }
    expect(declared.size).toBeGreaterThanOrEqual(4);
    await grant([]);
  });

  it('issue 16: every operator reads every operator route; a change is refused exactly without its area’s role', async () => {
    const operatorRoutes = routes.filter((route) => route.access.kind === 'operator');
    const roleOf = (route: DeclaredRoute) => (route.access.kind === 'operator' ? route.access.role : null);
    const changes = (route: DeclaredRoute) => route.method !== 'GET';
    const declared = new Set(operatorRoutes.flatMap((route) => roleOf(route) ?? []));
    expect([...declared].sort()).toEqual(['admin', 'billing', 'support']);
    const refusedFor = async (roles: string[]) => {
      const client = (await invitedOperator(t.app, clients.operator, roles)).client;
      const refused: string[] = [];
      for (const route of operatorRoutes) {
        const answer = await send(client, route, accountId);
        expect({ route: `${route.method} ${route.url}`, status: answer.statusCode }).not.toMatchObject({
          status: 401,
        });
        if (codeOf(answer) === 'OPERATOR_ROLE_MISSING') refused.push(`${route.method} ${route.url}`);
      }
      return refused;
    };
    const named = (filter: (route: DeclaredRoute) => boolean) =>
      operatorRoutes.filter(filter).map((route) => `${route.method} ${route.url}`);
    // An auditor changes nothing but their own sign-in and language.
    expect(await refusedFor(['auditor'])).toEqual(named((route) => changes(route) && roleOf(route) !== null));
    for (const missing of declared) {
      const others = operatorRoles.filter((role) => role !== missing);
      expect(await refusedFor(others)).toEqual(named((route) => changes(route) && roleOf(route) === missing));
    }
  });

  it('HEAD requests pass the same guards as GET', async () => {
    const users = `/api/v1/accounts/${accountId}/users`;
    expect((await clients.anonymous.request({ method: 'HEAD', url: users })).statusCode).toBe(401);
    const foreign = `/api/v1/accounts/${foreignAccountId}/users`;
    expect((await clients.owner.request({ method: 'HEAD', url: foreign })).statusCode).toBe(404);
    expect((await clients.owner.request({ method: 'HEAD', url: users })).statusCode).toBe(200);
  });
});
