// Issue 6.7: the provider's identity is configured once by its operators and used as sender name,
// signature and footer of every e-mail, and by the web app's footer (GET /api/v1/provider).
import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildTestApp, describeEachDatabase, type TestApp } from '../../../test/helpers/build-test-app.ts';
import { SmtpPeer } from '../../../test/helpers/smtp-peer.ts';
import {
  lastEmailTo,
  registeredOwner,
  signedInOperator,
  TestClient,
} from '../../../test/helpers/test-client.ts';

// The smallest PNG there is: one transparent pixel.
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

const identity = {
  name: 'Muster Hosting GmbH',
  address: 'Hafenstraße 1\n20457 Hamburg',
  supportEmail: 'Support@Muster.example',
  supportPhone: '040 1234567',
  website: 'https://muster.example',
  legalNotice: 'Sitz Hamburg · Amtsgericht Hamburg HRB 12345 · Geschäftsführerin: Eva Muster',
};

describeEachDatabase('provider identity', (dialect) => {
  let t: TestApp;
  let smtp: SmtpPeer;
  let operator: TestClient;
  beforeEach(async () => {
    smtp = await SmtpPeer.start();
    t = await buildTestApp({ db: dialect, env: { SMTP_URL: smtp.url } });
    operator = (await signedInOperator(t.app)).client;
  });
  afterEach(async () => {
    await t.close();
    await smtp.down();
  });

  const change = (body: object, client = operator) =>
    client.request({ method: 'PATCH', url: '/api/v1/operator/provider', payload: body });

  it('starts unconfigured, named after the portal’s host, and only operators change it', async () => {
    const anonymous = new TestClient(t.app);
    expect((await anonymous.get('/api/v1/provider')).json()).toMatchObject({
      name: 'kontor.test',
      configured: false,
      supportEmail: null,
    });
    expect((await change({ name: 'Evil' }, anonymous)).statusCode).toBe(401);
    const owner = await registeredOwner(t.app);
    await owner.client.post('/api/v1/auth/sign-in', { email: owner.email, password: owner.password });
    expect((await change({ name: 'Evil' }, owner.client)).statusCode).toBe(401);
    expect((await anonymous.get('/api/v1/provider')).json().name).toBe('kontor.test');
  });

  it('is configured once and signs, foots and sends every e-mail written from then on', async () => {
    const changed = await change(identity);
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({
      name: 'Muster Hosting GmbH',
      configured: true,
      supportEmail: 'support@muster.example',
      supportPhone: '+49 40 1234567', // normalized and shown in international format
    });
    expect((await new TestClient(t.app).get('/api/v1/provider')).json()).toEqual(changed.json());

    await registeredOwner(t.app);
    const welcome = await lastEmailTo(t.app, 'justus@jura.test', 'confirm-email');
    expect(welcome.textBody).toContain('Mit freundlichen Grüßen\nMuster Hosting GmbH');
    expect(welcome.textBody).toContain('E-Mail: support@muster.example · Telefon: +49 40 1234567');
    expect(welcome.textBody).toContain('Amtsgericht Hamburg HRB 12345');
    expect(welcome.htmlBody).toContain('Hafenstraße 1');

    await t.app.kontor.mailWorker.runOnce();
    const sent = smtp.received.find((email) => email.to.includes('justus@jura.test'));
    expect(sent?.raw).toMatch(/^From: Muster Hosting GmbH <no-reply@kontor\.test>$/m);
    const audit = await t.db
      .selectFrom('auditEvents')
      .select(['action', 'actorType'])
      .where('action', '=', 'provider.updated')
      .execute();
    expect(audit).toEqual([{ action: 'provider.updated', actorType: 'operator' }]);
  });

  it('refuses an invalid phone number or website with a localized reason, and keeps what was there', async () => {
    await change({ supportPhone: '+49 40 1234567' });
    const refused = await operator.request({
      method: 'PATCH',
      url: '/api/v1/operator/provider',
      payload: { supportPhone: '12' },
      headers: { 'accept-language': 'en' },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({
      code: 'PHONE_INVALID',
      details: [{ field: 'supportPhone', message: expect.stringContaining('with its area code') }],
    });
    expect((await change({ website: 'javascript:alert(1)' })).json().details[0].field).toBe('website');
    expect((await new TestClient(t.app).get('/api/v1/provider')).json().supportPhone).toBe('+49 40 1234567');
  });

  it('takes a PNG or JPEG logo, serves it, and puts it at the top of every e-mail', async () => {
    const set = await operator.request({
      method: 'PUT',
      url: '/api/v1/operator/provider/logo',
      payload: { data: png.toString('base64') },
    });
    expect(set.statusCode).toBe(200);
    const logoUrl: string = set.json().logoUrl;
    expect(logoUrl).toMatch(/^http:\/\/kontor\.test\/api\/v1\/provider\/logo\?v=\d+$/);
    const served = await t.app.inject({ url: new URL(logoUrl).pathname });
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.rawPayload.equals(png)).toBe(true);

    await registeredOwner(t.app);
    expect((await lastEmailTo(t.app, 'justus@jura.test')).htmlBody).toContain(`src="${logoUrl}"`);

    const html = Buffer.from('<svg onload="alert(1)"></svg>').toString('base64');
    const refused = await operator.request({
      method: 'PUT',
      url: '/api/v1/operator/provider/logo',
      payload: { data: html },
    });
    expect(refused.json()).toMatchObject({ code: 'LOGO_INVALID', details: [{ field: 'data' }] });
    await operator.request({ method: 'DELETE', url: '/api/v1/operator/provider/logo' });
    expect((await t.app.inject({ url: '/api/v1/provider/logo' })).statusCode).toBe(404);
  });

  it('lets MAIL_FROM name the sender itself', async () => {
    const named = await buildTestApp({
      db: dialect,
      env: { SMTP_URL: smtp.url, MAIL_FROM: '"Kanzlei-Support" <help@kontor.test>' },
    });
    try {
      await named.app.kontor.services.provider.updateProfile(
        { name: 'Muster Hosting GmbH' },
        { type: 'system', id: null, ipAddress: null },
      );
      await registeredOwner(named.app);
      await named.app.kontor.mailWorker.runOnce();
      expect(smtp.received.at(-1)?.raw).toMatch(/^From: "Kanzlei-Support" <help@kontor\.test>$/m);
    } finally {
      await named.close();
    }
  });
});
