// M2: one person, several accounts, one at a time; switching gets a new session token and is audited.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildTestApp, describeEachDatabase, type TestApp } from '../../../test/helpers/build-test-app.ts';
import { accountIdOf, signedInOwner, signedInUser, TestClient } from '../../../test/helpers/test-client.ts';

describeEachDatabase('switching accounts', (dialect) => {
  let t: TestApp;
  let home: string;
  let other: string;
  let mia: { client: TestClient; user: { id: string } };
  beforeEach(async () => {
    t = await buildTestApp({ db: dialect });
    const owner = (await signedInOwner(t.app)).client;
    home = await accountIdOf(owner);
    mia = await signedInUser(t.app, owner, home, { username: 'mia', email: 'mia@jura.test' });
    const otherOwner = (await signedInOwner(t.app, { email: 'eva@firma.test', companyName: 'Firma Eva' }))
      .client;
    other = await accountIdOf(otherOwner);
    // Until invitations exist, the second membership is written as an accepted invitation would write it.
    await t.db
      .insertInto('memberships')
      .values({
        accountId: other,
        userId: mia.user.id,
        role: 'member',
        permissions: '["audit.read"]',
        createdAt: new Date().toISOString(),
      })
      .execute();
  });
  afterEach(() => t.close());

  const switchTo = (client: TestClient, accountId: string) =>
    client.request({ method: 'PUT', url: '/api/v1/auth/session/account', payload: { accountId } });

  it('acts in the chosen account under a new token; the old token is dead', async () => {
    const session = (await mia.client.get('/api/v1/auth/session')).json();
    expect(session.memberships.map((m: { accountId: string }) => m.accountId).sort()).toEqual(
      [home, other].sort(),
    );
    const oldCookies = new Map(mia.client.cookies);

    const switched = await switchTo(mia.client, other);
    expect(switched.statusCode).toBe(200);
    expect(switched.json().account).toMatchObject({
      id: other,
      name: 'Firma Eva',
      permissions: ['audit.read'],
    });
    expect((await mia.client.get('/api/v1/auth/session')).json().account.id).toBe(other);

    const stale = new TestClient(t.app);
    for (const [name, value] of oldCookies) stale.cookies.set(name, value);
    expect((await stale.get('/api/v1/auth/session')).statusCode).toBe(401);

    // Now the permissions of the other account apply, and the home account's routes are out of reach.
    expect((await mia.client.get(`/api/v1/accounts/${other}/audit`)).statusCode).toBe(200);
    expect((await mia.client.get(`/api/v1/accounts/${home}/users`)).statusCode).toBe(404);
    expect((await switchTo(mia.client, home)).json().account.id).toBe(home);
    expect((await mia.client.get(`/api/v1/accounts/${other}/audit`)).statusCode).toBe(404);
  });

  it('refuses an account the person does not belong to, and a suspended one, alike', async () => {
    const stranger = await signedInOwner(t.app, { email: 'zoe@dritte.test', companyName: 'Dritte' });
    expect((await switchTo(mia.client, await accountIdOf(stranger.client))).statusCode).toBe(404);
    await t.db.updateTable('accounts').set({ status: 'suspended' }).where('id', '=', other).execute();
    expect((await switchTo(mia.client, other)).statusCode).toBe(404);
    expect((await mia.client.get('/api/v1/auth/session')).json().account.id).toBe(home);
  });

  it('is audited in both accounts and keeps the session’s absolute expiry', async () => {
    const before = await t.db
      .selectFrom('sessions')
      .select('absoluteExpiresAt')
      .where('userId', '=', mia.user.id)
      .executeTakeFirstOrThrow();
    t.clock.advance(60_000);
    await switchTo(mia.client, other);
    const after = await t.db
      .selectFrom('sessions')
      .select(['absoluteExpiresAt', 'activeAccountId'])
      .where('userId', '=', mia.user.id)
      .execute();
    expect(after).toEqual([{ absoluteExpiresAt: before.absoluteExpiresAt, activeAccountId: other }]);
    const events = await t.db
      .selectFrom('auditEvents')
      .select(['accountId', 'actorId'])
      .where('action', '=', 'session.account_switched')
      .execute();
    expect(events.map((event) => event.accountId).sort()).toEqual([home, other].sort());
    expect(events.every((event) => event.actorId === mia.user.id)).toBe(true);
  });
});
