// Issue 16, item 1: operator roles as data; operator admins invite, change roles, disable, and may require a
// second factor of every operator.
import { Secret, TOTP } from 'otpauth';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildTestApp, describeEachDatabase, type TestApp } from '../../../test/helpers/build-test-app.ts';
import {
  accountIdOf,
  invitedOperator,
  lastEmailTo,
  signedInOperator,
  signedInOwner,
  strongPassword,
  TestClient,
} from '../../../test/helpers/test-client.ts';
import { hours } from '../../shared/clock.ts';

describeEachDatabase('operator staff and roles', (dialect) => {
  let t: TestApp;
  let admin: TestClient;
  beforeEach(async () => {
    t = await buildTestApp({ db: dialect });
    admin = (await signedInOperator(t.app)).client;
  });
  afterEach(() => t.close());

  const staff = async () =>
    (await admin.get('/api/v1/operator/operators')).json().items as {
      id: string;
      email: string;
      status: string;
      twoFactor: boolean;
    }[];
  const actions = async () =>
    (await t.db.selectFrom('auditEvents').select('action').orderBy('createdAt').execute()).map(
      (e) => e.action,
    );

  it('invites by e-mail in the invitee’s language; the 48-hour link sets the password, then they sign in', async () => {
    const invited = await admin.post('/api/v1/operator/operators', {
      name: 'Sára Support',
      email: 'Sara@Kontor.test',
      locale: 'hu',
      roles: ['support', 'auditor'],
    });
    expect(invited.statusCode).toBe(201);
    const email = await lastEmailTo(t.app, 'sara@kontor.test', 'operator/invitation');
    expect(email.subject).toBe('Olga Operator meghívja Önt az ügyfélportál üzemeltetői felületére');
    expect(email.textBody).toContain('Ügyfélszolgálat, Ellenőr');
    expect(await staff()).toContainEqual(
      expect.objectContaining({
        email: 'sara@kontor.test',
        status: 'invited',
        roles: ['support', 'auditor'],
      }),
    );

    // Before accepting there is no password to sign in with, whatever is tried.
    const browser = new TestClient(t.app, { language: 'hu' });
    const early = await browser.post('/api/v1/operator/sign-in', { email: 'sara@kontor.test', password: '' });
    expect(early.statusCode).toBe(400);
    const token = email.link('operator/invitation');
    expect((await browser.post('/api/v1/operator/invitation/check', { token })).json()).toEqual({
      name: 'Sára Support',
      email: 'sara@kontor.test',
    });
    const weak = await browser.post('/api/v1/operator/invitation/accept', { token, password: 'kurz' });
    expect(weak.statusCode).toBe(400);
    const accepted = await browser.post('/api/v1/operator/invitation/accept', {
      token,
      password: strongPassword,
    });
    expect(accepted.json()).toEqual({ email: 'sara@kontor.test' });
    const again = await browser.post('/api/v1/operator/invitation/accept', {
      token,
      password: strongPassword,
    });
    expect(again.statusCode).toBe(410);

    const signIn = await browser.post('/api/v1/operator/sign-in', {
      email: 'sara@kontor.test',
      password: strongPassword,
    });
    expect(signIn.json().operator).toMatchObject({ name: 'Sára Support', roles: ['support', 'auditor'] });
    expect((await browser.get('/api/v1/operator/session')).json().operator.roles).toEqual([
      'support',
      'auditor',
    ]);
    expect(await actions()).toEqual(expect.arrayContaining(['operator.invited', 'operator.joined']));
  });

  it('an invitation expires after 48 hours; a new one replaces the old link', async () => {
    const invited = await admin.post('/api/v1/operator/operators', {
      name: 'Bea Billing',
      email: 'bea@kontor.test',
      locale: 'de',
      roles: ['billing'],
    });
    const first = (await lastEmailTo(t.app, 'bea@kontor.test')).link('operator/invitation');
    t.clock.advance(hours(48) + 1000);
    const browser = new TestClient(t.app, { language: 'de' });
    const late = await browser.post('/api/v1/operator/invitation/check', { token: first });
    expect(late.statusCode).toBe(410);
    expect(late.json().message).toMatch(/abgelaufen/);

    // The admin's own session ended meanwhile (12 hours at most).
    await admin.post('/api/v1/operator/sign-in', { email: 'operator@kontor.test', password: strongPassword });
    const resent = await admin.post(`/api/v1/operator/operators/${invited.json().id}/invitation`);
    expect(resent.statusCode).toBe(204);
    const second = (await lastEmailTo(t.app, 'bea@kontor.test')).link('operator/invitation');
    expect(second).not.toBe(first);
    expect(
      (await browser.post('/api/v1/operator/invitation/accept', { token: second, password: strongPassword }))
        .statusCode,
    ).toBe(200);
    const needless = await admin.post(`/api/v1/operator/operators/${invited.json().id}/invitation`);
    expect(needless.json().code).toBe('OPERATOR_NOT_INVITED');
  });

  it('refuses an address already on the staff, no roles and unknown roles, saying why', async () => {
    const invite = (body: Record<string, unknown>) =>
      admin.post('/api/v1/operator/operators', { name: 'X', email: 'x@kontor.test', locale: 'en', ...body });
    const taken = await invite({ email: 'OPERATOR@kontor.test', roles: ['support'] });
    expect(taken.json()).toMatchObject({
      code: 'OPERATOR_EMAIL_TAKEN',
      message: expect.stringContaining('exists'),
    });
    expect((await invite({ roles: [] })).statusCode).toBe(400);
    expect((await invite({ roles: ['owner'] })).statusCode).toBe(400);
    expect((await invite({ roles: ['support', 'support'] })).statusCode).toBe(400);
    expect((await staff()).map((o) => o.email)).toEqual(['operator@kontor.test']);
  });

  it('every operator reads; a change needs the role of its area (403 with the reason)', async () => {
    const owner = await signedInOwner(t.app);
    const accountId = await accountIdOf(owner.client);
    const auditor = (await invitedOperator(t.app, admin, ['auditor'], { locale: 'de' })).client;
    const billing = (await invitedOperator(t.app, admin, ['billing'])).client;
    const support = (await invitedOperator(t.app, admin, ['support'])).client;

    for (const reader of [auditor, billing, support]) {
      expect((await reader.get('/api/v1/operator/accounts')).statusCode).toBe(200);
      expect((await reader.get('/api/v1/operator/invoice-runs')).statusCode).toBe(200);
      expect((await reader.get('/api/v1/operator/operators')).statusCode).toBe(200);
    }
    const suspend = `/api/v1/operator/accounts/${accountId}/suspend`;
    const refused = await auditor.post(suspend);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({
      code: 'OPERATOR_ROLE_MISSING',
      message: expect.stringContaining('Rolle'),
    });
    expect((await billing.post(suspend)).statusCode).toBe(403);
    expect((await support.post('/api/v1/operator/payment-reminders/run')).statusCode).toBe(403);
    expect((await billing.post('/api/v1/operator/payment-reminders/run')).statusCode).toBe(200);
    expect((await support.post('/api/v1/operator/operators', {})).statusCode).toBe(403);
    // Refused before the body is looked at, and nothing happened.
    expect(
      (await t.db.selectFrom('accounts').select('status').where('id', '=', accountId).execute())[0],
    ).toEqual({
      status: 'active',
    });
    expect((await support.post(suspend)).statusCode).toBe(200);
  });

  it('a role change counts from the next request; the last active operator admin keeps the role', async () => {
    const me = (await admin.get('/api/v1/operator/session')).json().operator.id;
    const lastAdmin = await admin.put(`/api/v1/operator/operators/${me}/roles`, { roles: ['support'] });
    expect(lastAdmin.statusCode).toBe(409);
    expect(lastAdmin.json().code).toBe('LAST_OPERATOR_ADMIN');

    const other = await invitedOperator(t.app, admin, ['support']);
    expect((await other.client.post('/api/v1/operator/payment-reminders/run')).statusCode).toBe(403);
    const changed = await admin.put(`/api/v1/operator/operators/${other.id}/roles`, {
      roles: ['admin', 'billing'],
    });
    expect(changed.json()).toEqual({ roles: ['admin', 'billing'] });
    expect((await other.client.post('/api/v1/operator/payment-reminders/run')).statusCode).toBe(200);
    // With a second admin the first may give the role up, and is then refused the staff's changes.
    expect(
      (await admin.put(`/api/v1/operator/operators/${me}/roles`, { roles: ['support'] })).statusCode,
    ).toBe(200);
    expect((await admin.post(`/api/v1/operator/operators/${other.id}/disable`)).statusCode).toBe(403);
    expect(await actions()).toContain('operator.roles_changed');
  });

  it('a disabled operator is signed out at once and cannot sign in; enabled, they can again', async () => {
    const other = await invitedOperator(t.app, admin, ['support']);
    expect((await other.client.get('/api/v1/operator/session')).statusCode).toBe(200);
    expect((await admin.post(`/api/v1/operator/operators/${other.id}/disable`)).statusCode).toBe(204);
    expect((await other.client.get('/api/v1/operator/session')).statusCode).toBe(401);
    const signIn = () =>
      new TestClient(t.app).post('/api/v1/operator/sign-in', {
        email: other.email,
        password: strongPassword,
      });
    expect((await signIn()).json().code).toBe('SIGN_IN_FAILED');
    expect((await staff()).find((o) => o.id === other.id)?.status).toBe('disabled');

    const me = (await admin.get('/api/v1/operator/session')).json().operator.id;
    const self = await admin.post(`/api/v1/operator/operators/${me}/disable`);
    expect(self.json().code).toBe('OPERATOR_CANNOT_DISABLE_SELF');
    expect((await admin.post(`/api/v1/operator/operators/${other.id}/enable`)).statusCode).toBe(204);
    expect((await signIn()).statusCode).toBe(200);
    expect(await actions()).toEqual(expect.arrayContaining(['operator.disabled', 'operator.enabled']));
  });

  it('a session of a disabled operator ends even where no sign-out reached it', async () => {
    const other = await invitedOperator(t.app, admin, ['billing']);
    // As if an older process had missed ending the sessions: the row alone decides.
    await t.db.updateTable('operators').set({ status: 'disabled' }).where('id', '=', other.id).execute();
    expect((await other.client.get('/api/v1/operator/invoice-runs')).statusCode).toBe(401);
  });

  it('requiring a second factor takes one of your own; operators without one are signed out and enrol at sign-in', async () => {
    const other = await invitedOperator(t.app, admin, ['support']);
    const require = () => admin.put('/api/v1/operator/two-factor-policy', { required: true });
    expect((await require()).json().code).toBe('OPERATOR_TWO_FACTOR_FIRST');

    const code = (secret: string) =>
      new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: t.clock.now().getTime() });
    const started = (await admin.post('/api/v1/operator/two-factor/enrolment')).json();
    await admin.post('/api/v1/operator/two-factor/enrolment/confirm', { code: code(started.secret) });
    expect((await require()).json()).toEqual({ required: true });
    expect((await admin.get('/api/v1/operator/session')).statusCode).toBe(200);
    expect((await other.client.get('/api/v1/operator/session')).statusCode).toBe(401);
    expect((await admin.get('/api/v1/operator/two-factor-policy')).json()).toEqual({ required: true });

    const browser = new TestClient(t.app);
    const signIn = await browser.post('/api/v1/operator/sign-in', {
      email: other.email,
      password: strongPassword,
    });
    expect(signIn.statusCode).toBe(202);
    expect(signIn.json().step).toBe('enrol');
    const { challenge } = signIn.json();
    const enrolment = (
      await browser.post('/api/v1/operator/sign-in/two-factor/enrolment', { challenge })
    ).json();
    const confirmed = await browser.post('/api/v1/operator/sign-in/two-factor/enrolment/confirm', {
      challenge,
      code: code(enrolment.secret),
    });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().recoveryCodes).toHaveLength(10);
    expect((await browser.get('/api/v1/operator/session')).json().operator.email).toBe(other.email);
    expect((await staff()).every((o) => o.twoFactor)).toBe(true);

    const off = await admin.post('/api/v1/operator/two-factor/disable', { currentPassword: strongPassword });
    expect(off.json().code).toBe('TWO_FACTOR_REQUIRED_FOR_OPERATORS');
  });
});
