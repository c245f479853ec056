// M1, M4, S5 and SECURITY.md 17, 18: invitations by e-mail into an account, accepted by the person the
// address belongs to, once; bound to their account and address; never a seat.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildTestApp, describeEachDatabase, type TestApp } from '../../../test/helpers/build-test-app.ts';
import {
  accountIdOf,
  lastEmailTo,
  signedInOwner,
  signedInUser,
  strongPassword,
  TestClient,
} from '../../../test/helpers/test-client.ts';
import { hours } from '../../shared/clock.ts';

describeEachDatabase('invitations', (dialect) => {
  let t: TestApp;
  let owner: TestClient;
  let accountId: string;
  let invitations: string;
  let eva: TestClient; // owner of another account, invited into this one
  beforeEach(async () => {
    t = await buildTestApp({ db: dialect });
    owner = (await signedInOwner(t.app)).client;
    accountId = await accountIdOf(owner);
    invitations = `/api/v1/accounts/${accountId}/invitations`;
    eva = (await signedInOwner(t.app, { email: 'eva@steuer.test', companyName: 'Steuerbüro Eva' })).client;
  });
  afterEach(() => t.close());

  const invite = (email: string, permissions: string[], client = owner) =>
    client.post(invitations, { email, permissions });
  const tokenFor = async (email: string) =>
    (await lastEmailTo(t.app, email, 'invitation')).link('invitation') ?? '';
  const check = (token: string) => new TestClient(t.app).post('/api/v1/invitations/check', { token });
  const seatsUsed = async () =>
    (
      await t.db
        .selectFrom('accounts')
        .select('seatsUsed')
        .where('id', '=', accountId)
        .executeTakeFirstOrThrow()
    ).seatsUsed;

  it('an invited person with a login accepts, acts in the account with exactly the permissions given, and takes no seat', async () => {
    const seats = await seatsUsed();
    const sent = await invite('Eva@Steuer.test', ['audit.read', 'invoices.view']);
    expect(sent.statusCode).toBe(201);
    expect(sent.json()).toMatchObject({ email: 'eva@steuer.test', state: 'sent' });
    const email = await lastEmailTo(t.app, 'eva@steuer.test', 'invitation');
    expect(email.subject).toContain('Kanzlei Jura & Partner');
    expect(email.textBody).toContain('Änderungsprotokoll lesen, Rechnungen einsehen');

    const token = await tokenFor('eva@steuer.test');
    const preview = await check(token);
    expect(preview.json()).toMatchObject({ companyName: 'Kanzlei Jura & Partner', hasIdentity: true });
    expect((await owner.get(invitations)).json().items[0].state).toBe('opened');

    const accepted = await eva.post('/api/v1/invitations/accept', { token });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().account).toMatchObject({
      id: accountId,
      role: 'member',
      permissions: ['audit.read', 'invoices.view'],
    });
    expect(accepted.json().memberships).toHaveLength(2);
    expect(await seatsUsed()).toBe(seats);
    expect((await owner.get(invitations)).json().items[0].state).toBe('accepted');

    expect((await eva.get(`/api/v1/accounts/${accountId}/audit`)).statusCode).toBe(200);
    const create = await eva.post(`/api/v1/accounts/${accountId}/users`, {
      username: 'x',
      firstName: 'X',
      lastName: 'Y',
    });
    expect(create.statusCode).toBe(403);
    const guests = (await owner.get(`/api/v1/accounts/${accountId}/guests`)).json().items;
    expect(guests).toEqual([
      expect.objectContaining({
        email: 'eva@steuer.test',
        homeAccountName: 'Steuerbüro Eva',
        permissions: ['audit.read', 'invoices.view'],
      }),
    ]);
    // The link is used up.
    expect((await check(token)).json().code).toBe('INVITATION_ACCEPTED');
  });

  it('is bound to its address: a signed-in person with another one is refused and nothing changes', async () => {
    await invite('eva@steuer.test', ['audit.read']);
    const token = await tokenFor('eva@steuer.test');
    const zoe = (await signedInOwner(t.app, { email: 'zoe@dritte.test', companyName: 'Dritte' })).client;
    const refused = await zoe.post('/api/v1/invitations/accept', { token });
    expect([refused.statusCode, refused.json().code]).toEqual([403, 'INVITATION_OTHER_EMAIL']);
    expect((await owner.get(`/api/v1/accounts/${accountId}/guests`)).json().items).toEqual([]);
    expect((await eva.post('/api/v1/invitations/accept', { token })).statusCode).toBe(200);
  });

  it('two concurrent acceptances of one invitation: exactly one succeeds', async () => {
    await invite('eva@steuer.test', ['audit.read']);
    const token = await tokenFor('eva@steuer.test');
    const second = new TestClient(t.app);
    await second.post('/api/v1/auth/sign-in', { email: 'eva@steuer.test', password: strongPassword });
    const results = await Promise.all([
      eva.post('/api/v1/invitations/accept', { token }),
      second.post('/api/v1/invitations/accept', { token }),
    ]);
    // The one too late is told the link is used, or (having waited for the winner's commit) that the
    // person already belongs to the account.
    const [won, lost] = results.map((result) => result.statusCode).sort();
    expect(won).toBe(200);
    expect([409, 410]).toContain(lost);
    const memberships = await t.db
      .selectFrom('memberships')
      .select('userId')
      .where('accountId', '=', accountId)
      .execute();
    expect(memberships).toHaveLength(2); // the owner and Eva, once
  });

  it('expires after 48 hours and says whom to ask; sent again, the old link says it was replaced', async () => {
    const sent = (await invite('eva@steuer.test', ['audit.read'])).json();
    const first = await tokenFor('eva@steuer.test');
    t.clock.advance(hours(48) + 1000);
    const expired = await check(first);
    expect([expired.statusCode, expired.json().code]).toEqual([410, 'INVITATION_EXPIRED']);
    expect(expired.json().message).toContain('Justus');
    // Two days on, the owner's session has long ended too.
    await owner.post('/api/v1/auth/sign-in', { email: 'justus@jura.test', password: strongPassword });
    expect((await owner.get(invitations)).json().items[0].state).toBe('expired');

    expect((await owner.post(`${invitations}/${sent.id}/resend`)).statusCode).toBe(201);
    const second = await tokenFor('eva@steuer.test');
    expect(second).not.toBe(first);
    expect((await check(first)).json().code).toBe('INVITATION_REVOKED');
    expect((await check(second)).statusCode).toBe(200);
    expect((await owner.get(invitations)).json().items.map((item: { state: string }) => item.state)).toEqual([
      'opened',
      'revoked',
    ]);
  });

  it('one open invitation per address; a withdrawn one cannot be accepted', async () => {
    const sent = (await invite('eva@steuer.test', [])).json();
    const again = await invite('eva@steuer.test', ['audit.read']);
    expect([again.statusCode, again.json().code]).toEqual([409, 'INVITATION_PENDING']);
    const token = await tokenFor('eva@steuer.test');
    expect((await owner.request({ method: 'DELETE', url: `${invitations}/${sent.id}` })).statusCode).toBe(
      204,
    );
    expect((await eva.post('/api/v1/invitations/accept', { token })).json().code).toBe('INVITATION_REVOKED');
    expect((await invite('eva@steuer.test', ['audit.read'])).statusCode).toBe(201);
  });

  it('refuses own members, unknown permissions and permissions the inviter does not hold', async () => {
    const mia = await signedInUser(t.app, owner, accountId, { username: 'mia', email: 'mia@jura.test' });
    expect((await invite('mia@jura.test', [])).json().code).toBe('ALREADY_MEMBER');
    const unknown = await invite('eva@steuer.test', ['everything']);
    expect([unknown.statusCode, unknown.json().code]).toEqual([400, 'PERMISSION_UNKNOWN']);
    expect(unknown.json().message).toContain('everything');

    await owner.request({
      method: 'PUT',
      url: `/api/v1/accounts/${accountId}/users/${mia.user.id}/permissions`,
      payload: { permissions: ['users.manage'] },
    });
    const raise = await invite('eva@steuer.test', ['invoices.pay'], mia.client);
    expect([raise.statusCode, raise.json().code]).toEqual([403, 'PERMISSION_NOT_HELD']);
    expect((await invite('eva@steuer.test', ['users.manage'], mia.client)).statusCode).toBe(201);
  });

  it('the owner removes an invited person: their session in the account ends at once, their own login stays', async () => {
    await invite('eva@steuer.test', ['audit.read']);
    await eva.post('/api/v1/invitations/accept', { token: await tokenFor('eva@steuer.test') });
    const evaId = (await eva.get('/api/v1/auth/session')).json().user.id;
    const guests = `/api/v1/accounts/${accountId}/guests`;
    expect((await owner.request({ method: 'DELETE', url: `${guests}/${evaId}` })).statusCode).toBe(204);
    expect((await eva.get(`/api/v1/accounts/${accountId}/audit`)).statusCode).toBe(401);
    const again = new TestClient(t.app);
    const signIn = await again.post('/api/v1/auth/sign-in', {
      email: 'eva@steuer.test',
      password: strongPassword,
    });
    expect(signIn.json().memberships).toHaveLength(1);
    // An own user is not removed this way.
    const ownerId = (await owner.get('/api/v1/auth/session')).json().user.id;
    expect((await owner.request({ method: 'DELETE', url: `${guests}/${ownerId}` })).statusCode).toBe(404);
  });

  it("another account's admin gets 404, a member without 'manage users' 403", async () => {
    expect((await eva.get(invitations)).statusCode).toBe(404);
    expect((await invite('x@y.test', [], eva)).statusCode).toBe(404);
    const mia = await signedInUser(t.app, owner, accountId, { username: 'mia', email: 'mia@jura.test' });
    expect((await mia.client.get(invitations)).statusCode).toBe(403);
    expect((await invite('x@y.test', [], mia.client)).statusCode).toBe(403);
  });
});
