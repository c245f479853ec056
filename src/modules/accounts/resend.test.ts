// Issue 6.6 "no way to re-send": the welcome from the sign-in and check-e-mail pages, the main user's
// activation link by an operator, and an operator's own forgotten password; rate-limited, the same answer for any address.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildTestApp, describeEachDatabase, type TestApp } from '../../../test/helpers/build-test-app.ts';
import {
  companyOwner,
  lastEmailTo,
  signedInOperator,
  strongPassword,
  subjectsTo,
  TestClient,
} from '../../../test/helpers/test-client.ts';
import { minutes } from '../../shared/clock.ts';

const welcomeSubject = 'Willkommen: Bitte bestätigen Sie Ihre E-Mail-Adresse';

describeEachDatabase('sending links again', (dialect) => {
  let t: TestApp;
  let anonymous: TestClient;
  beforeEach(async () => {
    t = await buildTestApp({ db: dialect });
    anonymous = new TestClient(t.app);
  });
  afterEach(() => t.close());

  const resend = (body: object) => anonymous.post('/api/v1/auth/resend-confirmation', body);

  it('no way to re-send: an unconfirmed owner gets the welcome again, by e-mail or by numbers', async () => {
    await anonymous.post('/api/v1/auth/register', companyOwner);
    const first = await lastEmailTo(t.app, companyOwner.email, 'confirm-email');
    const answers = [await resend({ email: 'JUSTUS@jura.test' })];
    expect(await subjectsTo(t.app, companyOwner.email)).toEqual([welcomeSubject]); // within two minutes: no second
    t.clock.advance(minutes(2));
    answers.push(await resend({ email: companyOwner.email }));
    expect(await subjectsTo(t.app, companyOwner.email)).toEqual([welcomeSubject, welcomeSubject]);
    t.clock.advance(minutes(2));
    answers.push(
      await resend({ customerNumber: first.customerNumber ?? '', userNumber: first.userNumber ?? '' }),
      await resend({ email: 'nobody@jura.test' }),
      await resend({ customerNumber: '1234567-0', userNumber: '7654321' }),
    );
    expect(await subjectsTo(t.app, companyOwner.email)).toHaveLength(3);
    expect(await subjectsTo(t.app, 'nobody@jura.test')).toEqual([]);
    // Whatever the identifier, the same answer.
    expect(new Set(answers.map((answer) => `${answer.statusCode} ${answer.body}`))).toEqual(
      new Set(['202 {"status":"accepted"}']),
    );
    // The newest welcome works; the first one's links were replaced.
    const newest = await lastEmailTo(t.app, companyOwner.email, 'confirm-email');
    t.clock.advance(1);
    expect(
      (await anonymous.post('/api/v1/auth/confirm-email', { token: first.link('confirm-email') })).json()
        .code,
    ).toBe('LINK_USED');
    expect(
      (await anonymous.post('/api/v1/auth/confirm-email', { token: newest.link('confirm-email') }))
        .statusCode,
    ).toBe(200);
    // Confirmed: nothing more is sent.
    t.clock.advance(minutes(2));
    expect((await resend({ email: companyOwner.email })).statusCode).toBe(202);
    expect(await subjectsTo(t.app, companyOwner.email)).toHaveLength(3);
  });

  it('lets an operator send a provisioned main user’s link again, until the main user has come in', async () => {
    const { client: operator } = await signedInOperator(t.app);
    const account = (
      await operator.post('/api/v1/operator/accounts', {
        name: 'Kanzlei Adler',
        seatLimit: 3,
        locale: 'de',
        timezone: 'Europe/Berlin',
        mainUser: { firstName: 'Anna', lastName: 'Adler', email: 'anna@adler.test', salutation: 'ms' },
      })
    ).json();
    expect(account.owner.pendingActivation).toBe(true);
    const first = (await lastEmailTo(t.app, 'anna@adler.test', 'activate')).link('activate');
    const path = `/api/v1/operator/accounts/${account.id}/resend-main-user-link`;
    expect((await anonymous.post(path)).statusCode).toBe(401);
    t.clock.advance(minutes(2));
    const sent = await operator.post(path);
    expect(sent.json()).toEqual({ sentTo: 'anna@adler.test' });
    const again = await operator.post(path);
    expect([again.statusCode, again.json().code, again.headers['retry-after']]).toEqual([
      429,
      'LINK_RECENTLY_SENT',
      '120',
    ]);
    const mail = await lastEmailTo(t.app, 'anna@adler.test', 'activate');
    expect(mail.textBody).toMatch(/^Sehr geehrte Frau Adler,/);
    const check = (token?: string) => anonymous.post('/api/v1/activation/check', { token });
    expect((await check(first)).json().state).toBe('revoked');
    const token = mail.link('activate');
    const activated = await anonymous.post('/api/v1/activation/complete', {
      token,
      password: strongPassword,
      pin: '470192',
      securityQuestion: 'firstCar',
      securityAnswer: 'Trabant',
    });
    expect(activated.statusCode).toBe(200);
    t.clock.advance(minutes(2));
    expect(
      (await operator.get(`/api/v1/operator/accounts/${account.id}`)).json().owner.pendingActivation,
    ).toBe(false);
    expect((await operator.post(path)).json().code).toBe('MAIN_USER_ACTIVE');
    const audit = await t.db
      .selectFrom('auditEvents')
      .select('action')
      .where('action', '=', 'account.main_user_link_resent')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('lets an operator send an unconfirmed registration’s welcome again', async () => {
    await anonymous.post('/api/v1/auth/register', companyOwner);
    const { client: operator } = await signedInOperator(t.app);
    const [account] = (await operator.get('/api/v1/operator/accounts')).json().items;
    expect(account.owner.pendingActivation).toBe(true);
    t.clock.advance(minutes(2));
    await operator.post(`/api/v1/operator/accounts/${account.id}/resend-main-user-link`);
    expect(await subjectsTo(t.app, companyOwner.email)).toEqual([welcomeSubject, welcomeSubject]);
  });

  it('lets an operator who forgot the password set a new one, with the same answer for any address', async () => {
    const { client: operator, email } = await signedInOperator(t.app);
    const request = (address: string) =>
      anonymous.post('/api/v1/operator/password-reset', { email: address });
    const known = await request(email.toUpperCase());
    const unknown = await request('nobody@kontor.test');
    expect([known.statusCode, known.body]).toEqual([unknown.statusCode, unknown.body]);
    expect(await subjectsTo(t.app, 'nobody@kontor.test')).toEqual([]);
    const mail = await lastEmailTo(t.app, email, 'operator/reset-password');
    expect(mail.textBody).toMatch(/^Dear Olga Operator,/);
    const token = mail.link('operator/reset-password');
    // A customer's reset endpoint does not take an operator's link.
    expect((await anonymous.post('/api/v1/auth/password-reset/check', { token })).json().code).toBe(
      'LINK_INVALID',
    );
    const newPassword = 'a new password for olga';
    const done = await anonymous.post('/api/v1/operator/password-reset/complete', {
      token,
      password: newPassword,
    });
    expect(done.statusCode).toBe(204);
    expect((await operator.get('/api/v1/operator/session')).statusCode).toBe(401); // every session ended
    const signIn = (password: string) => anonymous.post('/api/v1/operator/sign-in', { email, password });
    expect((await signIn(strongPassword)).statusCode).toBe(401);
    expect((await signIn(newPassword)).statusCode).toBe(200);
    expect(await subjectsTo(t.app, email)).toContain('Your password was changed');
    expect(
      (
        await anonymous.post('/api/v1/operator/password-reset/complete', { token, password: newPassword })
      ).json().code,
    ).toBe('LINK_USED');
  });
});
