// Issue 16, item 2 (seed 003, "im Kundenauftrag"): a support operator changes a customer's users on its
// order, under a customer admin's rules; the change is the operator's in the account's audit log, the owner
// hears of it, and the owner may switch it off except for the main user's link.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildTestApp, describeEachDatabase, type TestApp } from '../../../test/helpers/build-test-app.ts';
import {
  accountIdOf,
  invitedOperator,
  lastEmailTo,
  signedInOperator,
  signedInOwner,
  signedInUser,
  subjectsTo,
  type TestClient,
} from '../../../test/helpers/test-client.ts';

describeEachDatabase('acting for a customer on its order', (dialect) => {
  let t: TestApp;
  let admin: TestClient;
  let support: TestClient;
  let owner: Awaited<ReturnType<typeof signedInOwner>>;
  let accountId: string;
  let users: string;
  beforeEach(async () => {
    t = await buildTestApp({ db: dialect });
    admin = (await signedInOperator(t.app)).client;
    support = (await invitedOperator(t.app, admin, ['support'], { name: 'Sven Support' })).client;
    owner = await signedInOwner(t.app, { locale: 'hu' });
    accountId = await accountIdOf(owner.client);
    users = `/api/v1/operator/accounts/${accountId}/users`;
  });
  afterEach(() => t.close());

  const newUser = { username: 'anna', firstName: 'Anna', lastName: 'Adler', email: 'anna@jura.test' };
  const ownerSubjects = () => subjectsTo(t.app, owner.email);
  const ownerLog = async () =>
    (await owner.client.get(`/api/v1/accounts/${accountId}/audit`)).json().items as {
      action: string;
      actor: { type: string; name: string | null };
      details: Record<string, unknown> | null;
    }[];
  const noticeSubject = 'Sven Support az Ön megbízásából módosított valamit az ügyfélfiókjában';

  it('creates a user who activates with the e-mailed link; the owner is told and sees it in the log', async () => {
    const created = await support.post(users, newUser);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ username: 'anna', status: 'pending_activation' });
    expect(created.body).not.toMatch(/accessKey/);
    expect((await lastEmailTo(t.app, 'anna@jura.test', 'activate')).link('activate')).toBeTruthy();

    const notice = await t.db
      .selectFrom('outboxEmails')
      .select('textBody')
      .where('toAddress', '=', owner.email)
      .where('subject', '=', noticeSubject)
      .executeTakeFirstOrThrow();
    expect(notice.textBody).toMatch(/létrehozta a\(z\) Adler Anna \(\d{7}\) felhasználót/);
    expect(await ownerLog()).toContainEqual(
      expect.objectContaining({
        action: 'user.created',
        actor: expect.objectContaining({ type: 'operator', name: 'Sven Support' }),
        target: expect.objectContaining({ type: 'user' }),
      }),
    );
    const listed = (await support.get(users)).json();
    expect(listed.actingAllowed).toBe(true);
    expect(listed.items.map((user: { username: string }) => user.username)).toContain('anna');
  });

  it('changes, re-sends and deletes under an admin’s rules; a refused change writes nothing and tells nobody', async () => {
    const id = (await support.post(users, newUser)).json().id;
    const before = (await ownerSubjects()).length;
    expect((await support.patch(`${users}/${id}`, { firstName: 'Anne' })).json().firstName).toBe('Anne');
    t.clock.advance(3 * 60_000);
    expect((await support.post(`${users}/${id}/activation`)).statusCode).toBe(202);
    expect((await ownerSubjects()).length).toBe(before + 2);

    const ownerId = (await owner.client.get('/api/v1/auth/session')).json().user.id;
    const touchOwner = await support.patch(`${users}/${ownerId}`, { firstName: 'X' });
    expect(touchOwner.json().code).toBe('OWNER_ONLY');
    expect((await support.delete(`${users}/${ownerId}`)).json().code).toBe('CANNOT_DELETE_OWNER');
    const noEmail = await support.post(users, { ...newUser, username: 'bert', email: undefined });
    expect(noEmail.json().details[0]).toMatchObject({ field: 'email', code: 'ACTIVATION_EMAIL_REQUIRED' });
    await t.db.updateTable('accounts').set({ seatLimit: 2 }).where('id', '=', accountId).execute();
    const full = await support.post(users, { ...newUser, username: 'carl', email: 'carl@jura.test' });
    expect(full.json().code).toBe('SEAT_LIMIT_REACHED');
    expect((await ownerSubjects()).length).toBe(before + 2);

    expect((await support.delete(`${users}/${id}`)).statusCode).toBe(204);
    const byOperator = (await ownerLog()).filter((event) => event.actor.type === 'operator');
    expect(byOperator.map((event) => event.action).sort()).toEqual([
      'user.activation_resent',
      'user.created',
      'user.deleted',
      'user.updated',
    ]);
  });

  it('only support acts; billing and auditors are refused, every operator reads; another account is 404', async () => {
    const billing = (await invitedOperator(t.app, admin, ['billing'])).client;
    const auditor = (await invitedOperator(t.app, admin, ['auditor'])).client;
    for (const refused of [billing, auditor]) {
      expect((await refused.post(users, newUser)).json().code).toBe('OPERATOR_ROLE_MISSING');
      expect((await refused.get(users)).statusCode).toBe(200);
    }
    const nobody = '/api/v1/operator/accounts/00000000-0000-0000-0000-000000000000/users';
    expect((await support.post(nobody, newUser)).statusCode).toBe(404);
    expect((await support.get(nobody)).statusCode).toBe(404);
  });

  it('the owner alone switches it off; then only the main user’s link still goes out', async () => {
    const id = (await support.post(users, newUser)).json().id;
    const access = `/api/v1/accounts/${accountId}/provider-access`;
    const adminUser = await signedInUser(t.app, owner.client, accountId, {
      username: 'adam',
      email: 'adam@jura.test',
    });
    await owner.client.put(`/api/v1/accounts/${accountId}/users/${adminUser.user.id}/admin`);
    expect((await adminUser.client.put(access, { allowed: false })).json().code).toBe('OWNER_ONLY');
    expect((await owner.client.put(access, { allowed: false })).json()).toEqual({ allowed: false });
    expect((await adminUser.client.get(access)).json()).toEqual({ allowed: false });

    const off = await support.post(users, { ...newUser, username: 'bert', email: 'bert@jura.test' });
    expect(off.statusCode).toBe(403);
    expect(off.json().code).toBe('PROVIDER_ACTING_OFF');
    expect((await support.patch(`${users}/${id}`, { firstName: 'X' })).json().code).toBe(
      'PROVIDER_ACTING_OFF',
    );
    expect((await support.delete(`${users}/${id}`)).json().code).toBe('PROVIDER_ACTING_OFF');
    t.clock.advance(3 * 60_000);
    expect((await support.post(`${users}/${id}/activation`)).json().code).toBe('PROVIDER_ACTING_OFF');
    expect((await support.get(users)).json().actingAllowed).toBe(false);
    expect(await ownerLog()).toContainEqual(
      expect.objectContaining({ action: 'account.provider_access_changed', details: { allowed: false } }),
    );

    // A provisioned account whose main user has not started yet: its link can always be sent again.
    const provisioned = await admin.post('/api/v1/operator/accounts', {
      name: 'Kovács Kft.',
      seatLimit: 3,
      locale: 'hu',
      timezone: 'Europe/Budapest',
      mainUser: { firstName: 'Éva', lastName: 'Kovács', email: 'eva@kovacs.test' },
    });
    const other = provisioned.json();
    await t.db.updateTable('accounts').set({ providerMayAct: 0 }).where('id', '=', other.id).execute();
    const mainUser = (await support.get(`/api/v1/operator/accounts/${other.id}/users`)).json().items[0].id;
    t.clock.advance(3 * 60_000);
    const resent = await support.post(`/api/v1/operator/accounts/${other.id}/users/${mainUser}/activation`);
    expect(resent.statusCode).toBe(202);
  });
});
