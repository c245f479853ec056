// C2: a notification reaches the primary address and everyone subscribed to its category, each address
// once and in its own language, says why, and lets a contact unsubscribe in one click (RFC 8058).
import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildTestApp, describeEachDatabase, type TestApp } from '../../../test/helpers/build-test-app.ts';
import { SmtpPeer } from '../../../test/helpers/smtp-peer.ts';
import {
  accountIdOf,
  lastEmailTo,
  signedInOwner,
  signedInUser,
  TestClient,
} from '../../../test/helpers/test-client.ts';
import { minutes } from '../../shared/clock.ts';

describeEachDatabase('notifications by category', (dialect) => {
  let smtp: SmtpPeer;
  let t: TestApp;
  let owner: TestClient;
  let accountId: string;
  let base: string;
  beforeEach(async () => {
    smtp = await SmtpPeer.start();
    t = await buildTestApp({
      db: dialect,
      env: { SMTP_URL: smtp.url, MAIL_FROM: 'Kontor <noreply@kontor.test>' },
    });
    owner = (await signedInOwner(t.app)).client;
    accountId = await accountIdOf(owner);
    base = `/api/v1/accounts/${accountId}`;
  });
  afterEach(async () => {
    await t.close();
    await smtp.down();
  });

  const addContact = async (contact: {
    name: string;
    email: string;
    locale: string;
    categories: string[];
  }) => {
    const added = await owner.post(`${base}/contacts`, contact);
    expect(added.statusCode, added.body).toBe(201);
    return added.json() as { id: string };
  };
  const routingOf = async (category: string) => {
    const routing = (await owner.get(`${base}/notifications`)).json() as {
      categories: { category: string; recipients: { kind: string; email: string; locale: string }[] }[];
    };
    return routing.categories
      .find((entry) => entry.category === category)
      ?.recipients.map((r) => `${r.kind} ${r.email} ${r.locale}`);
  };
  const outboxTo = (address: string) =>
    t.db.selectFrom('outboxEmails').selectAll().where('toAddress', '=', address).execute();

  it('routes each category to the primary address, subscribed members and contacts, never twice, domain contacts and others never', async () => {
    const mia = await signedInUser(t.app, owner, accountId, { username: 'mia', email: 'mia@jura.test' });
    await mia.client.put(`${base}/my-notifications`, { categories: ['support', 'general'] });
    await addContact({
      name: 'Erika Zahl',
      email: 'erika@steuer.test',
      locale: 'hu',
      categories: ['invoice'],
    });
    await addContact({
      name: 'Sam Admin',
      email: 'sam@it.test',
      locale: 'en',
      categories: ['product', 'support'],
    });
    // The owner's address as a contact too, and Mia's: each address receives a notification once.
    await addContact({ name: 'Justus', email: 'justus@jura.test', locale: 'en', categories: ['invoice'] });
    await addContact({ name: 'Mia privat', email: 'mia@jura.test', locale: 'en', categories: ['support'] });
    // A domain contact holds registrant data only: it is no recipient of anything.
    const registrant = await owner.post(`${base}/domain-contacts`, {
      kind: 'person',
      firstName: 'Dora',
      lastName: 'Domain',
      street: 'Hauptstraße 1',
      postalCode: '10115',
      city: 'Berlin',
      country: 'DE',
      phone: '030 7654321',
      email: 'dora@domain.test',
    });
    expect(registrant.statusCode, registrant.body).toBe(201);
    // Another account's contact with every category receives nothing of this one.
    const eva = (await signedInOwner(t.app, { email: 'eva@steuer.test', companyName: 'Steuerbüro Eva' }))
      .client;
    await eva.post(`/api/v1/accounts/${await accountIdOf(eva)}/contacts`, {
      name: 'Fremd',
      email: 'fremd@other.test',
      locale: 'de',
      categories: ['general', 'invoice', 'product', 'domain', 'support'],
    });

    expect(await routingOf('invoice')).toEqual([
      'primary justus@jura.test de',
      'contact erika@steuer.test hu',
    ]);
    expect(await routingOf('support')).toEqual([
      'primary justus@jura.test de',
      'member mia@jura.test de',
      'contact sam@it.test en',
    ]);
    expect(await routingOf('domain')).toEqual(['primary justus@jura.test de']);
    const routing = JSON.stringify((await owner.get(`${base}/notifications`)).json());
    expect(routing).not.toContain('dora@domain.test');
    expect(await routingOf('general')).toEqual(['primary justus@jura.test de', 'member mia@jura.test de']);

    // What the page shows is what a notification does: one e-mail per address, in its language.
    const sent = await owner.post(`${base}/notifications/test`, { category: 'invoice' });
    expect(sent.json()).toEqual({ recipients: 2 });
    const [toErika] = await outboxTo('erika@steuer.test');
    expect(toErika?.subject).toBe(
      'Teszt e-mail: Számla e-mailek (számlázás és fizetési emlékeztetők) – Kanzlei Jura & Partner',
    );
    expect(toErika?.textBody).toContain('kapcsolattartóként vette fel');
    expect(
      await outboxTo('justus@jura.test').then((rows) =>
        rows.filter((r) => r.subject.startsWith('Test-E-Mail')),
      ),
    ).toHaveLength(1);
    expect(await outboxTo('fremd@other.test')).toHaveLength(0);
    expect(await outboxTo('dora@domain.test')).toHaveLength(0);
    expect(await outboxTo('sam@it.test')).toHaveLength(0);
  });

  it("a contact's notification carries RFC 8058 headers; one click unsubscribes that category only, once, audited", async () => {
    const erika = await addContact({
      name: 'Erika Zahl',
      email: 'erika@steuer.test',
      locale: 'de',
      categories: ['invoice', 'support'],
    });
    await owner.post(`${base}/notifications/test`, { category: 'invoice' });
    await t.app.kontor.mailWorker.runOnce();
    const raw = smtp.received.find((email) => email.to.includes('erika@steuer.test'))?.raw ?? '';
    const parsed = await simpleParser(raw);
    const listUnsubscribe = parsed.headerLines.find((header) => header.key === 'list-unsubscribe')?.line;
    const url = (listUnsubscribe ?? '').replace(/\r?\n\s+/g, '').match(/<([^>]+)>/)?.[1] ?? '';
    expect(url).toMatch(new RegExp(`^http://kontor\\.test/api/v1/unsubscribe/${erika.id}/invoice/[\\w-]+$`));
    expect(parsed.headerLines.find((header) => header.key === 'list-unsubscribe-post')?.line).toBe(
      'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
    );
    expect(parsed.text).toContain('als Kontakt für „Rechnungs-E-Mails');
    expect(parsed.text).toContain(`http://kontor.test/unsubscribe/${erika.id}/invoice/`);
    // The owner's copy names the primary address instead and carries no unsubscribe header.
    const toOwner = smtp.received.filter((email) => email.to.includes('justus@jura.test'));
    const ownerCopies = await Promise.all(toOwner.map((email) => simpleParser(email.raw)));
    const ownerCopy = ownerCopies.find((email) => email.subject?.startsWith('Test-E-Mail'));
    expect(ownerCopy?.headerLines.some((header) => header.key === 'list-unsubscribe')).toBe(false);
    expect(ownerCopy?.text).toContain('die Hauptadresse des Kundenkontos');

    const path = new URL(url).pathname;
    const anonymous = new TestClient(t.app);
    expect((await anonymous.get(path)).json()).toEqual({
      email: 'erika@steuer.test',
      companyName: 'Kanzlei Jura & Partner',
      category: 'invoice',
      subscribed: true,
    });
    // A mail program's one-click POST: a form body, no cookies, no CSRF token.
    const oneClick = await anonymous.request({
      method: 'POST',
      url: path,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.statusCode, oneClick.body).toBe(204);
    expect((await anonymous.request({ method: 'POST', url: path })).statusCode).toBe(204);
    const contact = (await owner.get(`${base}/contacts/${erika.id}`)).json();
    expect(contact.categories).toEqual(['support']);
    const audited = await t.db
      .selectFrom('auditEvents')
      .select('action')
      .where('action', '=', 'contact.unsubscribed')
      .execute();
    expect(audited).toHaveLength(1);

    // A link for another category, a forged signature, a removed contact: not found.
    expect((await anonymous.get(path.replace('/invoice/', '/support/'))).statusCode).toBe(404);
    expect((await anonymous.get(`${path.slice(0, -4)}AAAA`)).statusCode).toBe(404);
    await owner.delete(`${base}/contacts/${erika.id}`);
    expect((await anonymous.request({ method: 'POST', url: path })).statusCode).toBe(404);
  });

  it('a member chooses their own categories; the owner always receives everything; a test e-mail is spaced', async () => {
    const mia = await signedInUser(t.app, owner, accountId, { username: 'mia', email: 'mia@jura.test' });
    expect((await mia.client.get(`${base}/my-notifications`)).json()).toEqual({
      categories: [],
      primary: false,
    });
    const chosen = await mia.client.put(`${base}/my-notifications`, { categories: ['domain', 'general'] });
    expect(chosen.json()).toEqual({ categories: ['general', 'domain'], primary: false });
    expect((await owner.get(`${base}/my-notifications`)).json()).toMatchObject({ primary: true });
    const bad = await mia.client.put(`${base}/my-notifications`, { categories: ['general', 'general'] });
    expect(bad.statusCode).toBe(400);
    // The routing page and test e-mails need "manage contacts".
    expect((await mia.client.get(`${base}/notifications`)).statusCode).toBe(403);
    expect((await mia.client.post(`${base}/notifications/test`, { category: 'domain' })).statusCode).toBe(
      403,
    );

    expect((await owner.post(`${base}/notifications/test`, { category: 'domain' })).json()).toEqual({
      recipients: 2,
    });
    const [toMia] = (await outboxTo('mia@jura.test')).filter((row) => row.subject.startsWith('Test'));
    expect(toMia?.textBody).toContain('in Ihren E-Mail-Einstellungen „Domain-E-Mails“');
    expect(toMia?.textBody).toContain('http://kontor.test/account/my-notifications');
    const again = await owner.post(`${base}/notifications/test`, { category: 'domain' });
    expect(again.statusCode).toBe(429);
    expect(again.json().code).toBe('TEST_NOTIFICATION_SPACING');
    expect((await owner.post(`${base}/notifications/test`, { category: 'general' })).statusCode).toBe(200);
    t.clock.advance(minutes(10));
    expect((await owner.post(`${base}/notifications/test`, { category: 'domain' })).statusCode).toBe(200);
  });

  it('an invitation offers categories; the invited person receives them from the moment of accepting', async () => {
    const eva = (await signedInOwner(t.app, { email: 'eva@steuer.test', companyName: 'Steuerbüro Eva' }))
      .client;
    const sent = await owner.post(`${base}/invitations`, {
      email: 'eva@steuer.test',
      permissions: ['invoices.view'],
      categories: ['invoice'],
    });
    expect(sent.json()).toMatchObject({ categories: ['invoice'] });
    expect(await routingOf('invoice')).toEqual(['primary justus@jura.test de']);
    const token = (await lastEmailTo(t.app, 'eva@steuer.test', 'invitation')).link('invitation');
    expect((await eva.post('/api/v1/invitations/accept', { token })).statusCode).toBe(200);
    expect(await routingOf('invoice')).toEqual(['primary justus@jura.test de', 'member eva@steuer.test de']);
    expect((await eva.get(`${base}/my-notifications`)).json()).toEqual({
      categories: ['invoice'],
      primary: false,
    });
  });
});
