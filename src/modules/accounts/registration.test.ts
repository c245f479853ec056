// A2 and U2: self-registration, the welcome e-mail, confirmation and the credential reveal link.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildTestApp, describeEachDatabase, type TestApp } from '../../../test/helpers/build-test-app.ts';
import { companyOwner, lastEmailTo, registeredOwner, TestClient } from '../../../test/helpers/test-client.ts';
import { hours } from '../../shared/clock.ts';
import { parseCustomerNumber } from '../../shared/numbers.ts';
import { hashToken } from '../../shared/tokens.ts';

describeEachDatabase('registration', (dialect) => {
  let t: TestApp;
  let client: TestClient;
  beforeEach(async () => {
    t = await buildTestApp({ db: dialect });
    client = new TestClient(t.app, { language: 'en' });
  });
  afterEach(() => t.close());

  const register = (overrides: Record<string, unknown> = {}) =>
    client.post('/api/v1/auth/register', { ...companyOwner, ...overrides });

  it('creates the account and its owner, and sends the welcome e-mail in the chosen language', async () => {
    const response = await register();
    expect(response.statusCode).toBe(202);
    expect(response.json()).toEqual({ status: 'check-your-email' });

    const account = await t.db.selectFrom('accounts').selectAll().executeTakeFirstOrThrow();
    expect(parseCustomerNumber(account.customerNumber)).toBe(account.customerNumber);
    expect(account).toMatchObject({
      name: companyOwner.companyName,
      status: 'pending_confirmation',
      seatsUsed: 1,
      locale: 'de',
    });
    const owner = await t.db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
    expect(owner).toMatchObject({
      email: 'justus@jura.test',
      username: 'Justus Jura',
      title: 'Dr.',
      salutation: 'mr',
    });
    expect(owner.userNumber).toMatch(/^\d{7}$/);
    expect(owner.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const membership = await t.db.selectFrom('memberships').selectAll().executeTakeFirstOrThrow();
    expect(membership).toMatchObject({ accountId: account.id, userId: owner.id, role: 'owner' });

    const welcome = await lastEmailTo(t.app, 'justus@jura.test');
    expect(welcome.subject).toBe('Willkommen: Bitte bestätigen Sie Ihre E-Mail-Adresse');
    expect(welcome.textBody).toMatch(/^Sehr geehrter Herr Dr\. Jura,\n/);
    expect(welcome.textBody).toContain(`Kundennummer: ${account.customerNumber}`);
    expect(welcome.textBody).toContain(`Benutzernummer: ${owner.userNumber}`);
    expect(welcome.link('confirm-email')).toMatch(/^[\w-]{43}$/);
    expect(welcome.link('reveal')).toMatch(/^[\w-]{43}$/);

    const audit = await t.db.selectFrom('auditEvents').selectAll().execute();
    expect(audit).toEqual([
      expect.objectContaining({ action: 'account.registered', accountId: account.id, actorId: owner.id }),
    ]);
  });

  it('answers a known address exactly like a new one, and only tells its owner', async () => {
    await registeredOwner(t.app);
    const first = await t.db.selectFrom('accounts').select('id').execute();
    t.clock.advance(1000);
    const again = await register({ companyName: 'Someone Else GmbH', username: 'other' });
    expect(again.statusCode).toBe(202);
    expect(again.json()).toEqual({ status: 'check-your-email' });
    expect(await t.db.selectFrom('accounts').select('id').execute()).toEqual(first);
    const notice = await lastEmailTo(t.app, 'justus@jura.test');
    expect(notice.subject).toBe('Registrierungsversuch mit Ihrer E-Mail-Adresse');
    expect(notice.textBody).toContain('/forgot-password');
  });

  it('sends a fresh welcome when an unconfirmed address registers again', async () => {
    await register();
    const first = await lastEmailTo(t.app, 'justus@jura.test', 'confirm-email');
    t.clock.advance(hours(49)); // the first links have expired
    expect((await register({ companyName: 'Ignored GmbH' })).statusCode).toBe(202);
    const again = await lastEmailTo(t.app, 'justus@jura.test', 'confirm-email');
    expect(again.link('confirm-email')).not.toBe(first.link('confirm-email'));
    expect(again.customerNumber).toBe(first.customerNumber);
    expect(await t.db.selectFrom('accounts').select('id').execute()).toHaveLength(1);
    expect(
      (await client.post('/api/v1/auth/confirm-email', { token: again.link('confirm-email') })).statusCode,
    ).toBe(200);
    const revealed = await client.post('/api/v1/credentials/reveal', { token: again.link('reveal') });
    expect(revealed.json().accessKey).toMatch(/^[\w-]{43}$/);
  });

  it('refuses weak passwords with the reason under the field, and creates nothing', async () => {
    for (const [password, code] of [
      ['password1234', 'PASSWORD_TOO_COMMON'],
      ['JustusJura2026', 'PASSWORD_CONTAINS_PERSONAL_DATA'],
      ['short', 'PASSWORD_TOO_SHORT'],
    ]) {
      const response = await register({ password });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code, details: [{ field: 'password', code }] });
    }
    expect(await t.db.selectFrom('accounts').select('id').execute()).toEqual([]);
  });

  it('names every invalid field and rejects fields it does not know', async () => {
    const response = await register({
      email: 'not-an-address',
      firstName: '',
      role: 'admin',
      seatLimit: 1000,
    });
    expect(response.statusCode).toBe(400);
    const fields = response.json().details.map((detail: { field: string }) => detail.field);
    expect(fields).toEqual(expect.arrayContaining(['email', 'firstName', 'role', 'seatLimit']));
  });

  it('refuses control characters that could forge e-mail headers', async () => {
    const response = await register({ companyName: 'Evil\r\nBcc: victim@example.com' });
    expect(response.statusCode).toBe(400);
    expect(response.json().details[0].field).toBe('companyName');
  });

  it('opens the account when the owner confirms, once', async () => {
    await register();
    const token = (await lastEmailTo(t.app, 'justus@jura.test')).link('confirm-email');
    const signInBefore = await client.post('/api/v1/auth/sign-in', {
      email: 'justus@jura.test',
      password: companyOwner.password,
    });
    expect(signInBefore.statusCode).toBe(403);
    expect(signInBefore.json().code).toBe('EMAIL_NOT_CONFIRMED');

    const confirmed = await client.post('/api/v1/auth/confirm-email', { token });
    expect(confirmed.statusCode).toBe(200);
    const account = await t.db.selectFrom('accounts').selectAll().executeTakeFirstOrThrow();
    expect(confirmed.json()).toEqual({ customerNumber: account.customerNumber });
    expect(account.status).toBe('active');
    expect((await client.post('/api/v1/auth/confirm-email', { token })).json().code).toBe('LINK_USED');
  });

  it('lets the confirmation link expire after 48 hours', async () => {
    await register();
    const token = (await lastEmailTo(t.app, 'justus@jura.test')).link('confirm-email');
    t.clock.advance(hours(48));
    const expired = await client.post('/api/v1/auth/confirm-email', { token });
    expect(expired.statusCode).toBe(410);
    expect(expired.json()).toMatchObject({
      code: 'LINK_EXPIRED',
      message: 'This link has expired. Please request a new one.',
    });
  });

  it('reveals the program credentials once, and stores only the key’s hash', async () => {
    const owner = await registeredOwner(t.app);
    expect(
      (await client.post('/api/v1/credentials/reveal/check', { token: owner.revealToken })).json(),
    ).toEqual({
      valid: true,
    });
    const revealed = await client.post('/api/v1/credentials/reveal', { token: owner.revealToken });
    expect(revealed.statusCode).toBe(200);
    expect(revealed.headers['cache-control']).toBe('no-store');
    const credentials = revealed.json();
    expect(credentials).toMatchObject({
      customerNumber: owner.customerNumber,
      userNumber: owner.userNumber,
      username: 'Justus Jura',
    });
    expect(credentials.accessKey).toMatch(/^[\w-]{43}$/); // 256 bits
    const keys = await t.db.selectFrom('accessKeys').selectAll().execute();
    expect(keys).toEqual([
      expect.objectContaining({ keyHash: hashToken(credentials.accessKey), revokedAt: null }),
    ]);
    const tokens = await t.db
      .selectFrom('actionTokens')
      .select(['sealedSecret', 'usedAt'])
      .where('purpose', '=', 'credentials_reveal')
      .execute();
    expect(tokens).toEqual([{ sealedSecret: null, usedAt: expect.any(String) }]); // nothing readable left behind

    const again = await client.post('/api/v1/credentials/reveal', { token: owner.revealToken });
    expect(again.statusCode).toBe(410);
    expect(again.json().code).toBe('LINK_USED');
  });

  it('lets exactly one of two concurrent reveals succeed', async () => {
    const owner = await registeredOwner(t.app);
    const results = await Promise.all([
      client.post('/api/v1/credentials/reveal', { token: owner.revealToken }),
      client.post('/api/v1/credentials/reveal', { token: owner.revealToken }),
    ]);
    expect(results.map((result) => result.statusCode).sort()).toEqual([200, 410]);
  });
});
