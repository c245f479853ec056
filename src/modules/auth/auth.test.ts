// S1–S3, S6, S7 and SECURITY.md tests 4, 5, 7, 10, 11, 12, 19 for customer users.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildTestApp, describeEachDatabase, type TestApp } from '../../../test/helpers/build-test-app.ts';
import {
  lastEmailTo,
  registeredOwner,
  signedInOwner,
  strongPassword,
  subjectsTo,
  TestClient,
} from '../../../test/helpers/test-client.ts';
import { days, minutes } from '../../shared/clock.ts';
import { generateCustomerNumber } from '../../shared/numbers.ts';

describeEachDatabase('customer sign-in', (dialect) => {
  let t: TestApp;
  let client: TestClient;
  beforeEach(async () => {
    t = await buildTestApp({ db: dialect });
    client = new TestClient(t.app, { language: 'en' });
  });
  afterEach(() => t.close());

  const signIn = (body: Record<string, unknown>, using = client) => using.post('/api/v1/auth/sign-in', body);

  it('signs in with e-mail or with customer number and user number, and says who and where', async () => {
    const owner = await registeredOwner(t.app);
    const byEmail = await signIn({ email: 'JUSTUS@jura.test', password: strongPassword });
    expect(byEmail.statusCode).toBe(200);
    expect(byEmail.json()).toMatchObject({
      user: { userNumber: owner.userNumber, firstName: 'Justus', email: 'justus@jura.test', locale: 'de' },
      account: {
        customerNumber: owner.customerNumber,
        name: 'Kanzlei Jura & Partner',
        role: 'owner',
        timeZone: 'Europe/Berlin',
      },
      memberships: [{ customerNumber: owner.customerNumber, role: 'owner' }],
    });
    const byNumbers = new TestClient(t.app);
    const typed = owner.customerNumber.replace('-', ' ');
    expect(
      (
        await signIn(
          { customerNumber: typed, userNumber: owner.userNumber, password: strongPassword },
          byNumbers,
        )
      ).statusCode,
    ).toBe(200);
    const session = await byNumbers.get('/api/v1/auth/session');
    expect(session.json().account.customerNumber).toBe(owner.customerNumber);
  });

  it('answers unknown users, wrong passwords and impossible customer numbers alike', async () => {
    const owner = await registeredOwner(t.app);
    const answers = await Promise.all([
      signIn({ email: 'justus@jura.test', password: 'wrong password, sorry' }),
      signIn({ email: 'nobody@jura.test', password: 'wrong password, sorry' }),
      signIn({ customerNumber: owner.customerNumber, userNumber: '0000000', password: strongPassword }),
      signIn({
        customerNumber: generateCustomerNumber(),
        userNumber: owner.userNumber,
        password: strongPassword,
      }),
    ]);
    for (const answer of answers) {
      expect(answer.statusCode).toBe(401);
      expect(answer.body).toBe(answers[0]?.body);
    }
    expect(answers[0]?.json().code).toBe('SIGN_IN_FAILED');
  });

  it('says when a customer number is mistyped (its check digit is public)', async () => {
    const owner = await registeredOwner(t.app);
    const digits = owner.customerNumber.replace('-', '');
    const typo = `${digits.slice(0, 2)}${digits[3]}${digits[2]}${digits.slice(4)}`; // two digits swapped
    const response = await signIn({
      customerNumber: typo,
      userNumber: owner.userNumber,
      password: strongPassword,
    });
    if (typo === digits) return; // the two swapped digits were equal
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'CUSTOMER_NUMBER_INVALID',
      details: [{ field: 'customerNumber', message: expect.stringContaining('typos') }],
    });
  });

  it('ends the session the browser had when someone signs in there', async () => {
    const owner = await signedInOwner(t.app);
    const before = owner.client.cookies.get('kontor_session') ?? '';
    await signIn({ email: owner.email, password: strongPassword }, owner.client);
    const replay = await t.app.inject({ url: '/api/v1/auth/session', cookies: { kontor_session: before } });
    expect(replay.statusCode).toBe(401);
  });

  it('stores my language, which then wins over the browser’s', async () => {
    const owner = await signedInOwner(t.app);
    const changed = await owner.client.request({
      method: 'PATCH',
      url: '/api/v1/me',
      payload: { locale: 'hu' },
    });
    expect(changed.json()).toMatchObject({ locale: 'hu', firstName: 'Justus' });
    const answer = await owner.client.get('/api/v1/accounts/unknown/users', { 'accept-language': 'en' });
    expect(answer.json().message).toBe('Nem található.');
    const refused = await owner.client.request({
      method: 'PATCH',
      url: '/api/v1/me',
      payload: { email: 'x@y.z', role: 'admin' },
    });
    expect(refused.statusCode).toBe(400);
  });

  it('requires e-mail, or customer number and user number', async () => {
    const response = await signIn({ customerNumber: '4839201-5', password: strongPassword });
    expect(response.statusCode).toBe(400);
    expect(response.json().details).toEqual([
      { field: 'userNumber', code: 'required', message: 'is required' },
    ]);
  });

  it('gives every sign-in a new session token and ends it at sign-out', async () => {
    const owner = await signedInOwner(t.app);
    const first = owner.client.cookies.get('kontor_session');
    await signIn({ email: owner.email, password: strongPassword }, owner.client);
    const second = owner.client.cookies.get('kontor_session');
    expect(second).not.toBe(first);
    expect((await owner.client.post('/api/v1/auth/sign-out')).statusCode).toBe(204);
    const replay = await t.app.inject({
      url: '/api/v1/auth/session',
      cookies: { kontor_session: second ?? '' },
    });
    expect(replay.statusCode).toBe(401);
  });

  it('ends a session after 30 idle minutes or 12 hours, and a stay-signed-in one after 30 days', async () => {
    const owner = await signedInOwner(t.app);
    const staying = new TestClient(t.app);
    const stay = await signIn({ email: owner.email, password: strongPassword, staySignedIn: true }, staying);
    const cookie = stay.cookies.find((candidate) => candidate.name === 'kontor_session');
    expect(cookie?.maxAge).toBe(days(30) / 1000);

    t.clock.advance(minutes(31));
    expect((await owner.client.get('/api/v1/auth/session')).statusCode).toBe(401);
    expect((await staying.get('/api/v1/auth/session')).statusCode).toBe(200);
    t.clock.advance(days(30));
    expect((await staying.get('/api/v1/auth/session')).statusCode).toBe(401);
  });

  it('lists my sessions, ends one, and signs out everywhere else', async () => {
    const owner = await signedInOwner(t.app);
    const laptop = new TestClient(t.app);
    const phone = new TestClient(t.app);
    await signIn({ email: owner.email, password: strongPassword }, laptop);
    await signIn({ email: owner.email, password: strongPassword, staySignedIn: true }, phone);

    const list = (await owner.client.get('/api/v1/auth/sessions')).json().items;
    expect(list).toHaveLength(3);
    expect(list.filter((session: { current: boolean }) => session.current)).toHaveLength(1);
    const phoneSession = list.find((session: { staySignedIn: boolean }) => session.staySignedIn);
    expect(
      (await owner.client.request({ method: 'DELETE', url: `/api/v1/auth/sessions/${phoneSession.id}` }))
        .statusCode,
    ).toBe(204);
    expect((await phone.get('/api/v1/auth/session')).statusCode).toBe(401);

    const revoked = await owner.client.post('/api/v1/auth/sessions/revoke-others');
    expect(revoked.json()).toEqual({ ended: 1 });
    expect((await laptop.get('/api/v1/auth/session')).statusCode).toBe(401);
    expect((await owner.client.get('/api/v1/auth/session')).statusCode).toBe(200);
  });

  it('never ends another user’s session', async () => {
    const owner = await signedInOwner(t.app);
    const other = await signedInOwner(t.app, {
      email: 'other@firma.test',
      companyName: 'Firma',
      username: 'other',
    });
    const otherSession = (await other.client.get('/api/v1/auth/sessions')).json().items[0].id;
    const attempt = await owner.client.request({
      method: 'DELETE',
      url: `/api/v1/auth/sessions/${otherSession}`,
    });
    expect(attempt.statusCode).toBe(404);
    expect((await other.client.get('/api/v1/auth/session')).statusCode).toBe(200);
  });

  it('resets a forgotten password with a 30-minute link and ends every session', async () => {
    const owner = await signedInOwner(t.app);
    t.clock.advance(1000);
    const unknown = await client.post('/api/v1/auth/password-reset', { email: 'nobody@jura.test' });
    const known = await client.post('/api/v1/auth/password-reset', { email: owner.email });
    expect(unknown.statusCode).toBe(202);
    expect(known.body).toBe(unknown.body);
    const first = (await lastEmailTo(t.app, owner.email, 'reset-password')).link('reset-password');
    t.clock.advance(1000);
    await client.post('/api/v1/auth/password-reset', { email: owner.email });
    const reset = await lastEmailTo(t.app, owner.email, 'reset-password');
    expect(reset.subject).toBe('Passwort zurücksetzen');
    const token = reset.link('reset-password');
    // A newer link replaces the older one.
    expect((await client.post('/api/v1/auth/password-reset/check', { token: first })).json().code).toBe(
      'LINK_USED',
    );

    const weak = await client.post('/api/v1/auth/password-reset/complete', {
      token,
      password: 'JustusJura123',
    });
    expect(weak.json()).toMatchObject({ code: 'PASSWORD_CONTAINS_PERSONAL_DATA' });
    const done = await client.post('/api/v1/auth/password-reset/complete', {
      token,
      password: 'a brand new passphrase 7',
    });
    expect(done.statusCode).toBe(204);
    expect((await owner.client.get('/api/v1/auth/session')).statusCode).toBe(401);
    expect((await signIn({ email: owner.email, password: strongPassword })).statusCode).toBe(401);
    expect((await signIn({ email: owner.email, password: 'a brand new passphrase 7' })).statusCode).toBe(200);
    expect(
      (
        await client.post('/api/v1/auth/password-reset/complete', {
          token,
          password: 'another new passphrase 8',
        })
      ).json().code,
    ).toBe('LINK_USED');
    expect(await subjectsTo(t.app, owner.email)).toContain('Ihr Passwort wurde geändert');
  });

  it('lets a reset link expire after 30 minutes', async () => {
    const owner = await registeredOwner(t.app);
    await client.post('/api/v1/auth/password-reset', { email: owner.email });
    const token = (await lastEmailTo(t.app, owner.email, 'reset-password')).link('reset-password');
    t.clock.advance(minutes(30));
    expect(
      (
        await client.post('/api/v1/auth/password-reset/complete', {
          token,
          password: 'a brand new passphrase 7',
        })
      ).json().code,
    ).toBe('LINK_EXPIRED');
  });

  it('changes my password only with the current one, and ends my other sessions', async () => {
    const owner = await signedInOwner(t.app);
    const elsewhere = new TestClient(t.app);
    await signIn({ email: owner.email, password: strongPassword }, elsewhere);

    const wrongCurrent = await owner.client.post(
      '/api/v1/me/password',
      {
        currentPassword: 'not my password',
        newPassword: 'a brand new passphrase 7',
      },
      { 'accept-language': 'hu' },
    );
    expect(wrongCurrent.statusCode).toBe(400);
    // Signed in, the user's own language (German) wins over the browser's.
    expect(wrongCurrent.json()).toMatchObject({
      code: 'CURRENT_PASSWORD_WRONG',
      details: [{ field: 'currentPassword', message: 'Das aktuelle Passwort ist falsch.' }],
    });
    const changed = await owner.client.post('/api/v1/me/password', {
      currentPassword: strongPassword,
      newPassword: 'a brand new passphrase 7',
    });
    expect(changed.statusCode).toBe(204);
    expect((await elsewhere.get('/api/v1/auth/session')).statusCode).toBe(401);
    expect((await owner.client.get('/api/v1/auth/session')).statusCode).toBe(200);
    const audit = await t.db
      .selectFrom('auditEvents')
      .select('action')
      .where('action', '=', 'user.password_changed')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('changes my e-mail only through a link to the new address, telling the old one', async () => {
    const owner = await signedInOwner(t.app);
    const change = (body: Record<string, unknown>) => owner.client.post('/api/v1/me/email', body);
    const wrong = await change({ currentPassword: 'not it at all', newEmail: 'neu@jura.test' });
    expect(wrong.json()).toMatchObject({
      code: 'CURRENT_PASSWORD_WRONG',
      details: [{ field: 'currentPassword' }],
    });
    await signedInOwner(t.app, { email: 'taken@firma.test', companyName: 'Firma', username: 'x' });
    const taken = await change({ currentPassword: strongPassword, newEmail: 'taken@firma.test' });
    expect(taken.json()).toMatchObject({ code: 'EMAIL_TAKEN', details: [{ field: 'newEmail' }] });

    t.clock.advance(1000);
    expect((await change({ currentPassword: strongPassword, newEmail: 'Neu@Jura.test' })).statusCode).toBe(
      202,
    );
    expect(await subjectsTo(t.app, owner.email)).toContain('Ihre E-Mail-Adresse soll geändert werden');
    const token = (await lastEmailTo(t.app, 'neu@jura.test', 'confirm-email-change')).link(
      'confirm-email-change',
    );
    // Nothing changes until the new address confirms.
    expect((await owner.client.get('/api/v1/auth/session')).json().user.email).toBe(owner.email);
    const confirmed = await client.post('/api/v1/auth/confirm-email-change', { token });
    expect(confirmed.json()).toEqual({ email: 'neu@jura.test' });
    expect((await owner.client.get('/api/v1/auth/session')).json().user.email).toBe('neu@jura.test');
    expect((await client.post('/api/v1/auth/confirm-email-change', { token })).json().code).toBe('LINK_USED');
    expect((await signIn({ email: 'neu@jura.test', password: strongPassword })).statusCode).toBe(200);
  });

  it('refuses a suspended account at sign-in and ends its sessions at once', async () => {
    const owner = await signedInOwner(t.app);
    await t.db.updateTable('accounts').set({ status: 'suspended' }).execute();
    expect((await owner.client.get('/api/v1/auth/session')).statusCode).toBe(401);
    const response = await signIn({ email: owner.email, password: strongPassword });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('ACCOUNT_SUSPENDED');
  });

  it('keeps operators and customer users apart', async () => {
    const owner = await signedInOwner(t.app);
    expect((await owner.client.get('/api/v1/operator/mailbox')).statusCode).toBe(401);
    expect((await owner.client.get('/api/v1/operator/session')).statusCode).toBe(401);
  });
});
