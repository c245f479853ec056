// S8: two-factor sign-in with an authenticator app, for customer users; codes made with otpauth from the
// secret the API hands out, the clock moved by hand.
import { Secret, TOTP } from 'otpauth';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildTestApp, describeEachDatabase, type TestApp } from '../../../test/helpers/build-test-app.ts';
import {
  accountIdOf,
  signedInOperator,
  signedInOwner,
  signedInUser,
  strongPassword,
  TestClient,
} from '../../../test/helpers/test-client.ts';
import { minutes } from '../../shared/clock.ts';

describeEachDatabase('two-factor sign-in', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp({ db: dialect });
  });
  afterEach(() => t.close());

  const codeAt = (secret: string, offsetSteps = 0) =>
    new TOTP({ secret: Secret.fromBase32(secret) }).generate({
      timestamp: t.clock.now().getTime() + offsetSteps * 30_000,
    });
  const nextStep = () => t.clock.advance(30_000);
  /** A code wrong for certain: none the window accepts (a fixed '000000' passes 3 times in a million). */
  const wrongCode = (secret: string) => {
    const accepted = new Set([-1, 0, 1].map((offset) => codeAt(secret, offset)));
    return ['000000', '111111', '222222', '333333'].find((code) => !accepted.has(code)) as string;
  };

  /** Enrols the signed-in client's user; returns the secret and the recovery codes. */
  async function enrol(client: TestClient, prefix = '/api/v1/me/two-factor') {
    const started = await client.post(`${prefix}/enrolment`);
    expect(started.statusCode).toBe(200);
    const { secret, otpauthUri, qrCode } = started.json();
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/.+secret=/);
    expect(qrCode).toMatch(/^data:image\/png;base64,/);
    const confirmed = await client.post(`${prefix}/enrolment/confirm`, { code: codeAt(secret) });
    expect(confirmed.statusCode).toBe(200);
    return { secret: secret as string, recoveryCodes: confirmed.json().recoveryCodes as string[] };
  }

  const passwordStep = (client: TestClient, body: Record<string, unknown> = {}) =>
    client.post('/api/v1/auth/sign-in', { email: 'justus@jura.test', password: strongPassword, ...body });
  const secondStep = (client: TestClient, body: Record<string, unknown>) =>
    client.post('/api/v1/auth/sign-in/two-factor', body);
  const actions = async () =>
    (await t.db.selectFrom('auditEvents').select('action').orderBy('createdAt').execute()).map(
      (e) => e.action,
    );

  it('enrols with a first code; then sign-in asks for a code, refuses a wrong one and each code twice', async () => {
    const owner = await signedInOwner(t.app);
    const unconfirmed = await owner.client.post('/api/v1/me/two-factor/enrolment');
    // Not on until a code confirms it: the password alone still signs in.
    expect((await passwordStep(new TestClient(t.app))).statusCode).toBe(200);
    const wrongFirst = await owner.client.post('/api/v1/me/two-factor/enrolment/confirm', {
      code: wrongCode(unconfirmed.json().secret),
    });
    expect(wrongFirst.statusCode).toBe(400);
    expect(wrongFirst.json().details).toEqual([expect.objectContaining({ field: 'code' })]);
    expect((await owner.client.get('/api/v1/me/two-factor')).json().enabled).toBe(false);
    expect(unconfirmed.json().secret).toMatch(/^[A-Z2-7]{32}$/);

    const { secret, recoveryCodes } = await enrol(owner.client);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect(await owner.client.get('/api/v1/me/two-factor').then((r) => r.json())).toEqual({
      enabled: true,
      recoveryCodesLeft: 10,
      requiredByAccount: false,
    });
    // Only hashes are stored.
    const stored = await t.db.selectFrom('twoFactorRecoveryCodes').select('codeHash').execute();
    expect(stored.map((row) => row.codeHash)).not.toContain(recoveryCodes[0]);
    expect((await actions()).filter((a) => a.startsWith('two_factor'))).toEqual(['two_factor.enabled']);

    const browser = new TestClient(t.app);
    const first = await passwordStep(browser);
    expect(first.statusCode).toBe(202);
    expect(first.json()).toMatchObject({ status: 'two-factor-required', step: 'code' });
    expect(browser.cookies.has('kontor_session')).toBe(false);
    expect((await browser.get('/api/v1/auth/session')).statusCode).toBe(401);

    // The code that confirmed the enrolment is spent; and a wrong one is refused.
    const { challenge } = first.json();
    expect((await secondStep(browser, { challenge, code: codeAt(secret) })).statusCode).toBe(400);
    const wrong = await secondStep(browser, { challenge, code: wrongCode(secret) });
    expect(wrong.json()).toMatchObject({ code: 'TWO_FACTOR_CODE_WRONG' });
    nextStep();
    const code = codeAt(secret);
    const passed = await secondStep(browser, { challenge, code });
    expect(passed.statusCode).toBe(200);
    expect(passed.json().user.email).toBe('justus@jura.test');
    expect((await browser.get('/api/v1/auth/session')).statusCode).toBe(200);
    // The challenge starts one session only; the same code in a new challenge is refused too.
    expect((await secondStep(new TestClient(t.app), { challenge, code })).json().code).toBe(
      'TWO_FACTOR_CHALLENGE_INVALID',
    );
    const again = new TestClient(t.app);
    const second = (await passwordStep(again)).json().challenge;
    expect((await secondStep(again, { challenge: second, code })).statusCode).toBe(400);
    // A code one step ahead (a phone's clock a little fast) is still accepted.
    expect((await secondStep(again, { challenge: second, code: codeAt(secret, 1) })).statusCode).toBe(200);
  });

  it('a recovery code works once and is audited; stay signed in survives the second step', async () => {
    const owner = await signedInOwner(t.app);
    const { recoveryCodes } = await enrol(owner.client);
    const browser = new TestClient(t.app);
    const { challenge } = (await passwordStep(browser, { staySignedIn: true })).json();
    const typed = recoveryCodes[3]?.toUpperCase().replace('-', ' ');
    const passed = await secondStep(browser, { challenge, recoveryCode: typed });
    expect(passed.statusCode).toBe(200);
    const cookie = passed.cookies.find((c) => c.name === 'kontor_session');
    expect(cookie?.maxAge).toBeGreaterThan(0); // a lasting cookie: "stay signed in" was kept
    expect(await actions()).toContain('two_factor.recovery_code_used');
    expect((await owner.client.get('/api/v1/me/two-factor')).json().recoveryCodesLeft).toBe(9);

    const later = new TestClient(t.app);
    const next = (await passwordStep(later)).json().challenge;
    const reused = await secondStep(later, { challenge: next, recoveryCode: recoveryCodes[3] });
    expect(reused.statusCode).toBe(400);
    expect(reused.json().details).toEqual([expect.objectContaining({ field: 'recoveryCode' })]);
    expect((await secondStep(later, { challenge: next, recoveryCode: recoveryCodes[4] })).statusCode).toBe(
      200,
    );
  });

  it('five wrong codes end a challenge, and wrong codes count per person in the sign-in throttle', async () => {
    const owner = await signedInOwner(t.app);
    const { secret } = await enrol(owner.client);
    const browser = new TestClient(t.app);
    const tryWrong = async (challenge: string) =>
      (await secondStep(browser, { challenge, code: wrongCode(secret) })).json();
    const { challenge } = (await passwordStep(browser)).json();
    for (let i = 0; i < 4; i += 1) expect((await tryWrong(challenge)).code).toBe('TWO_FACTOR_CODE_WRONG');
    expect(await tryWrong(challenge)).toMatchObject({ code: 'TWO_FACTOR_TOO_MANY_TRIES' });
    nextStep();
    // Ended: not even the right code passes now.
    expect((await secondStep(browser, { challenge, code: codeAt(secret) })).json().code).toBe(
      'TWO_FACTOR_CHALLENGE_INVALID',
    );
    // A new challenge takes five more; the person's tenth wrong code in a row starts a wait.
    const another = (await passwordStep(browser)).json().challenge;
    for (let i = 0; i < 4; i += 1) await tryWrong(another);
    const third = (await passwordStep(browser)).json().challenge;
    await tryWrong(third);
    const locked = await secondStep(browser, { challenge: third, code: codeAt(secret) });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('SIGN_IN_LOCKED');
    t.clock.advance(minutes(1));
    const afterWait = (await passwordStep(browser)).json().challenge;
    expect((await secondStep(browser, { challenge: afterWait, code: codeAt(secret) })).statusCode).toBe(200);
  });

  it('checks at most five codes of one challenge, however many arrive at once', async () => {
    const owner = await signedInOwner(t.app);
    await enrol(owner.client);
    const browser = new TestClient(t.app);
    const { challenge } = (await passwordStep(browser)).json();
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        secondStep(browser, { challenge, code: String(100000 + i) }).then((r) => r.json().code),
      ),
    );
    const checked = answers.filter((code) => code !== 'TWO_FACTOR_CHALLENGE_INVALID');
    expect(checked.sort()).toEqual([...Array(4).fill('TWO_FACTOR_CODE_WRONG'), 'TWO_FACTOR_TOO_MANY_TRIES']);
  });

  it('a challenge lasts five minutes', async () => {
    const owner = await signedInOwner(t.app);
    const { secret } = await enrol(owner.client);
    const browser = new TestClient(t.app);
    const { challenge } = (await passwordStep(browser)).json();
    t.clock.advance(minutes(5));
    const late = await secondStep(browser, { challenge, code: codeAt(secret) });
    expect(late.statusCode).toBe(401);
    expect(late.json().code).toBe('TWO_FACTOR_CHALLENGE_INVALID');
  });

  it('turning it off and new recovery codes need the current password', async () => {
    const owner = await signedInOwner(t.app);
    const { recoveryCodes } = await enrol(owner.client);
    const noPassword = await owner.client.post('/api/v1/me/two-factor/disable', { currentPassword: 'nope' });
    expect(noPassword.statusCode).toBe(400);
    expect(noPassword.json().details).toEqual([expect.objectContaining({ field: 'currentPassword' })]);
    expect(
      (await owner.client.post('/api/v1/me/two-factor/recovery-codes', { currentPassword: 'nope' }))
        .statusCode,
    ).toBe(400);
    const renewed = await owner.client.post('/api/v1/me/two-factor/recovery-codes', {
      currentPassword: strongPassword,
    });
    expect(renewed.statusCode).toBe(200);
    const fresh = renewed.json().recoveryCodes as string[];
    expect(fresh).toHaveLength(10);
    // The old codes are gone.
    const browser = new TestClient(t.app);
    const { challenge } = (await passwordStep(browser)).json();
    expect((await secondStep(browser, { challenge, recoveryCode: recoveryCodes[0] })).statusCode).toBe(400);

    const off = await owner.client.post('/api/v1/me/two-factor/disable', { currentPassword: strongPassword });
    expect(off.statusCode).toBe(204);
    expect((await passwordStep(new TestClient(t.app))).statusCode).toBe(200);
    expect(await actions()).toEqual(
      expect.arrayContaining([
        'two_factor.enabled',
        'two_factor.recovery_codes_renewed',
        'two_factor.disabled',
      ]),
    );
  });

  it('an account can require it: members then enrol between password and session', async () => {
    const owner = await signedInOwner(t.app);
    const accountId = await accountIdOf(owner.client);
    const member = await signedInUser(t.app, owner.client, accountId, {
      username: 'Mia Muster',
      email: 'mia@jura.test',
    });
    const policyUrl = `/api/v1/accounts/${accountId}/two-factor-policy`;
    const put = (client: TestClient, required: boolean) =>
      client.request({ method: 'PUT', url: policyUrl, payload: { required } });
    expect((await put(member.client, true)).statusCode).toBe(403); // a member without account.edit
    const set = await put(owner.client, true);
    expect(set.statusCode).toBe(200);
    expect((await owner.client.get(policyUrl)).json()).toEqual({ required: true });
    expect(await actions()).toContain('account.two_factor_policy_changed');

    const browser = new TestClient(t.app);
    const first = await browser.post('/api/v1/auth/sign-in', {
      email: 'mia@jura.test',
      password: strongPassword,
    });
    expect(first.statusCode).toBe(202);
    expect(first.json().step).toBe('enrol');
    const { challenge } = first.json();
    // No code can pass before the app is set up.
    expect((await secondStep(browser, { challenge, code: '000000' })).statusCode).toBe(409);
    const started = await browser.post('/api/v1/auth/sign-in/two-factor/enrolment', { challenge });
    expect(started.statusCode).toBe(200);
    const { secret } = started.json();
    const confirmed = await browser.post('/api/v1/auth/sign-in/two-factor/enrolment/confirm', {
      challenge,
      code: codeAt(secret),
    });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().user.email).toBe('mia@jura.test');
    expect(confirmed.json().recoveryCodes).toHaveLength(10);
    expect((await browser.get('/api/v1/auth/session')).statusCode).toBe(200);
    // Required by the account: it cannot be turned off.
    const off = await browser.post('/api/v1/me/two-factor/disable', { currentPassword: strongPassword });
    expect(off.json().code).toBe('TWO_FACTOR_REQUIRED_BY_ACCOUNT');
    // The next sign-in asks for the code like anyone's.
    const next = await new TestClient(t.app).post('/api/v1/auth/sign-in', {
      email: 'mia@jura.test',
      password: strongPassword,
    });
    expect(next.json().step).toBe('code');
  });
});

describeEachDatabase('two-factor sign-in of operators', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp({ db: dialect });
  });
  afterEach(() => t.close());

  it('an operator enrols, then signs in with password and code, or a recovery code once', async () => {
    const { client, email } = await signedInOperator(t.app);
    const started = (await client.post('/api/v1/operator/two-factor/enrolment')).json();
    expect(started.otpauthUri).toContain(encodeURIComponent(email));
    const code = () =>
      new TOTP({ secret: Secret.fromBase32(started.secret) }).generate({
        timestamp: t.clock.now().getTime(),
      });
    const confirmed = await client.post('/api/v1/operator/two-factor/enrolment/confirm', { code: code() });
    expect(confirmed.statusCode).toBe(200);
    const { recoveryCodes } = confirmed.json();
    expect((await t.db.selectFrom('auditEvents').select('action').execute()).map((e) => e.action)).toContain(
      'two_factor.enabled',
    );

    const browser = new TestClient(t.app);
    const signIn = () => browser.post('/api/v1/operator/sign-in', { email, password: strongPassword });
    const first = await signIn();
    expect(first.statusCode).toBe(202);
    expect((await browser.get('/api/v1/operator/session')).statusCode).toBe(401);
    const { challenge } = first.json();
    expect(
      (await browser.post('/api/v1/operator/sign-in/two-factor', { challenge, code: code() })).statusCode,
    ).toBe(
      400, // the enrolment's code, spent
    );
    t.clock.advance(30_000);
    const passed = await browser.post('/api/v1/operator/sign-in/two-factor', { challenge, code: code() });
    expect(passed.statusCode).toBe(200);
    expect(passed.json().operator.email).toBe(email);
    expect((await browser.get('/api/v1/operator/session')).statusCode).toBe(200);
    // A customer's second step does not take an operator's challenge.
    const other = (await signIn()).json().challenge;
    expect(
      (
        await browser.post('/api/v1/auth/sign-in/two-factor', {
          challenge: other,
          recoveryCode: recoveryCodes[0],
        })
      ).statusCode,
    ).toBe(401);
    const recovered = await browser.post('/api/v1/operator/sign-in/two-factor', {
      challenge: other,
      recoveryCode: recoveryCodes[0],
    });
    expect(recovered.statusCode).toBe(200);

    const off = await browser.post('/api/v1/operator/two-factor/disable', { currentPassword: 'wrong' });
    expect(off.statusCode).toBe(400);
    expect(
      (await browser.post('/api/v1/operator/two-factor/disable', { currentPassword: strongPassword }))
        .statusCode,
    ).toBe(204);
    expect((await signIn()).statusCode).toBe(200);
  });
});
