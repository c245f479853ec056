// C3 by e-mail, end to end: real SMTP into Kontor's listener on 127.0.0.1 (nodemailer as the customer's
// mail program), the app's own filing behind it, and the outbox for what Kontor writes back.
import nodemailer, { type SendMailOptions } from 'nodemailer';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildTestApp, describeEachDatabase, type TestApp } from '../../../test/helpers/build-test-app.ts';
import {
  accountIdOf,
  signedInOperator,
  signedInOwner,
  signedInUser,
  type TestClient,
} from '../../../test/helpers/test-client.ts';
import { createInboundMail, type InboundMail } from '../inbound-mail/index.ts';
import type { InboundOutcome } from './index.ts';
import { png } from './test-attachments.ts';

const support = 'support@kontor.test';
const silent = { info() {}, warn() {}, error() {} };

describeEachDatabase('support requests by e-mail', (dialect) => {
  let t: TestApp;
  let listener: InboundMail;
  let port: number;
  let outcomes: InboundOutcome[];
  let owner: TestClient;
  let accountId: string;
  let samId: string;

  beforeEach(async () => {
    t = await buildTestApp({
      db: dialect,
      env: { INBOUND_SMTP_PORT: '2525', INBOUND_RECIPIENTS: support },
    });
    outcomes = [];
    const settings = t.app.kontor.config.inboundMail;
    if (!settings) throw new Error('inbound mail is off');
    listener = createInboundMail({
      config: { publicUrl: t.app.kontor.config.publicUrl, inboundMail: { ...settings, port: 0 } },
      log: silent,
      handle: async (message) => {
        outcomes.push(await t.app.kontor.services.supportMailIn(message));
      },
    });
    ({ port } = await listener.listen());
    owner = (await signedInOwner(t.app)).client;
    accountId = await accountIdOf(owner);
    samId = await addContact(owner, accountId, { name: 'Sysadmin Sam', email: 'sam@jura.test' });
  });
  afterEach(async () => {
    await listener.close();
    await t.close();
  });

  async function addContact(
    client: TestClient,
    account: string,
    contact: { name: string; email: string; mayOpenRequests?: boolean },
  ) {
    const added = await client.post(`/api/v1/accounts/${account}/contacts`, {
      locale: 'en',
      categories: [],
      mayOpenRequests: true,
      ...contact,
    });
    expect(added.statusCode, added.body).toBe(201);
    return added.json().id as string;
  }

  async function send(mail: SendMailOptions) {
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port, ignoreTLS: true });
    try {
      const info = await transport.sendMail({ to: support, text: 'Please help.', ...mail });
      expect(info.response).toMatch(/^250 /);
    } finally {
      transport.close();
    }
  }

  const requests = () => t.db.selectFrom('supportRequests').selectAll().orderBy('number').execute();
  const messagesOf = (requestId: string) =>
    t.db
      .selectFrom('supportMessages')
      .selectAll()
      .where('requestId', '=', requestId)
      .orderBy('createdAt')
      .execute();
  const outboxTo = (address: string) =>
    t.db
      .selectFrom('outboxEmails')
      .selectAll()
      .where('toAddress', '=', address)
      .orderBy('createdAt')
      .execute();

  it('opens a request for a contact, keeps usable attachments, answers with a receipt, and files a retry once', async () => {
    const mail = {
      from: 'Sam <Sam@Jura.test>',
      subject: 'DNS record for www',
      text: 'Please add an A record.',
      messageId: '<first@mail.jura.test>',
      attachments: [
        { filename: 'screen.png', content: png, contentType: 'image/png' },
        {
          filename: 'tool.exe',
          content: Buffer.from('MZ\x90\x00binary'),
          contentType: 'application/octet-stream',
        },
      ],
    };
    await send(mail);
    await send(mail); // the MTA did not see the 250 and delivers again
    expect(outcomes).toEqual(['opened', 'duplicate']);
    const [request, ...others] = await requests();
    expect(others).toHaveLength(0);
    expect(request).toMatchObject({ accountId, subject: 'DNS record for www', requesterContactId: samId });
    const [message] = await messagesOf(request?.id ?? '');
    expect(message).toMatchObject({ via: 'email', authorKind: 'contact', body: 'Please add an A record.' });
    const attachments = await t.db
      .selectFrom('supportAttachments')
      .select(['filename', 'contentType'])
      .execute();
    expect(attachments).toEqual([{ filename: 'screen.png', contentType: 'image/png' }]);
    const [receipt, ...more] = await outboxTo('sam@jura.test');
    expect(more).toHaveLength(0);
    expect(receipt?.subject).toMatch(/^\[#K-\d{6}\] Request received: DNS record for www$/);
    expect(receipt?.replyTo).toBe(support);
    expect(receipt?.textBody).toContain('reply to this e-mail');
  });

  it('opens a request for a member with the permission; a member without it, a contact without the right and a stranger file nothing and get nothing', async () => {
    const mia = await signedInUser(t.app, owner, accountId, { username: 'mia', email: 'mia@jura.test' });
    await owner.put(`/api/v1/accounts/${accountId}/users/${mia.user.id}/permissions`, {
      permissions: ['support.open'],
    });
    await signedInUser(t.app, owner, accountId, { username: 'max', email: 'max@jura.test' });
    await addContact(owner, accountId, {
      name: 'Accountant',
      email: 'books@jura.test',
      mayOpenRequests: false,
    });
    const before = await t.db.selectFrom('outboxEmails').select('id').execute();

    for (const from of ['max@jura.test', 'books@jura.test', 'someone@elsewhere.example']) {
      await send({ from, subject: 'Hello' });
    }
    expect(outcomes).toEqual(['unknown-sender', 'unknown-sender', 'unknown-sender']);
    expect(await requests()).toHaveLength(0);
    expect(await t.db.selectFrom('outboxEmails').select('id').execute()).toHaveLength(before.length);

    await send({ from: 'mia@jura.test', subject: 'More storage' });
    expect(outcomes.at(-1)).toBe('opened');
    expect(await requests()).toMatchObject([{ requesterUserId: mia.user.id, subject: 'More storage' }]);
  });

  it('asks a contact of two accounts for the customer number, and files where the subject names one', async () => {
    const second = await signedInOwner(t.app, {
      companyName: 'Steuer Klar GmbH',
      email: 'klara@steuer.test',
      username: 'Klara Klar',
    });
    const secondId = await accountIdOf(second.client);
    await addContact(second.client, secondId, { name: 'Sam', email: 'sam@jura.test' });
    const { customerNumber } = await t.db
      .selectFrom('accounts')
      .select('customerNumber')
      .where('id', '=', secondId)
      .executeTakeFirstOrThrow();

    await send({ from: 'sam@jura.test', subject: 'Printer' });
    expect(outcomes).toEqual(['asked-for-customer-number']);
    expect(await requests()).toHaveLength(0);
    const [question] = await outboxTo('sam@jura.test');
    expect(question).toMatchObject({
      subject: 'Which customer number? Printer',
      autoSubmitted: 'auto-replied',
    });
    expect(question?.textBody).not.toContain('Steuer Klar');
    expect(question?.textBody).not.toContain('Jura');

    await send({ from: 'sam@jura.test', subject: `Printer (${customerNumber})` });
    expect(outcomes.at(-1)).toBe('opened');
    expect(await requests()).toMatchObject([{ accountId: secondId }]);
  });

  it('continues a thread by In-Reply-To and by the reference in the subject, and refuses writers outside it', async () => {
    await send({ from: 'sam@jura.test', subject: 'VPN', messageId: '<vpn-1@mail.jura.test>' });
    const [request] = await requests();
    const operator = (await signedInOperator(t.app)).client;
    const answered = await operator.post(`/api/v1/operator/support-requests/${request?.id}/answers`, {
      text: 'Which client do you use?',
    });
    expect(answered.statusCode, answered.body).toBe(201);
    const answer = (await outboxTo('sam@jura.test')).find((mail) => mail.subject.includes('New answer'));
    expect(answer?.replyTo).toBe(support);

    // A mail program's reply: In-Reply-To names Kontor's answer; the subject may have been rewritten.
    await send({
      from: 'sam@jura.test',
      subject: 'AW: something else',
      inReplyTo: answer?.messageId,
      references: ['<vpn-1@mail.jura.test>', answer?.messageId ?? ''],
      text: 'WireGuard.',
    });
    // Written anew, only the reference in the subject ties it to the request.
    await send({
      from: 'sam@jura.test',
      subject: `Re: [#K-${String(request?.number).padStart(6, '0')}] VPN`,
      text: 'Still broken.',
    });
    expect(outcomes).toEqual(['opened', 'replied', 'replied']);
    expect((await messagesOf(request?.id ?? '')).map((message) => message.body)).toEqual([
      'Please help.',
      'Which client do you use?',
      'WireGuard.',
      'Still broken.',
    ]);
    expect(await requests()).toMatchObject([{ state: 'open' }]);

    // Someone allowed in another account, using the reference of this one, adds nothing.
    const other = await signedInOwner(t.app, {
      companyName: 'Other AG',
      email: 'otto@other.test',
      username: 'Otto',
    });
    await addContact(other.client, await accountIdOf(other.client), { name: 'Ida', email: 'ida@other.test' });
    await send({
      from: 'ida@other.test',
      subject: `Re: [#K-${String(request?.number).padStart(6, '0')}] VPN`,
    });
    // Sam, removed from the account's contacts, can no longer add to the thread.
    await owner.delete(`/api/v1/accounts/${accountId}/contacts/${samId}`);
    await send({ from: 'sam@jura.test', subject: 'Re: VPN', inReplyTo: answer?.messageId, text: 'Hello?' });
    expect(outcomes.slice(3)).toEqual(['not-allowed', 'not-allowed']);
    expect(await messagesOf(request?.id ?? '')).toHaveLength(4);
    expect(await requests()).toHaveLength(1);
  });

  it('hands "send me the access data" to the operators as a credential request, from people of the account only', async () => {
    const { customerNumber } = await t.db
      .selectFrom('accounts')
      .select('customerNumber')
      .where('id', '=', accountId)
      .executeTakeFirstOrThrow();
    const asking = {
      subject: 'Zugangsdaten',
      text: `Bitte senden Sie die Zugangsdaten für ${customerNumber}.`,
    };
    await send({ from: 'stranger@elsewhere.example', ...asking });
    await send({ from: 'sam@jura.test', messageId: '<cred-1@mail.jura.test>', ...asking });
    await send({ from: 'sam@jura.test', messageId: '<cred-1@mail.jura.test>', ...asking });
    expect(outcomes).toEqual(['unknown-sender', 'credential-request', 'duplicate']);
    const filed = await t.db.selectFrom('credentialRequests').selectAll().execute();
    expect(filed).toMatchObject([
      { accountId, requesterEmail: 'sam@jura.test', via: 'email', state: 'open' },
    ]);
    expect(await requests()).toHaveLength(0);
    expect(await outboxTo('stranger@elsewhere.example')).toHaveLength(0);
  });

  it('drops an auto-responder’s answer to Kontor’s receipt without filing or replying', async () => {
    await send({ from: 'sam@jura.test', subject: 'Backup', messageId: '<b-1@mail.jura.test>' });
    const [receipt] = await outboxTo('sam@jura.test');
    await send({
      from: 'sam@jura.test',
      subject: `Out of office: ${receipt?.subject}`,
      inReplyTo: receipt?.messageId,
      headers: { 'Auto-Submitted': 'auto-replied' },
      text: 'I am away until Monday.',
    });
    expect(outcomes).toEqual(['opened']);
    const [request] = await requests();
    expect(await messagesOf(request?.id ?? '')).toHaveLength(1);
    expect(await outboxTo('sam@jura.test')).toHaveLength(1);
  });
});
