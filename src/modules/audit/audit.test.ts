// U7: admins read their account's log, filtered by user, action and date; operators read every account's.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildTestApp, describeEachDatabase, type TestApp } from '../../../test/helpers/build-test-app.ts';
import {
  accountIdOf,
  invitedOperator,
  signedInOperator,
  signedInOwner,
  strongPassword,
  type TestClient,
} from '../../../test/helpers/test-client.ts';
import { days } from '../../shared/clock.ts';

describeEachDatabase('audit log', (dialect) => {
  let t: TestApp;
  let owner: TestClient;
  let accountId: string;
  beforeEach(async () => {
    t = await buildTestApp({ db: dialect });
    owner = (await signedInOwner(t.app)).client;
    accountId = await accountIdOf(owner);
  });
  afterEach(() => t.close());

  it("counts days in the account's time zone (Europe/Berlin by default)", async () => {
    // The clock starts on 5 January at 09:00 UTC; 14 h 30 min on it is 23:30 UTC, already 6 January in Berlin.
    t.clock.advance(14.5 * 3_600_000);
    await owner.post('/api/v1/auth/sign-in', { email: 'justus@jura.test', password: strongPassword });
    await owner.post(`/api/v1/accounts/${accountId}/users`, {
      username: 'late',
      firstName: 'Lena',
      lastName: 'Late',
    });
    const created = (day: string) =>
      owner
        .get(`/api/v1/accounts/${accountId}/audit?action=user.created&from=${day}&to=${day}`)
        .then((response) => response.json().items.length);
    expect(await created('2026-01-06')).toBe(1);
    expect(await created('2026-01-05')).toBe(0);
  });

  it('records who did what to whom, and filters by user, action and day', async () => {
    t.clock.advance(1000);
    const created = (
      await owner.post(`/api/v1/accounts/${accountId}/users`, {
        username: 'anna',
        firstName: 'Anna',
        lastName: 'Alt',
      })
    ).json().user;
    t.clock.advance(1000);
    await owner.request({
      method: 'PATCH',
      url: `/api/v1/accounts/${accountId}/users/${created.id}`,
      payload: { title: 'Dr.' },
    });

    const log = (query = '') =>
      owner.get(`/api/v1/accounts/${accountId}/audit${query}`).then((response) => response.json());
    const all = await log();
    const actions = all.items.map((item: { action: string }) => item.action);
    expect(actions.slice(0, 2)).toEqual(['user.updated', 'user.created']);
    expect(actions.slice(2).sort()).toEqual(['account.registered', 'user.email_confirmed']); // the same instant
    expect(all.items[0]).toMatchObject({
      actor: { type: 'user', name: 'Dr. Justus Jura' },
      target: { type: 'user', id: created.id, name: 'Anna Alt' },
      details: { fields: ['title'] },
      ipAddress: '127.0.0.1',
    });
    expect((await log(`?userId=${created.id}`)).items).toHaveLength(2);
    expect((await log('?action=user.created')).items).toHaveLength(1);
    const today = t.clock.now().toISOString().slice(0, 10);
    const yesterday = new Date(t.clock.now().getTime() - days(1)).toISOString().slice(0, 10);
    expect((await log(`?from=${today}&to=${today}`)).items).toHaveLength(4);
    expect((await log(`?to=${yesterday}`)).items).toHaveLength(0);
    expect((await log('?pageSize=3')).hasMore).toBe(true);
    expect((await log('?pageSize=4')).hasMore).toBe(false);
    await owner.request({ method: 'PATCH', url: '/api/v1/me', payload: { locale: 'en' } }); // not a change to audit
    expect((await log()).items).toHaveLength(4);
    const refused = await owner.get(`/api/v1/accounts/${accountId}/audit?action=DROP%20TABLE`);
    expect(refused.statusCode).toBe(400);
  });

  it('shows operators the events of every account', async () => {
    await signedInOwner(t.app, { email: 'chef@andere.test', companyName: 'Andere GmbH', username: 'chef' });
    const { client: operator } = await signedInOperator(t.app);
    const all = (await operator.get('/api/v1/operator/audit?action=account.registered')).json();
    expect(all.items).toHaveLength(2);
    const one = (
      await operator.get(`/api/v1/operator/audit?accountId=${accountId}&action=account.registered`)
    ).json();
    expect(one.items).toEqual([expect.objectContaining({ accountId })]);
  });

  it('the audit log rewrites history: never; events keep the names of actor and target as they were', async () => {
    const users = `/api/v1/accounts/${accountId}/users`;
    const bernd = (
      await owner.post(users, { username: 'bernd', firstName: 'Bernd', lastName: 'Bauer' })
    ).json().user;
    t.clock.advance(1000);
    await owner.post(`${users}/${bernd.id}/reassign`, {
      username: 'clara',
      firstName: 'Clara',
      lastName: 'Christ',
    });
    t.clock.advance(1000);
    await owner.request({ method: 'PATCH', url: '/api/v1/me', payload: { firstName: 'Jakob' } });
    t.clock.advance(1000);
    await owner.request({ method: 'DELETE', url: `${users}/${bernd.id}` });

    const items = (await owner.get(`/api/v1/accounts/${accountId}/audit?userId=${bernd.id}`)).json().items;
    const byAction = Object.fromEntries(
      items.map((item: { action: string; actor: { name: string }; target: { name: string } }) => [
        item.action,
        [item.actor.name, item.target.name],
      ]),
    );
    expect(byAction).toEqual({
      'user.created': ['Dr. Justus Jura', 'Bernd Bauer'],
      'user.reassigned': ['Dr. Justus Jura', 'Bernd Bauer'],
      'user.deleted': ['Dr. Jakob Jura', 'Clara Christ'],
    });
  });

  it('names the account on every row of the operator’s log, and names people as the reader’s language does', async () => {
    const { client: operator } = await signedInOperator(t.app, { locale: 'hu' });
    const item = (await operator.get(`/api/v1/operator/audit?action=account.registered`)).json().items[0];
    const customerNumber = (await owner.get('/api/v1/auth/session')).json().account.customerNumber;
    expect(item.account).toEqual({ id: accountId, name: 'Kanzlei Jura & Partner', customerNumber });
    expect(item.actor.name).toBe('Dr. Jura Justus'); // Hungarian: family name first
    expect(item.target).toMatchObject({ type: 'account', name: 'Kanzlei Jura & Partner' });
  });

  it('issue 16: every entry names the kind of actor as it was then, in the customer’s and the operators’ logs alike', async () => {
    const admin = (await signedInOperator(t.app)).client;
    const support = await invitedOperator(t.app, admin, ['support', 'auditor'], { name: 'Sven Support' });
    await owner.put(`/api/v1/accounts/${accountId}/two-factor-policy`, { required: false });
    await support.client.post(`/api/v1/operator/accounts/${accountId}/users`, {
      username: 'anna',
      firstName: 'Anna',
      lastName: 'Adler',
      email: 'anna@jura.test',
    });
    // A person of another account, invited here and acting here.
    const guest = await signedInOwner(t.app, {
      email: 'eva@steuer.test',
      companyName: 'Steuerbüro',
      username: 'eva',
    });
    const guestId = (await guest.client.get('/api/v1/auth/session')).json().user.id;
    await t.db
      .insertInto('memberships')
      .values({
        accountId,
        userId: guestId,
        role: 'admin',
        permissions: '[]',
        createdAt: new Date().toISOString(),
      })
      .execute();
    await guest.client.put('/api/v1/auth/session/account', { accountId });
    await guest.client.put(`/api/v1/accounts/${accountId}/two-factor-policy`, { required: false });

    const kinds = (items: { action: string; actor: { kind: string; roles: string[]; name: string } }[]) =>
      items
        .filter((event) => ['user.created', 'account.two_factor_policy_changed'].includes(event.action))
        .map(({ actor }) => ({ kind: actor.kind, roles: actor.roles, name: actor.name }))
        .sort((a, b) => a.kind.localeCompare(b.kind));
    const expected = [
      { kind: 'customer_user', roles: [], name: 'Dr. Justus Jura' },
      { kind: 'invited_user', roles: [], name: expect.stringContaining('Jura') },
      { kind: 'operator', roles: ['support', 'auditor'], name: 'Sven Support' },
    ];
    expect(kinds((await owner.get(`/api/v1/accounts/${accountId}/audit`)).json().items)).toEqual(expected);
    expect(kinds((await admin.get(`/api/v1/operator/audit?accountId=${accountId}`)).json().items)).toEqual(
      expected,
    );
    // The roles as they were: a later change does not rewrite the entry.
    await admin.put(`/api/v1/operator/operators/${support.id}/roles`, { roles: ['billing'] });
    const after = kinds((await owner.get(`/api/v1/accounts/${accountId}/audit`)).json().items);
    expect(after.find((actor) => actor.kind === 'operator')?.roles).toEqual(['support', 'auditor']);
  });
});
