// M1: someone invited without a Kontor login creates a personal identity: a login of no account, signed in
// by e-mail, a member only where invited, never a seat; and what happens when every invitation is gone.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildTestApp, describeEachDatabase, type TestApp } from '../../../test/helpers/build-test-app.ts';
import {
  accountIdOf,
  lastEmailTo,
  registeredOwner,
  strongPassword,
  TestClient,
} from '../../../test/helpers/test-client.ts';

describeEachDatabase('personal identities from invitations', (dialect) => {
  let t: TestApp;
  let owner: Awaited<ReturnType<typeof registeredOwner>>;
  let accountId: string;
  const lena = { firstName: 'Lena', lastName: 'Kovács', password: strongPassword };
  beforeEach(async () => {
    t = await buildTestApp({ db: dialect });
    owner = await registeredOwner(t.app);
    await owner.client.post('/api/v1/auth/sign-in', { email: owner.email, password: owner.password });
    accountId = await accountIdOf(owner.client);
  });
  afterEach(() => t.close());

  const invite = async (email: string, permissions: string[], client = owner.client, account = accountId) => {
    t.clock.advance(1000); // the newest e-mail to the address is this one's
    const sent = await client.post(`/api/v1/accounts/${account}/invitations`, { email, permissions });
    expect(sent.statusCode, sent.body).toBe(201);
    return (await lastEmailTo(t.app, email, 'invitation')).link('invitation') ?? '';
  };
  const register = (token: string, body: object = lena, client = new TestClient(t.app, { language: 'en' })) =>
    client.post('/api/v1/invitations/register', { token, ...body });
  // As the account's admins see them on the users page.
  const seatsUsed = async () =>
    (await owner.client.get(`/api/v1/accounts/${accountId}/users`)).json().seats.used as number;
  const usersWith = (email: string) =>
    t.db.selectFrom('users').select(['id', 'homeAccountId']).where('email', '=', email).execute();

  it('is created from the link with a name and a password, acts in the account, takes no seat and signs in by e-mail', async () => {
    const seats = await seatsUsed();
    const token = await invite('lena@extern.test', ['audit.read']);
    expect(
      (await new TestClient(t.app).post('/api/v1/invitations/check', { token })).json().hasIdentity,
    ).toBe(false);
    const client = new TestClient(t.app);
    const joined = await register(token, { ...lena, salutation: 'ms', locale: 'hu' }, client);
    expect(joined.statusCode, joined.body).toBe(200);
    expect(joined.json()).toMatchObject({
      user: { firstName: 'Lena', email: 'lena@extern.test', locale: 'hu', homeCustomerNumber: null },
      account: { id: accountId, role: 'member', permissions: ['audit.read'] },
    });
    expect((await client.get(`/api/v1/accounts/${accountId}/audit`)).statusCode).toBe(200);
    expect(await seatsUsed()).toBe(seats);
    expect(await usersWith('lena@extern.test')).toEqual([expect.objectContaining({ homeAccountId: null })]);

    const profile = await client.request({ method: 'PATCH', url: '/api/v1/me', payload: { title: 'Dr.' } });
    expect([profile.statusCode, profile.json().title]).toEqual([200, 'Dr.']);
    const guests = (await owner.client.get(`/api/v1/accounts/${accountId}/guests`)).json().items;
    expect(guests).toEqual([
      expect.objectContaining({ email: 'lena@extern.test', title: 'Dr.', homeAccountName: null }),
    ]);
    const actions = (await owner.client.get(`/api/v1/accounts/${accountId}/audit`))
      .json()
      .items.map((event: { action: string }) => event.action);
    expect(actions).toEqual(expect.arrayContaining(['identity.created', 'invitation.accepted']));

    const again = new TestClient(t.app);
    const signIn = await again.post('/api/v1/auth/sign-in', {
      email: 'LENA@extern.test',
      password: strongPassword,
    });
    expect([signIn.statusCode, signIn.json().account.id]).toEqual([200, accountId]);
    // A personal login has no numbers of its own to sign in with.
    const byNumbers = await again.post('/api/v1/auth/sign-in', {
      customerNumber: owner.customerNumber,
      userNumber: joined.json().user.userNumber,
      password: strongPassword,
    });
    expect([byNumbers.statusCode, byNumbers.json().code]).toEqual([401, 'SIGN_IN_FAILED']);
    expect((await register(token)).json().code).toBe('INVITATION_ACCEPTED');
  });

  it('accepts a second invitation with the same login and switches between the two accounts', async () => {
    await register(await invite('lena@extern.test', ['audit.read']));
    const eva = await registeredOwner(t.app, { email: 'eva@steuer.test', companyName: 'Steuerbüro Eva' });
    await eva.client.post('/api/v1/auth/sign-in', { email: eva.email, password: eva.password });
    const evaAccount = await accountIdOf(eva.client);
    const second = await invite('lena@extern.test', [], eva.client, evaAccount);

    const client = new TestClient(t.app);
    await client.post('/api/v1/auth/sign-in', { email: 'lena@extern.test', password: strongPassword });
    const accepted = await client.post('/api/v1/invitations/accept', { token: second });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(
      accepted
        .json()
        .memberships.map((m: { accountId: string }) => m.accountId)
        .sort(),
    ).toEqual([accountId, evaAccount].sort());
    const back = await client.request({
      method: 'PUT',
      url: '/api/v1/auth/session/account',
      payload: { accountId },
    });
    expect([back.statusCode, back.json().account.id]).toEqual([200, accountId]);
  });

  it('refuses a weak password and missing names with reasons per field, and creates nothing', async () => {
    const token = await invite('lena@extern.test', []);
    const weak = await register(token, { ...lena, password: 'Kovács Lena 2026!' });
    expect([weak.statusCode, weak.json().code]).toEqual([400, 'PASSWORD_CONTAINS_PERSONAL_DATA']);
    expect(weak.json().details).toEqual([expect.objectContaining({ field: 'password' })]);
    const nameless = await register(token, { ...lena, firstName: '' });
    expect(nameless.statusCode).toBe(400);
    expect(nameless.json().details).toEqual([expect.objectContaining({ field: 'firstName' })]);
    expect(await usersWith('lena@extern.test')).toEqual([]);
    expect((await register(token)).statusCode).toBe(200);
  });

  it('is refused for an address that already has a login: that person signs in and accepts', async () => {
    await registeredOwner(t.app, { email: 'eva@steuer.test', companyName: 'Steuerbüro Eva' });
    const token = await invite('eva@steuer.test', []);
    const refused = await register(token);
    expect([refused.statusCode, refused.json().code]).toEqual([409, 'IDENTITY_EXISTS']);
    expect(refused.json().message).toContain('Sign in');
    expect(await usersWith('eva@steuer.test')).toHaveLength(1);
  });

  it('two registrations with one link at the same moment: one identity, one membership', async () => {
    const token = await invite('lena@extern.test', ['audit.read']);
    const results = await Promise.all([register(token), register(token)]);
    const [won, lost] = results.map((result) => result.statusCode).sort();
    expect(won).toBe(200);
    expect([409, 410]).toContain(lost);
    expect(await usersWith('lena@extern.test')).toHaveLength(1);
    const members = await t.db
      .selectFrom('memberships')
      .select('userId')
      .where('accountId', '=', accountId)
      .execute();
    expect(members).toHaveLength(2);
  });

  it('removed from its only account, the login stays but signing in says there is nowhere to act', async () => {
    const joined = await register(await invite('lena@extern.test', []));
    const lenaId = joined.json().user.id;
    const removed = await owner.client.request({
      method: 'DELETE',
      url: `/api/v1/accounts/${accountId}/guests/${lenaId}`,
    });
    expect(removed.statusCode).toBe(204);
    const signIn = await new TestClient(t.app, { language: 'de' }).post('/api/v1/auth/sign-in', {
      email: 'lena@extern.test',
      password: strongPassword,
    });
    expect([signIn.statusCode, signIn.json().code]).toEqual([403, 'NO_MEMBERSHIP']);
    expect(signIn.json().message).toContain('Einladung');
    // Invited again, the same login accepts.
    const token = await invite('lena@extern.test', []);
    expect(
      (await new TestClient(t.app).post('/api/v1/invitations/check', { token })).json().hasIdentity,
    ).toBe(true);
  });
});
