// M3 and SECURITY.md 23: a member's permissions are data, given only by someone who holds them, and a
// change applies to the very next request.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildTestApp, describeEachDatabase, type TestApp } from '../../../test/helpers/build-test-app.ts';
import {
  accountIdOf,
  signedInOwner,
  signedInUser,
  type TestClient,
} from '../../../test/helpers/test-client.ts';

describeEachDatabase('member permissions', (dialect) => {
  let t: TestApp;
  let owner: TestClient;
  let accountId: string;
  let users: string;
  let mia: { client: TestClient; user: { id: string } };
  beforeEach(async () => {
    t = await buildTestApp({ db: dialect });
    owner = (await signedInOwner(t.app)).client;
    accountId = await accountIdOf(owner);
    users = `/api/v1/accounts/${accountId}/users`;
    mia = await signedInUser(t.app, owner, accountId, { username: 'mia', email: 'mia@jura.test' });
  });
  afterEach(() => t.close());

  const setPermissions = (client: TestClient, userId: string, permissions: string[]) =>
    client.request({ method: 'PUT', url: `${users}/${userId}/permissions`, payload: { permissions } });

  it('a granted permission opens its route on the next request, and a revoked one closes it', async () => {
    const audit = `/api/v1/accounts/${accountId}/audit`;
    expect((await mia.client.get(audit)).statusCode).toBe(403);

    const granted = await setPermissions(owner, mia.user.id, ['audit.read']);
    expect(granted.statusCode).toBe(200);
    expect(granted.json().permissions).toEqual(['audit.read']);
    expect((await mia.client.get(audit)).statusCode).toBe(200);
    expect((await mia.client.get('/api/v1/auth/session')).json().account.permissions).toEqual(['audit.read']);

    expect((await setPermissions(owner, mia.user.id, [])).statusCode).toBe(200);
    expect((await mia.client.get(audit)).statusCode).toBe(403);
  });

  it('a member with "manage users" sees every user only while holding it', async () => {
    await signedInUser(t.app, owner, accountId, { username: 'tom', email: 'tom@jura.test' });
    expect((await mia.client.get(users)).json().items).toHaveLength(1);
    await setPermissions(owner, mia.user.id, ['users.manage']);
    expect((await mia.client.get(users)).json().items).toHaveLength(3);
  });

  it('refuses a name that is not in the catalogue, naming it, and changes nothing', async () => {
    await setPermissions(owner, mia.user.id, ['invoices.view']);
    const response = await setPermissions(owner, mia.user.id, ['invoices.view', 'invoices.delete_all']);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'PERMISSION_UNKNOWN',
      details: [{ field: 'permissions' }],
    });
    expect(response.json().message).toContain('invoices.delete_all');
    expect((await owner.get(`${users}/${mia.user.id}`)).json().permissions).toEqual(['invoices.view']);
  });

  it('a member can give and take only permissions they hold themselves', async () => {
    const tom = await signedInUser(t.app, owner, accountId, { username: 'tom', email: 'tom@jura.test' });
    await setPermissions(owner, mia.user.id, ['users.manage', 'contacts.manage']);
    await setPermissions(owner, tom.user.id, ['invoices.pay']);

    const raise = await setPermissions(mia.client, tom.user.id, ['invoices.pay', 'invoices.view']);
    expect(raise.statusCode).toBe(403);
    expect(raise.json().code).toBe('PERMISSION_NOT_HELD');
    expect(raise.json().message).toContain('„Rechnungen einsehen“'); // DEFAULT_LOCALE de
    // Taking away what one does not hold is refused too: it is not theirs to decide.
    expect((await setPermissions(mia.client, tom.user.id, [])).json().code).toBe('PERMISSION_NOT_HELD');

    const given = await setPermissions(mia.client, tom.user.id, ['invoices.pay', 'contacts.manage']);
    expect(given.statusCode).toBe(200);
    expect(given.json().permissions).toEqual(['contacts.manage', 'invoices.pay']);
    // Nor can she make herself an admin's equal: the admin right needs "manage admins".
    expect(
      (await mia.client.request({ method: 'PUT', url: `${users}/${tom.user.id}/admin` })).statusCode,
    ).toBe(403);
  });

  it('is audited with what was granted and revoked; admins hold everything and have no choice', async () => {
    await setPermissions(owner, mia.user.id, ['support.open', 'services.use']);
    await setPermissions(owner, mia.user.id, ['services.use', 'invoices.view']);
    const events = await t.db
      .selectFrom('auditEvents')
      .select(['details'])
      .where('action', '=', 'user.permissions_changed')
      .orderBy('createdAt')
      .execute();
    expect(events.map((event) => JSON.parse(event.details ?? '{}'))).toEqual([
      { granted: ['support.open', 'services.use'], revoked: [] },
      { granted: ['invoices.view'], revoked: ['support.open'] },
    ]);

    await owner.request({ method: 'PUT', url: `${users}/${mia.user.id}/admin` });
    const admin = await setPermissions(owner, mia.user.id, []);
    expect(admin.statusCode).toBe(409);
    expect(admin.json().code).toBe('ADMINS_HOLD_ALL_PERMISSIONS');
    expect((await mia.client.get('/api/v1/auth/session')).json().account.permissions).toContain(
      'account.edit',
    );
  });

  it("another account's admin gets 404; a member without the permission 403", async () => {
    const stranger = (await signedInOwner(t.app, { email: 'other@firma.test', companyName: 'Firma' })).client;
    expect((await setPermissions(stranger, mia.user.id, ['audit.read'])).statusCode).toBe(404);
    const tom = await signedInUser(t.app, owner, accountId, { username: 'tom', email: 'tom@jura.test' });
    expect((await setPermissions(tom.client, mia.user.id, [])).statusCode).toBe(403);
  });
});
