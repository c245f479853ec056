import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildTestApp, describeEachDatabase, type TestApp } from '../../../test/helpers/build-test-app.ts';
import { SmtpPeer } from '../../../test/helpers/smtp-peer.ts';
import { signedInOperator, TestClient } from '../../../test/helpers/test-client.ts';
import { minutes } from '../../shared/clock.ts';
import { createMailWorker, retryDelayMs, smtpTransport } from './index.ts';

describeEachDatabase('e-mail outbox over SMTP', (dialect) => {
  let smtp: SmtpPeer;
  let t: TestApp;
  beforeEach(async () => {
    smtp = await SmtpPeer.start();
    t = await buildTestApp({
      db: dialect,
      env: { SMTP_URL: smtp.url, MAIL_FROM: 'Kontor <noreply@kontor.test>' },
    });
  });
  afterEach(async () => {
    await t.close();
    await smtp.down();
  });

  const enqueue = (to: string) =>
    t.db
      .transaction()
      .execute((transaction) =>
        t.app.kontor.services.mail.enqueueEmail(transaction, {
          to,
          greet: { name: 'Ödön <b>' },
          locale: 'de',
          template: 'operatorWelcome',
          params: { email: to, signInUrl: 'http://kontor.test/sign-in' },
        }),
      )
      .then((written) => written.id);
  const statusOf = async (id: string) =>
    t.db.selectFrom('outboxEmails').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('delivers a written e-mail over SMTP once, localized, with its Message-ID', async () => {
    const id = await enqueue('ada@kontor.test');
    expect(await t.app.kontor.mailWorker.runOnce()).toEqual({ sent: 1, retry: 0 });
    expect(await t.app.kontor.mailWorker.runOnce()).toEqual({ sent: 0, retry: 0 });
    expect(smtp.received).toHaveLength(1);
    const [received] = smtp.received;
    expect(received?.to).toEqual(['ada@kontor.test']);
    expect(received?.from).toBe('noreply@kontor.test');
    expect(received?.raw).toContain(`Message-ID: <${id}@kontor.test>`);
    // Kontor's inbound listener recognises its own mail by this header, should it ever come back.
    expect(received?.raw).toContain('X-Kontor-Loop: kontor.test');
    expect(received?.raw).toMatch(/Subject: =\?UTF-8\?\S+\?=|Subject: Ihr Betreiberzugang ist eingerichtet/);
    expect(received?.raw).toContain('&lt;b&gt;'); // a name never becomes markup in the HTML part
    expect((await statusOf(id)).status).toBe('sent');
  });

  it('loses nothing while the SMTP server is down and sends each e-mail once when it is back', async () => {
    await smtp.down();
    const first = await enqueue('one@kontor.test');
    const second = await enqueue('two@kontor.test');
    expect(await t.app.kontor.mailWorker.runOnce()).toEqual({ sent: 0, retry: 2 });
    const afterFailure = await statusOf(first);
    expect(afterFailure).toMatchObject({ status: 'pending', attempts: 1, lockedUntil: null });
    expect(afterFailure.lastError).toMatch(/ECONNREFUSED/);
    expect(Date.parse(afterFailure.nextAttemptAt) - t.clock.now().getTime()).toBe(retryDelayMs(1));

    await smtp.up();
    // Not due yet: backoff holds the retry back.
    expect(await t.app.kontor.mailWorker.runOnce()).toEqual({ sent: 0, retry: 0 });
    t.clock.advance(retryDelayMs(1));
    expect(await t.app.kontor.mailWorker.runOnce()).toEqual({ sent: 2, retry: 0 });
    t.clock.advance(minutes(60));
    expect(await t.app.kontor.mailWorker.runOnce()).toEqual({ sent: 0, retry: 0 });
    expect(smtp.received.map((email) => email.to[0]).sort()).toEqual(['one@kontor.test', 'two@kontor.test']);
    expect((await statusOf(second)).attempts).toBe(2);
  });

  it('lets two workers race over the same rows without sending any twice', async () => {
    const ids = await Promise.all(Array.from({ length: 8 }, (_, i) => enqueue(`user${i}@kontor.test`)));
    const second = createMailWorker({
      db: t.db,
      clock: t.clock,
      config: t.app.kontor.config,
      transport: smtpTransport(smtp.url, new URL('http://kontor.test')),
      log: { warn: () => {} },
    });
    const [a, b] = await Promise.all([t.app.kontor.mailWorker.runOnce(), second.runOnce()]);
    await second.stop();
    expect(a.sent + b.sent).toBe(ids.length);
    expect(smtp.received).toHaveLength(ids.length);
  });

  it('gives up after the configured attempts and marks the e-mail failed', async () => {
    await smtp.down();
    const id = await enqueue('never@kontor.test');
    for (let attempt = 1; attempt <= t.app.kontor.config.mailMaxAttempts; attempt += 1) {
      await t.app.kontor.mailWorker.runOnce();
      t.clock.advance(retryDelayMs(attempt));
    }
    expect(await statusOf(id)).toMatchObject({
      status: 'failed',
      attempts: t.app.kontor.config.mailMaxAttempts,
    });
  });

  it('writes no e-mail when the change that causes it rolls back', async () => {
    await expect(
      t.db.transaction().execute(async (transaction) => {
        await t.app.kontor.services.mail.enqueueEmail(transaction, {
          to: 'ghost@kontor.test',
          greet: { name: 'Ghost' },
          locale: 'en',
          template: 'operatorWelcome',
          params: { email: 'ghost@kontor.test', signInUrl: 'http://kontor.test/sign-in' },
        });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await t.db.selectFrom('outboxEmails').selectAll().execute()).toEqual([]);
  });

  it('shows the outbox to operators with its delivery state', async () => {
    const { client } = await signedInOperator(t.app);
    const list = (await client.get('/api/v1/operator/mailbox')).json();
    expect(list).toMatchObject({
      delivery: 'smtp',
      total: 1,
      items: [{ to: 'operator@kontor.test', status: 'pending' }],
    });
  });
});

describeEachDatabase('built-in mailbox', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp({ db: dialect });
  });
  afterEach(() => t.close());

  it('keeps every e-mail for operators, newest first, with paging, and only for operators', async () => {
    const anonymous = await new TestClient(t.app).get('/api/v1/operator/mailbox');
    expect(anonymous.statusCode).toBe(401);
    const { client } = await signedInOperator(t.app, { email: 'first@kontor.test', locale: 'de' });
    t.clock.advance(1000);
    await signedInOperator(t.app, { email: 'second@kontor.test', locale: 'en' });

    const page = (await client.get('/api/v1/operator/mailbox?page=1&pageSize=1')).json();
    expect(page).toMatchObject({ delivery: 'mailbox', total: 2, page: 1, pageSize: 1 });
    expect(page.items).toEqual([
      expect.objectContaining({
        to: 'second@kontor.test',
        subject: 'Your operator access is ready',
        status: 'mailbox',
      }),
    ]);
    const older = (await client.get('/api/v1/operator/mailbox?page=2&pageSize=1')).json();
    expect(older.items[0].to).toBe('first@kontor.test');

    const message = (await client.get(`/api/v1/operator/mailbox/${older.items[0].id}`)).json();
    expect(message.subject).toBe('Ihr Betreiberzugang ist eingerichtet');
    expect(message.text).toContain('Zur Betreiber-Anmeldung:\nhttp://kontor.test/operator/sign-in');
    expect(message.html).toContain('href="http://kontor.test/operator/sign-in"');
    expect(await t.app.kontor.mailWorker.runOnce()).toEqual({ sent: 0, retry: 0 }); // nothing to send without SMTP
  });

  it('refuses a page size over 100', async () => {
    const { client } = await signedInOperator(t.app);
    const response = await client.get('/api/v1/operator/mailbox?pageSize=1000');
    expect(response.statusCode).toBe(400);
    expect(response.json().details[0]).toMatchObject({ field: 'pageSize', code: 'maximum' });
  });
});
