// Issue #3: every account route as anonymous, operator, member, admin, owner and an admin of another
// account. Another account's objects answer 404 (object level), a missing right 403 (function level).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, describeEachDatabase, type TestApp } from './helpers/build-test-app.ts';
import {
  accountIdOf,
  signedInOperator,
  signedInOwner,
  signedInUser,
  strongPassword,
  TestClient,
} from './helpers/test-client.ts';

type Actor = 'anonymous' | 'operator' | 'member' | 'admin' | 'owner' | 'foreignAdmin';
const actors: Actor[] = ['anonymous', 'operator', 'member', 'admin', 'owner', 'foreignAdmin'];

interface Fixture {
  accountId: string;
  memberId: string;
  target: () => Promise<string>; // a fresh user of the account to act upon
}

interface RouteCase {
  name: string;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: (fixture: Fixture, targetId: string) => string;
  body?: Record<string, unknown>;
  expected: Record<Actor, number>;
}

const adminOnly = (success: number) => ({
  anonymous: 401,
  operator: 401,
  member: 403,
  admin: success,
  owner: success,
  foreignAdmin: 404,
});
const everyMember = (success: number) => ({ ...adminOnly(success), member: success });

const users = (fixture: Fixture) => `/api/v1/accounts/${fixture.accountId}/users`;
const routes: RouteCase[] = [
  { name: 'list users', method: 'GET', url: users, expected: everyMember(200) },
  {
    name: 'create a user',
    method: 'POST',
    url: users,
    body: { username: 'matrix', firstName: 'M', lastName: 'X' },
    expected: adminOnly(201),
  },
  {
    name: 'read own record',
    method: 'GET',
    url: (f) => `${users(f)}/${f.memberId}`,
    expected: everyMember(200),
  },
  {
    name: "read another user's record",
    method: 'GET',
    url: (f, target) => `${users(f)}/${target}`,
    expected: { ...adminOnly(200), member: 404 },
  },
  {
    name: 'change a user',
    method: 'PATCH',
    url: (f, target) => `${users(f)}/${target}`,
    body: { title: 'Prof.' },
    expected: adminOnly(200),
  },
  {
    name: 'delete a user',
    method: 'DELETE',
    url: (f, target) => `${users(f)}/${target}`,
    expected: adminOnly(204),
  },
  {
    name: 'reassign a user',
    method: 'POST',
    url: (f, target) => `${users(f)}/${target}/reassign`,
    body: { username: 'reassigned', firstName: 'R', lastName: 'A' },
    expected: adminOnly(200),
  },
  {
    name: 'grant the admin right',
    method: 'PUT',
    url: (f, target) => `${users(f)}/${target}/admin`,
    expected: adminOnly(200),
  },
  {
    name: 'revoke the admin right',
    method: 'DELETE',
    url: (f, target) => `${users(f)}/${target}/admin`,
    expected: adminOnly(200),
  },
  {
    name: 'rotate an access key',
    method: 'POST',
    url: (f, target) => `${users(f)}/${target}/access-keys`,
    body: { currentPassword: strongPassword },
    expected: adminOnly(201),
  },
  {
    name: 'read the audit log',
    method: 'GET',
    url: (f) => `/api/v1/accounts/${f.accountId}/audit`,
    expected: adminOnly(200),
  },
  {
    name: 'search customer accounts (operator area)',
    method: 'GET',
    url: () => '/api/v1/operator/accounts',
    expected: { anonymous: 401, operator: 200, member: 401, admin: 401, owner: 401, foreignAdmin: 401 },
  },
  {
    name: 'suspend a customer account (operator area)',
    method: 'POST',
    url: () => '/api/v1/operator/accounts/00000000-0000-0000-0000-000000000000/suspend',
    expected: { anonymous: 401, operator: 404, member: 401, admin: 401, owner: 401, foreignAdmin: 401 },
  },
  {
    name: 'read the operator audit log',
    method: 'GET',
    url: () => '/api/v1/operator/audit',
    expected: { anonymous: 401, operator: 200, member: 401, admin: 401, owner: 401, foreignAdmin: 401 },
  },
  {
    name: 'change own e-mail',
    method: 'POST',
    url: () => '/api/v1/me/email',
    body: { currentPassword: 'not the password', newEmail: 'new@jura.test' },
    // Everyone signed in may ask; the wrong current password is refused with 400.
    expected: { anonymous: 401, operator: 401, member: 400, admin: 400, owner: 400, foreignAdmin: 400 },
  },
  {
    name: 'change own password',
    method: 'POST',
    url: () => '/api/v1/me/password',
    body: { currentPassword: 'not the password', newPassword: 'a brand new passphrase 7' },
    expected: { anonymous: 401, operator: 401, member: 400, admin: 400, owner: 400, foreignAdmin: 400 },
  },
  {
    name: 'read own profile',
    method: 'GET',
    url: () => '/api/v1/me',
    expected: { ...everyMember(200), foreignAdmin: 200 },
  },
  {
    name: 'read the session',
    method: 'GET',
    url: () => '/api/v1/auth/session',
    expected: { ...everyMember(200), foreignAdmin: 200 },
  },
  {
    name: 'list own sessions',
    method: 'GET',
    url: () => '/api/v1/auth/sessions',
    expected: { ...everyMember(200), foreignAdmin: 200 },
  },
];

describeEachDatabase('permission matrix', (dialect) => {
  let t: TestApp;
  const clients = {} as Record<Actor, TestClient>;
  let fixture: Fixture;

  beforeAll(async () => {
    t = await buildTestApp({ db: dialect, env: { DEFAULT_SEAT_LIMIT: '500' } });
    const owner = await signedInOwner(t.app);
    const accountId = await accountIdOf(owner.client);
    const admin = await signedInUser(t.app, owner.client, accountId, {
      username: 'admin',
      email: 'admin@jura.test',
    });
    await owner.client.request({
      method: 'PUT',
      url: `/api/v1/accounts/${accountId}/users/${admin.user.id}/admin`,
    });
    const member = await signedInUser(t.app, owner.client, accountId, {
      username: 'member',
      email: 'member@jura.test',
    });
    const foreign = await signedInOwner(t.app, {
      email: 'chef@andere.test',
      companyName: 'Andere GmbH',
      username: 'chef',
    });
    let counter = 0;
    fixture = {
      accountId,
      memberId: member.user.id,
      target: async () => {
        counter += 1;
        const created = await owner.client.post(`/api/v1/accounts/${accountId}/users`, {
          username: `target ${counter}`,
          firstName: 'T',
          lastName: 'Arget',
          email: `target${counter}@jura.test`,
        });
        return created.json().user.id;
      },
    };
    Object.assign(clients, {
      anonymous: new TestClient(t.app),
      operator: (await signedInOperator(t.app)).client,
      member: member.client,
      admin: admin.client,
      owner: owner.client,
      foreignAdmin: foreign.client,
    });
  });
  afterAll(() => t.close());

  for (const route of routes) {
    it.each(actors)(`${route.name} as %s`, async (actor) => {
      const targetId = await fixture.target();
      const response = await clients[actor].request({
        method: route.method,
        url: route.url(fixture, targetId),
        // A user name per actor, so one actor's success does not make the next one's a conflict.
        ...(route.body
          ? {
              payload: {
                ...route.body,
                ...('username' in route.body ? { username: `${route.body.username} ${actor}` } : {}),
              },
            }
          : {}),
      });
      expect(response.statusCode, response.body).toBe(route.expected[actor]);
    });
  }

  it('hides whether an id exists in another account', async () => {
    const foreignAccount = await accountIdOf(clients.foreignAdmin);
    const mine = await clients.owner.get(`/api/v1/accounts/${foreignAccount}/users`);
    const made_up = await clients.owner.get('/api/v1/accounts/00000000-0000-0000-0000-000000000000/users');
    expect(mine.statusCode).toBe(404);
    expect(mine.body).toBe(made_up.body);
  });
});
