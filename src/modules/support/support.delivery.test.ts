// An operator's answer while the SMTP server is down: the answer is kept, its e-mail waits in the outbox
// and goes out once SMTP is back, with the headers that bring a reply back to Kontor.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildTestApp, describeEachDatabase, type TestApp } from '../../../test/helpers/build-test-app.ts';
import { SmtpPeer } from '../../../test/helpers/smtp-peer.ts';
import {
  accountIdOf,
  companyOwner,
  signedInOperator,
  signedInOwner,
} from '../../../test/helpers/test-client.ts';
import { retryDelayMs } from '../mail/index.ts';

describeEachDatabase('support answers over SMTP', (dialect) => {
  let smtp: SmtpPeer;
  let t: TestApp;
  beforeEach(async () => {
    smtp = await SmtpPeer.start();
    t = await buildTestApp({
      db: dialect,
      env: { SMTP_URL: smtp.url, INBOUND_SMTP_PORT: '2525', INBOUND_RECIPIENTS: 'support@kontor.test' },
    });
  });
  afterEach(async () => {
    await t.close();
    await smtp.down();
  });

  it('an answer given during an SMTP outage is delivered when SMTP is back, with Reply-To the support address', async () => {
    const owner = (await signedInOwner(t.app)).client;
    const accountId = await accountIdOf(owner);
    const opened = await owner.post(`/api/v1/accounts/${accountId}/support-requests`, {
      subject: 'Backup',
      text: 'Where is last night’s backup?',
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const operator = (await signedInOperator(t.app)).client;
    await t.app.kontor.mailWorker.runOnce();
    smtp.received.length = 0;

    await smtp.down();
    const answered = await operator.post(`/api/v1/operator/support-requests/${opened.json().id}/answers`, {
      text: 'It is on the second disk.',
    });
    expect(answered.statusCode, answered.body).toBe(201);
    expect(await t.app.kontor.mailWorker.runOnce()).toEqual({ sent: 0, retry: 1 });
    expect(answered.json().messages.map((message: { body: string }) => message.body)).toContain(
      'It is on the second disk.',
    );

    await smtp.up();
    t.clock.advance(retryDelayMs(1));
    expect(await t.app.kontor.mailWorker.runOnce()).toEqual({ sent: 1, retry: 0 });
    const [answer] = smtp.received;
    expect(answer?.to).toEqual([companyOwner.email]);
    expect(answer?.raw).toMatch(/^Reply-To: support@kontor\.test/m);
    expect(answer?.raw).toMatch(/^Auto-Submitted: auto-generated/m);
    expect(answer?.raw).toContain('It is on the second disk.');
  });
});
