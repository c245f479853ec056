// S4, S5: activation links (48 hours, once), password + PIN + security question, signed in afterwards;
// what a used, expired or replaced link says; the activations list and re-sending for admins and operators.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, describeEachDatabase, type TestApp } from '../../../test/helpers/build-test-app.ts';
import {
  accountIdOf,
  lastEmailTo,
  signedInOperator,
  signedInOwner,
  signedInUser,
  strongPassword,
  TestClient,
} from '../../../test/helpers/test-client.ts';
import { normalizeAnswer } from '../../shared/caller-identification.ts';
import { hours, minutes } from '../../shared/clock.ts';
import { verifyPassword } from '../../shared/passwords.ts';

const order = {
  name: 'Kanzlei Adler',
  seatLimit: 3,
  locale: 'de',
  timezone: 'Europe/Berlin',
  mainUser: { firstName: 'Anna', lastName: 'Adler', email: 'anna@adler.test', salutation: 'ms' },
};
const choices = {
  password: strongPassword,
  pin: '470192',
  securityQuestion: 'firstPet',
  securityAnswer: '  Rex  der   Große ',
};

describeEachDatabase('activation', (dialect) => {
  let t: TestApp;
  let anonymous: TestClient;
  beforeEach(async () => {
    t = await buildTestApp({ db: dialect, env: { DEFAULT_SEAT_LIMIT: '3' } });
    anonymous = new TestClient(t.app);
  });
  afterEach(() => t.close());

  const check = (token: string | undefined, client = anonymous) =>
    client.post('/api/v1/activation/check', { token });
  const activate = (token: string | undefined, overrides: object = {}, client = anonymous) =>
    client.post('/api/v1/activation/complete', { token, ...choices, ...overrides });
  const activationToken = async (email: string) =>
    (await lastEmailTo(t.app, email, 'activate')).link('activate');
  const userByEmail = (email: string) =>
    t.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirstOrThrow();

  async function provisioned() {
    const { client: operator } = await signedInOperator(t.app);
    const account = (await operator.post('/api/v1/operator/accounts', order)).json();
    return { operator, account };
  }

  /** A registered owner (an admin) and a user created with "send activation e-mail". */
  async function ownerWithPendingUser(email = 'bernd@jura.test') {
    const owner = (await signedInOwner(t.app)).client;
    const accountId = await accountIdOf(owner);
    const created = await owner.post(`/api/v1/accounts/${accountId}/users`, {
      username: email.split('@')[0],
      firstName: 'Bernd',
      lastName: 'Berg',
      email,
      sendActivation: true,
    });
    return { owner, accountId, created };
  }

  it('activates a provisioned main user with password, PIN and security question, and signs them in', async () => {
    const { account } = await provisioned();
    expect((await userByEmail('anna@adler.test')).status).toBe('pending_activation');
    const mail = await lastEmailTo(t.app, 'anna@adler.test', 'activate');
    expect(mail.subject).toBe('Ihr Kundenkonto für Kanzlei Adler ist eingerichtet');
    expect(mail.textBody).toContain('48 Stunden');
    const token = mail.link('activate');

    const opened = await check(token);
    expect(opened.statusCode).toBe(200);
    expect(opened.json()).toMatchObject({
      state: 'valid',
      askWhom: 'provider',
      accountName: 'Kanzlei Adler',
      user: { firstName: 'Anna', lastName: 'Adler', email: 'anna@adler.test' },
    });

    const done = await activate(token);
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({
      user: { email: 'anna@adler.test' },
      account: { id: account.id, role: 'owner' },
    });
    const session = await anonymous.get('/api/v1/auth/session');
    expect(session.statusCode).toBe(200);
    expect(session.json().user.email).toBe('anna@adler.test');

    const user = await userByEmail('anna@adler.test');
    expect(user).toMatchObject({ status: 'active', securityQuestion: 'firstPet' });
    expect(user.emailConfirmedAt).not.toBeNull();
    // Hashed with argon2, the answer normalized first; nothing stored in clear.
    expect(user.pinHash).toMatch(/^\$argon2id\$/);
    expect(user.securityAnswerHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(user.pinHash ?? '', '470192')).toBe(true);
    expect(await verifyPassword(user.securityAnswerHash ?? '', normalizeAnswer('REX DER GROSSE'))).toBe(true);
    expect(JSON.stringify(user)).not.toContain('470192');

    // Signing in with the new password works too.
    const again = await new TestClient(t.app).post('/api/v1/auth/sign-in', {
      email: 'anna@adler.test',
      password: strongPassword,
    });
    expect(again.statusCode).toBe(200);
    const events = await t.db
      .selectFrom('auditEvents')
      .select('action')
      .where('accountId', '=', account.id)
      .execute();
    expect(events.map((event) => event.action)).toContain('user.activated');
  });

  it('works once: a second use, even with other choices, is refused and the page says it was accepted', async () => {
    await provisioned();
    const token = await activationToken('anna@adler.test');
    expect((await activate(token)).statusCode).toBe(200);
    const second = await activate(token, { pin: '583027' }, new TestClient(t.app));
    expect(second.statusCode).toBe(410);
    expect(second.json().code).toBe('LINK_USED');
    expect((await check(token)).json()).toMatchObject({ state: 'accepted', user: null });
    expect((await check('not-a-token')).statusCode).toBe(404);
  });

  it('checks PIN, answer and password on the server with the shared rules, each under its field', async () => {
    await provisioned();
    const token = await activationToken('anna@adler.test');
    const refused = await activate(token, {
      pin: '123456',
      securityAnswer: ' x ',
      password: 'Anna Adler 123',
    });
    expect(refused.statusCode).toBe(400);
    const fields = refused
      .json()
      .details.map((detail: { field: string; code: string }) => `${detail.field} ${detail.code}`);
    expect(fields).toEqual(expect.arrayContaining(['pin PIN_SEQUENCE', 'securityAnswer ANSWER_TOO_SHORT']));
    expect(fields.some((field: string) => field.startsWith('password PASSWORD_'))).toBe(true);
    for (const [pin, code] of [
      ['111111', 'PIN_REPEATED_DIGIT'],
      ['987654', 'PIN_SEQUENCE'],
      ['12345', 'PIN_FORMAT'],
      ['121212', 'PIN_TOO_FEW_DIGITS'],
    ]) {
      expect((await activate(token, { pin })).json().details).toEqual([
        expect.objectContaining({ field: 'pin', code }),
      ]);
    }
    const unknownQuestion = await activate(token, { securityQuestion: 'mothersMaidenName' });
    expect(unknownQuestion.statusCode).toBe(400);
    // Refusals do not use the link up.
    expect((await check(token)).json().state).toBe('valid');
    expect((await userByEmail('anna@adler.test')).status).toBe('pending_activation');
  });

  it('lets the link expire after 48 hours and then names the provider to ask for a main user', async () => {
    await provisioned();
    const token = await activationToken('anna@adler.test');
    t.clock.advance(hours(48) - 1);
    expect((await check(token)).json().state).toBe('valid');
    t.clock.advance(1);
    const expired = (await check(token)).json();
    expect(expired).toMatchObject({ state: 'expired', askWhom: 'provider', admins: [], user: null });
    const late = await activate(token);
    expect(late.statusCode).toBe(410);
    expect(late.json().code).toBe('LINK_EXPIRED');
  });

  it('names the account’s admins to ask when a normal user’s link has expired', async () => {
    const { created } = await ownerWithPendingUser();
    expect(created.statusCode).toBe(201);
    const token = await activationToken('bernd@jura.test');
    t.clock.advance(hours(49));
    expect((await check(token)).json()).toMatchObject({
      state: 'expired',
      askWhom: 'admins',
      accountName: 'Kanzlei Jura & Partner',
      admins: [{ firstName: 'Justus', lastName: 'Jura', email: 'justus@jura.test' }],
    });
  });

  it('creates a user with "send activation e-mail": pending, no credentials shown, activates and is signed in', async () => {
    const { owner, accountId, created } = await ownerWithPendingUser();
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body.credentials).toBeUndefined();
    expect(body.activation.sentTo).toBe('bernd@jura.test');
    expect(body.user.status).toBe('pending_activation');
    const mail = await lastEmailTo(t.app, 'bernd@jura.test', 'activate');
    expect(mail.subject).toBe('Aktivieren Sie Ihren Zugang zu Kanzlei Jura & Partner');
    expect(mail.textBody).not.toContain('reveal#token');

    const bernd = new TestClient(t.app);
    const done = await activate(mail.link('activate'), {}, bernd);
    expect(done.statusCode).toBe(200);
    expect(done.json().account).toMatchObject({ id: accountId, role: 'member' });
    expect((await bernd.get('/api/v1/auth/session')).json().user.email).toBe('bernd@jura.test');

    // Without an address there is nothing to send; the default still shows the credentials once.
    const noAddress = await owner.post(`/api/v1/accounts/${accountId}/users`, {
      username: 'azubi',
      firstName: 'Azubi',
      lastName: 'Neu',
      sendActivation: true,
    });
    expect(noAddress.statusCode).toBe(400);
    expect(noAddress.json().details).toEqual([
      expect.objectContaining({ field: 'email', code: 'ACTIVATION_EMAIL_REQUIRED' }),
    ]);
    const classic = await owner.post(`/api/v1/accounts/${accountId}/users`, {
      username: 'azubi',
      firstName: 'Azubi',
      lastName: 'Neu',
    });
    expect(classic.json().credentials.accessKey).toMatch(/^[\w-]{43}$/);
    expect(classic.json().user.status).toBe('active');
  });

  it('re-sending revokes the old link, which then says it was replaced; not twice within two minutes', async () => {
    const { owner, accountId, created } = await ownerWithPendingUser();
    const userId = created.json().user.id;
    const first = await activationToken('bernd@jura.test');
    const resend = `/api/v1/accounts/${accountId}/users/${userId}/activation`;
    const tooSoon = await owner.post(resend);
    expect(tooSoon.statusCode).toBe(429);
    t.clock.advance(minutes(2));
    const again = await owner.post(resend);
    expect(again.statusCode).toBe(202);
    expect(again.json().sentTo).toBe('bernd@jura.test');
    const second = await activationToken('bernd@jura.test');
    expect(second).not.toBe(first);

    expect((await check(first)).json()).toMatchObject({ state: 'revoked', askWhom: 'admins' });
    const old = await activate(first);
    expect(old.statusCode).toBe(410);
    expect(old.json().code).toBe('LINK_REVOKED');
    expect((await activate(second)).statusCode).toBe(200);
    // Activated: nothing to send any more.
    t.clock.advance(minutes(2));
    expect((await owner.post(resend)).json().code).toBe('ACTIVATION_NOT_PENDING');
  });

  it('reassigning a user withdraws its activation link and forgets the old person’s PIN and answer', async () => {
    const { owner, accountId, created } = await ownerWithPendingUser();
    const userId = created.json().user.id;
    const token = await activationToken('bernd@jura.test');
    const newPerson = { username: 'carla', firstName: 'Carla', lastName: 'Neu', email: 'carla@jura.test' };
    const reassigned = await owner.post(`/api/v1/accounts/${accountId}/users/${userId}/reassign`, newPerson);
    expect(reassigned.statusCode).toBe(200);
    expect(reassigned.json().user.status).toBe('active');
    expect((await check(token)).json().state).toBe('revoked');

    // An activated user given to someone else keeps none of the old PIN and answer.
    const dora = await owner.post(`/api/v1/accounts/${accountId}/users`, {
      username: 'dora',
      firstName: 'Dora',
      lastName: 'Alt',
      email: 'dora@jura.test',
      sendActivation: true,
    });
    await activate(await activationToken('dora@jura.test'), {}, new TestClient(t.app));
    expect((await userByEmail('dora@jura.test')).pinHash).not.toBeNull();
    await owner.post(`/api/v1/accounts/${accountId}/users/${dora.json().user.id}/reassign`, {
      ...newPerson,
      username: 'erik',
      email: 'erik@jura.test',
    });
    const erik = await userByEmail('erik@jura.test');
    expect([erik.pinHash, erik.securityQuestion, erik.securityAnswerHash]).toEqual([null, null, null]);
  });

  it('lets exactly one of two simultaneous activations with the same link through', async () => {
    await provisioned();
    const token = await activationToken('anna@adler.test');
    const answers = await Promise.all([
      activate(token, {}, new TestClient(t.app)),
      activate(token, { pin: '583027' }, new TestClient(t.app)),
    ]);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 410]);
  });

  it('refuses to activate in a suspended account, and binds the link to the address it went to', async () => {
    const { operator, account } = await provisioned();
    const token = await activationToken('anna@adler.test');
    await operator.post(`/api/v1/operator/accounts/${account.id}/suspend`);
    const suspended = await activate(token);
    expect([suspended.statusCode, suspended.json().code]).toEqual([403, 'ACTIVATION_ACCOUNT_SUSPENDED']);
    expect((await userByEmail('anna@adler.test')).status).toBe('pending_activation');

    // An admin correcting a pending user's address withdraws the link sent to the old one.
    const { owner, accountId, created } = await ownerWithPendingUser();
    const sent = await activationToken('bernd@jura.test');
    const corrected = await owner.request({
      method: 'PATCH',
      url: `/api/v1/accounts/${accountId}/users/${created.json().user.id}`,
      payload: { email: 'bernd.berg@jura.test' },
    });
    expect(corrected.statusCode).toBe(200);
    expect((await check(sent)).json().state).toBe('revoked');
    t.clock.advance(minutes(2));
    const resent = await owner.post(
      `/api/v1/accounts/${accountId}/users/${created.json().user.id}/activation`,
    );
    expect(resent.json().sentTo).toBe('bernd.berg@jura.test');
    expect((await activate(await activationToken('bernd.berg@jura.test'))).statusCode).toBe(200);
  });

  it('lists every activation with its state: sent, opened, expired, accepted, revoked', async () => {
    const { owner, accountId } = await ownerWithPendingUser('sent@jura.test');
    const create = (email: string) =>
      owner.post(`/api/v1/accounts/${accountId}/users`, {
        username: email.split('@')[0],
        firstName: email.split('@')[0],
        lastName: 'Test',
        email,
        sendActivation: true,
      });
    // Seat limit 3 (owner + 2): raise it through the operator for five pending users.
    const { client: operator } = await signedInOperator(t.app);
    await operator.request({
      method: 'PATCH',
      url: `/api/v1/operator/accounts/${accountId}`,
      payload: { seatLimit: 10 },
    });
    const revokedId = (await create('revoked@jura.test')).json().user.id;
    const revokedToken = await activationToken('revoked@jura.test');
    await create('opened@jura.test');
    await check(await activationToken('opened@jura.test'));
    await create('accepted@jura.test');
    await activate(await activationToken('accepted@jura.test'), {}, new TestClient(t.app));
    t.clock.advance(minutes(2));
    await owner.post(`/api/v1/accounts/${accountId}/users/${revokedId}/activation`);
    expect((await check(revokedToken)).json().state).toBe('revoked');

    const states = async (client: TestClient, path: string) => {
      const response = await client.get(path);
      expect(response.statusCode).toBe(200);
      return Object.fromEntries(
        response
          .json()
          .items.map((item: { user: { email: string }; state: string; canResend: boolean }) => [
            `${item.user.email} ${item.state}`,
            item.canResend,
          ]),
      );
    };
    expect(await states(owner, `/api/v1/accounts/${accountId}/activations`)).toEqual({
      'sent@jura.test sent': true,
      'revoked@jura.test revoked': false,
      'revoked@jura.test sent': true,
      'opened@jura.test opened': true,
      'accepted@jura.test accepted': false,
    });
    const openedItem = (await owner.get(`/api/v1/accounts/${accountId}/activations`))
      .json()
      .items.find((item: { user: { email: string } }) => item.user.email === 'opened@jura.test');
    expect(openedItem.openedAt).not.toBeNull();
    t.clock.advance(hours(48));
    // Sessions have ended meanwhile: the operator signs in again.
    await operator.post('/api/v1/operator/sign-in', {
      email: 'operator@kontor.test',
      password: strongPassword,
    });
    expect(await states(operator, `/api/v1/operator/accounts/${accountId}/activations`)).toEqual({
      'sent@jura.test expired': true,
      'revoked@jura.test revoked': false,
      'revoked@jura.test expired': true,
      'opened@jura.test expired': true,
      'accepted@jura.test accepted': false,
    });
  });

  it('counts pending users against the seat limit; deleting one frees its seat', async () => {
    // Seat limit 3: the owner and two pending users.
    const { owner, accountId } = await ownerWithPendingUser('one@jura.test');
    const create = (email: string) =>
      owner.post(`/api/v1/accounts/${accountId}/users`, {
        username: email,
        firstName: 'Pia',
        lastName: 'Pending',
        email,
        sendActivation: true,
      });
    const second = await create('two@jura.test');
    expect(second.statusCode).toBe(201);
    const full = await create('three@jura.test');
    expect(full.statusCode).toBe(409);
    expect(full.json().code).toBe('SEAT_LIMIT_REACHED');
    expect((await owner.get(`/api/v1/accounts/${accountId}/users`)).json().seats).toEqual({
      used: 3,
      limit: 3,
    });

    const token = await activationToken('two@jura.test');
    const removed = await owner.request({
      method: 'DELETE',
      url: `/api/v1/accounts/${accountId}/users/${second.json().user.id}`,
    });
    expect(removed.statusCode).toBe(204);
    expect((await owner.get(`/api/v1/accounts/${accountId}/users`)).json().seats.used).toBe(2);
    // The deleted user's link is gone with them.
    expect((await check(token)).statusCode).toBe(404);
    expect((await create('three@jura.test')).statusCode).toBe(201);
  });

  it('lets an operator re-send any pending user’s activation, and the main user’s through the old path', async () => {
    const { operator, account } = await provisioned();
    const first = await activationToken('anna@adler.test');
    t.clock.advance(minutes(2));
    const legacy = await operator.post(`/api/v1/operator/accounts/${account.id}/resend-main-user-link`);
    expect(legacy.statusCode).toBe(200);
    const second = await activationToken('anna@adler.test');
    expect((await check(first)).json()).toMatchObject({ state: 'revoked', askWhom: 'provider' });
    const mainUserId = (await userByEmail('anna@adler.test')).id;
    t.clock.advance(minutes(2));
    const resent = await operator.post(
      `/api/v1/operator/accounts/${account.id}/users/${mainUserId}/activation`,
    );
    expect(resent.statusCode).toBe(202);
    expect((await check(second)).json().state).toBe('revoked');
    expect((await operator.get('/api/v1/operator/accounts/no-such-account/activations')).statusCode).toBe(
      404,
    );
  });

  describe('permissions', () => {
    it('refuses a plain member (403), another account’s admin (404) and anybody signed out (401)', async () => {
      const { owner, accountId, created } = await ownerWithPendingUser();
      const userId = created.json().user.id;
      const list = `/api/v1/accounts/${accountId}/activations`;
      const resend = `/api/v1/accounts/${accountId}/users/${userId}/activation`;
      t.clock.advance(minutes(2));

      const member = (
        await signedInUser(t.app, owner, accountId, { username: 'mia', email: 'mia@jura.test' })
      ).client;
      expect((await member.get(list)).statusCode).toBe(403);
      expect((await member.post(resend)).statusCode).toBe(403);

      const stranger = (await signedInOwner(t.app, { email: 'eve@other.test', companyName: 'Other' })).client;
      expect((await stranger.get(list)).statusCode).toBe(404);
      expect((await stranger.post(resend)).statusCode).toBe(404);
      // Not even through the stranger's own account path.
      const strangerAccount = await accountIdOf(stranger);
      expect(
        (await stranger.post(`/api/v1/accounts/${strangerAccount}/users/${userId}/activation`)).statusCode,
      ).toBe(404);

      expect((await anonymous.get(list)).statusCode).toBe(401);
      expect((await anonymous.get(`/api/v1/operator/accounts/${accountId}/activations`)).statusCode).toBe(
        401,
      );
      expect((await owner.get(`/api/v1/operator/accounts/${accountId}/activations`)).statusCode).toBe(401);
      expect((await owner.get(list)).statusCode).toBe(200);
    });
  });
});
