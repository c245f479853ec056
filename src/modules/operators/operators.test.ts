import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildTestApp, describeEachDatabase, type TestApp } from '../../../test/helpers/build-test-app.ts';
import { signedInOperator, strongPassword, TestClient, tokenOf } from '../../../test/helpers/test-client.ts';
import { hours, minutes } from '../../shared/clock.ts';

describeEachDatabase('operator set-up and sign-in', (dialect) => {
  let t: TestApp;
  let client: TestClient;
  beforeEach(async () => {
    t = await buildTestApp({ db: dialect });
    client = new TestClient(t.app, { language: 'en' });
  });
  afterEach(() => t.close());

  const setupLink = () => t.app.kontor.services.operators.issueOperatorSetupLink();
  const setup = (token: string, overrides: Record<string, unknown> = {}) =>
    client.post('/api/v1/operator/setup', {
      token,
      name: 'Olga Operator',
      email: 'Olga@Kontor.test',
      password: strongPassword,
      locale: 'hu',
      ...overrides,
    });

  it('offers a first-run link only while no operator exists', async () => {
    const first = await t.app.kontor.services.operators.firstRunSetupLink();
    expect(first?.url).toMatch(/^http:\/\/kontor\.test\/setup#token=[A-Za-z0-9_-]{43}$/);
    expect(Date.parse(first?.expiresAt ?? '') - t.clock.now().getTime()).toBe(hours(1));
    expect((await setup(tokenOf(first?.url ?? ''))).statusCode).toBe(201);
    expect(await t.app.kontor.services.operators.firstRunSetupLink()).toBeNull();
  });

  it('creates the operator and writes the welcome e-mail in their language, in the same transaction', async () => {
    const response = await setup(tokenOf((await setupLink()).url));
    expect(response.statusCode).toBe(201);
    expect(response.json().operator).toMatchObject({
      name: 'Olga Operator',
      email: 'olga@kontor.test',
      locale: 'hu',
    });
    const emails = await t.db.selectFrom('outboxEmails').selectAll().execute();
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ toAddress: 'olga@kontor.test', status: 'mailbox', locale: 'hu' });
    expect(emails[0]?.subject).toBe('Elkészült az üzemeltetői hozzáférése');
    expect(emails[0]?.textBody).toContain('http://kontor.test/operator/sign-in');
  });

  it('uses a link once, and says so the second time', async () => {
    const token = tokenOf((await setupLink()).url);
    expect((await setup(token)).statusCode).toBe(201);
    const again = await setup(token, { email: 'someone-else@kontor.test' });
    expect(again.statusCode).toBe(410);
    expect(again.json()).toMatchObject({
      code: 'SETUP_LINK_USED',
      message: expect.stringContaining('already been used'),
    });
    expect((await client.post('/api/v1/operator/setup/check', { token })).json().code).toBe(
      'SETUP_LINK_USED',
    );
  });

  it('lets exactly one of two concurrent set-ups with the same link succeed', async () => {
    const token = tokenOf((await setupLink()).url);
    const results = await Promise.all([
      setup(token, { email: 'a@kontor.test' }),
      setup(token, { email: 'b@kontor.test' }),
    ]);
    expect(results.map((result) => result.statusCode).sort()).toEqual([201, 410]);
    expect(await t.db.selectFrom('operators').select('email').execute()).toHaveLength(1);
  });

  it('refuses an expired link after one hour and an unknown one', async () => {
    const token = tokenOf((await setupLink()).url);
    t.clock.advance(hours(1) + 1);
    const expired = await client.post('/api/v1/operator/setup/check', { token });
    expect(expired.statusCode).toBe(410);
    expect(expired.json().code).toBe('SETUP_LINK_EXPIRED');
    const unknown = await setup('not-a-real-token');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('SETUP_LINK_INVALID');
  });

  it('applies the password rules on NFKC-normalized characters, and keeps the link usable after a refusal', async () => {
    const token = tokenOf((await setupLink()).url);
    const tooShort = await setup(token, { password: 'Tq8#vLp2!xZ' });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.json()).toMatchObject({
      code: 'PASSWORD_TOO_SHORT',
      message: expect.stringContaining('12'),
      details: [{ field: 'password', code: 'PASSWORD_TOO_SHORT', message: expect.stringContaining('12') }],
    });
    expect((await setup(token, { password: `${strongPassword} `.repeat(5).slice(0, 129) })).json().code).toBe(
      'PASSWORD_TOO_LONG',
    );
    const common = await setup(token, { password: 'password1234' });
    expect(common.json()).toMatchObject({
      code: 'PASSWORD_TOO_COMMON',
      message: expect.stringContaining('commonly'),
    });
    expect((await setup(token, { password: 'OlgaOperator1' })).json().code).toBe(
      'PASSWORD_CONTAINS_PERSONAL_DATA',
    );
    // Full-width letters are the same password after NFKC: set up with one form, sign in with the other.
    expect((await setup(token, { password: 'Ｔｑ８＃ｖＬｐ２！ｘＺｒ' })).statusCode).toBe(201);
    const signIn = await client.post('/api/v1/operator/sign-in', {
      email: 'olga@kontor.test',
      password: 'Tq8#vLp2!xZr',
    });
    expect(signIn.statusCode).toBe(200);
  });

  it('accepts exactly 128 characters and refuses a 1 MB password before hashing it', async () => {
    const token = tokenOf((await setupLink()).url);
    const huge = await setup(token, { password: 'x'.repeat(1_000_000) });
    expect(huge.statusCode).toBe(413);
    const longest = `${strongPassword} `.repeat(5).slice(0, 128);
    expect((await setup(token, { password: longest })).statusCode).toBe(201);
    const signIn = await client.post('/api/v1/operator/sign-in', {
      email: 'olga@kontor.test',
      password: longest,
    });
    expect(signIn.statusCode).toBe(200);
    const truncated = await client.post('/api/v1/operator/sign-in', {
      email: 'olga@kontor.test',
      password: longest.slice(0, 127),
    });
    expect(truncated.statusCode).toBe(401);
  });

  it('refuses a second operator with the same e-mail address', async () => {
    expect((await setup(tokenOf((await setupLink()).url))).statusCode).toBe(201);
    const duplicate = await setup(tokenOf((await setupLink()).url), { email: 'OLGA@kontor.test' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().code).toBe('OPERATOR_EMAIL_TAKEN');
  });

  it('rejects fields the body does not define (mass assignment)', async () => {
    const response = await setup(tokenOf((await setupLink()).url), { role: 'owner', id: 'chosen' });
    expect(response.statusCode).toBe(400);
    expect(
      response
        .json()
        .details.map((detail: { field: string }) => detail.field)
        .sort(),
    ).toEqual(['id', 'role']);
  });

  it('signs in with a fresh session, answers unknown user and wrong password alike, and signs out', async () => {
    const { client: operator, email } = await signedInOperator(t.app);
    const sessionCookie = operator.cookies.get('kontor_session');
    expect(sessionCookie).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await operator.get('/api/v1/operator/session')).json().operator.email).toBe(email);

    const again = await operator.post('/api/v1/operator/sign-in', { email, password: strongPassword });
    expect(operator.cookies.get('kontor_session')).not.toBe(sessionCookie);
    expect(again.statusCode).toBe(200);

    const wrongPassword = await client.post('/api/v1/operator/sign-in', {
      email,
      password: 'wrong password 123',
    });
    const unknownUser = await client.post('/api/v1/operator/sign-in', {
      email: 'nobody@kontor.test',
      password: 'x',
    });
    expect(wrongPassword.statusCode).toBe(401);
    expect(unknownUser.statusCode).toBe(401);
    expect(unknownUser.body).toBe(wrongPassword.body);

    const stolen = operator.cookies.get('kontor_session') ?? '';
    expect((await operator.post('/api/v1/operator/sign-out')).statusCode).toBe(204);
    const afterSignOut = await t.app.inject({
      url: '/api/v1/operator/session',
      cookies: { kontor_session: stolen },
    });
    expect(afterSignOut.statusCode).toBe(401);
  });

  it('ends a session after 30 idle minutes and after 12 hours however active', async () => {
    const { client: operator } = await signedInOperator(t.app);
    t.clock.advance(minutes(29));
    expect((await operator.get('/api/v1/operator/session')).statusCode).toBe(200);
    t.clock.advance(minutes(29)); // active 29 minutes ago: still alive
    expect((await operator.get('/api/v1/operator/session')).statusCode).toBe(200);
    t.clock.advance(minutes(31));
    expect((await operator.get('/api/v1/operator/session')).statusCode).toBe(401);

    const { client: busy } = await signedInOperator(t.app, { email: 'busy@kontor.test' });
    for (let hour = 0; hour < 12; hour += 0.25) {
      t.clock.advance(minutes(15));
      const response = await busy.get('/api/v1/operator/session');
      if (hour + 0.25 < 12) expect(response.statusCode).toBe(200);
      else expect(response.statusCode).toBe(401);
    }
  });

  it('sets the session cookie HttpOnly, SameSite=Lax, Path=/', async () => {
    const { client: operator, email } = await signedInOperator(t.app);
    const response = await operator.post('/api/v1/operator/sign-in', { email, password: strongPassword });
    const cookie = response.cookies.find((candidate) => candidate.name === 'kontor_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeFalsy(); // served over plain HTTP in this test
  });

  it('answers in the operator’s own language once signed in', async () => {
    const { client: operator } = await signedInOperator(t.app, { locale: 'de' });
    const response = await operator.get('/api/v1/operator/mailbox/unknown-id', { 'accept-language': 'en' });
    expect(response.statusCode).toBe(404);
    expect(response.json().message).toBe('Nicht gefunden.');
  });
});
