// The listener on 127.0.0.1 with a real SMTP client (nodemailer) and, where the protocol itself is
// tested, a plain socket speaking SMTP. Every test asserts on the reply codes and on what the
// handler received.
import net from 'node:net';
import nodemailer, { type SendMailOptions } from 'nodemailer';

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { smtpTransport } from '../mail/index.ts';
import { createInboundMail, type InboundMail, type InboundMessage } from './index.ts';

const config = loadConfig({
  PUBLIC_URL: 'https://portal.example.com',
  INBOUND_SMTP_PORT: '2525',
  INBOUND_MAX_BYTES: '200000',
  INBOUND_MAX_ATTACHMENT_BYTES: '50000',
});
const support = 'support@portal.example.com';

let received: InboundMessage[] = [];
let logged: { details: Record<string, unknown>; message: string }[] = [];
let failHandler = false;
let listener: InboundMail;
let port = 0;

beforeAll(async () => {
  if (!config.inboundMail) throw new Error('INBOUND_SMTP_PORT was not read');
  const record = (details: object, message: string) =>
    logged.push({ details: details as Record<string, unknown>, message });
  listener = createInboundMail({
    config: { publicUrl: config.publicUrl, inboundMail: { ...config.inboundMail, port: 0 } },
    log: { info: record, warn: record, error: record },
    handle: async (message) => {
      if (failHandler) throw new Error('database is down');
      received.push(message);
    },
  });
  ({ port } = await listener.listen());
});
afterAll(() => listener.close());
beforeEach(() => {
  received = [];
  logged = [];
  failHandler = false;
});

async function send(mail: SendMailOptions) {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  try {
    return await transport.sendMail({ from: 'Ann Example <Ann@Customer.example>', to: support, ...mail });
  } finally {
    transport.close();
  }
}

async function sendFailure(mail: SendMailOptions): Promise<number | undefined> {
  const error = await send(mail).then(
    () => null,
    (caught: { responseCode?: number }) => caught,
  );
  expect(error, 'the message was accepted').not.toBeNull();
  return error?.responseCode;
}

/** A plain SMTP conversation; returns each reply's code, the greeting first. */
async function converse(
  steps: (string | { data: string })[],
): Promise<{ codes: number[]; replies: string[] }> {
  const socket = net.connect(port, '127.0.0.1');
  let buffer = '';
  let waiting: ((reply: string) => void) | undefined;
  const check = () => {
    const complete = /^(?:\d{3}-[^\r\n]*\r\n)*\d{3} [^\r\n]*\r\n/.exec(buffer);
    if (complete && waiting) {
      buffer = buffer.slice(complete[0].length);
      const resolve = waiting;
      waiting = undefined;
      resolve(complete[0]);
    }
  };
  socket.on('data', (chunk) => {
    buffer += chunk.toString('utf8');
    check();
  });
  const reply = () =>
    new Promise<string>((resolve) => {
      waiting = resolve;
      check();
    });
  const replies = [await reply()];
  for (const step of steps) {
    if (typeof step === 'string') socket.write(`${step}\r\n`);
    else socket.write(`${step.data.replace(/\r?\n/g, '\r\n').replace(/^\./gm, '..')}\r\n.\r\n`);
    replies.push(await reply());
  }
  socket.end('QUIT\r\n');
  return { codes: replies.map((line) => Number(line.slice(0, 3))), replies };
}

function rawMessage(headers: string, body = 'Hello,\nplease help.\n'): { data: string } {
  return { data: `${headers.trim()}\nMessage-ID: <m${Math.random()}@customer.example>\n\n${body}` };
}

const envelope = (from: string) => [
  'EHLO mta.example',
  `MAIL FROM:<${from}>`,
  `RCPT TO:<${support}>`,
  'DATA',
];

describe('accepted mail', () => {
  it('hands a normal message with its text and attachment to the handler', async () => {
    const info = await send({
      subject: 'Re: [#4711] More storage',
      text: 'Please add 10 GB.\nThanks, Ann',
      inReplyTo: '<answer-1@portal.example.com>',
      references: ['<request-1@portal.example.com>', '<answer-1@portal.example.com>'],
      attachments: [{ filename: '../../etc/invoice\u202Efdp.pdf', content: Buffer.from('%PDF-1.4 …') }],
    });
    expect(info.response).toMatch(/^250 /);
    expect(received).toHaveLength(1);
    const [message] = received;
    expect(message).toMatchObject({
      envelopeFrom: 'ann@customer.example',
      from: { address: 'ann@customer.example', name: 'Ann Example' },
      to: [support],
      subject: 'Re: [#4711] More storage',
      inReplyTo: '<answer-1@portal.example.com>',
      references: ['<request-1@portal.example.com>', '<answer-1@portal.example.com>'],
      text: 'Please add 10 GB.\nThanks, Ann',
      droppedAttachments: 0,
    });
    expect(message?.messageId).toBe(info.messageId);
    expect(message?.attachments).toHaveLength(1);
    expect(message?.attachments[0]).toMatchObject({
      filename: 'invoicefdp.pdf',
      contentType: 'application/pdf',
      size: Buffer.byteLength('%PDF-1.4 …'),
    });
    expect(message?.attachments[0]?.content.toString()).toBe('%PDF-1.4 …');
  });

  it('turns HTML-only mail into text without scripts, styles or links', async () => {
    await send({
      subject: 'HTML only',
      html:
        '<html><head><style>p { color: red }</style><script>alert("head")</script></head><body>' +
        '<p>First line &amp; more</p><div>Second<br>Third</div><script>alert(1)</script>' +
        '<a href="javascript:alert(2)" onclick="alert(3)">the link</a><img src="x" onerror="alert(4)"></body></html>',
    });
    expect(received).toHaveLength(1);
    const text = received[0]?.text ?? '';
    expect(text).toBe('First line & more\n\nSecond\nThird\nthe link');
    expect(text).not.toMatch(/alert|script|javascript|onclick|color/);
  });

  it('keeps at most 5 attachments within the size limit and reports how many were dropped', async () => {
    const small = (index: number) => ({ filename: `scan-${index}.png`, content: Buffer.alloc(1000, index) });
    await send({
      subject: 'Many files',
      text: 'See attached.',
      attachments: [
        small(1),
        { filename: 'huge.bin', content: Buffer.alloc(60_000, 7) },
        small(2),
        small(3),
        small(4),
        small(5),
        small(6),
      ],
    });
    expect(received).toHaveLength(1);
    expect(received[0]?.attachments.map((attachment) => attachment.filename)).toEqual([
      'scan-1.png',
      'scan-2.png',
      'scan-3.png',
      'scan-4.png',
      'scan-5.png',
    ]);
    expect(received[0]?.droppedAttachments).toBe(2);
  });

  it('strips encoded CR/LF from the subject and the sender name', async () => {
    const encoded = (value: string) => `=?UTF-8?B?${Buffer.from(value).toString('base64')}?=`;
    const { codes } = await converse([
      ...envelope('ann@customer.example'),
      rawMessage(
        `From: ${encoded('Ann\r\nBcc: victim@example.com')} <ann@customer.example>\nTo: ${support}\n` +
          `Subject: ${encoded('Hello\r\nBcc: evil@example.com\r\n\r\nbody')}`,
      ),
    ]);
    expect(codes.at(-1)).toBe(250);
    expect(received).toHaveLength(1);
    expect(received[0]?.subject).toBe('Hello Bcc: evil@example.com body');
    expect(received[0]?.from.name).toBe('Ann Bcc: victim@example.com');
  });
});

describe('refused mail', () => {
  it('announces the size limit and refuses a larger message with 552 at the end of DATA', async () => {
    const { codes, replies } = await converse([
      ...envelope('ann@customer.example'),
      rawMessage(
        `From: ann@customer.example\nTo: ${support}\nSubject: big`,
        `${'x'.repeat(998)}\n`.repeat(250),
      ),
    ]);
    expect(replies[1]).toContain('SIZE 200000');
    expect(codes).toEqual([220, 250, 250, 250, 354, 552]);
    expect(received).toHaveLength(0);
  });

  it('refuses a message without From, with two From headers or with two mailboxes with 550', async () => {
    for (const headers of [
      `To: ${support}\nSubject: who am I`,
      `From: ann@customer.example\nFrom: bob@customer.example\nTo: ${support}\nSubject: two`,
      `From: ann@customer.example, bob@customer.example\nTo: ${support}\nSubject: two mailboxes`,
      `From: undisclosed\nTo: ${support}\nSubject: no address`,
    ]) {
      const { codes } = await converse([...envelope('ann@customer.example'), rawMessage(headers)]);
      expect(codes.at(-1), headers).toBe(550);
    }
    expect(received).toHaveLength(0);
  });

  it('refuses any recipient but the support address with 550', async () => {
    const { codes } = await converse([
      'EHLO mta.example',
      'MAIL FROM:<ann@customer.example>',
      'RCPT TO:<sales@portal.example.com>',
      `RCPT TO:<${support.toUpperCase()}>`,
    ]);
    expect(codes).toEqual([220, 250, 250, 550, 250]);
  });

  it('answers 451 when the handler fails, so the MTA tries again', async () => {
    failHandler = true;
    expect(await sendFailure({ subject: 'Lost?', text: 'Not lost.' })).toBe(451);
    expect(logged.some((line) => line.details.error === 'database is down')).toBe(true);
    failHandler = false;
    await send({ subject: 'Lost?', text: 'Not lost.' });
    expect(received.map((message) => message.subject)).toEqual(['Lost?']);
  });
});

describe('automated mail is accepted and ignored', () => {
  const markers: [string, Record<string, string>][] = [
    ['Auto-Submitted: auto-replied', { 'Auto-Submitted': 'auto-replied' }],
    ['Auto-Submitted: auto-generated', { 'Auto-Submitted': 'Auto-Generated; owner-email="x@y.example"' }],
    ['Precedence: bulk', { Precedence: 'bulk' }],
    ['Precedence: junk', { Precedence: 'junk' }],
    ['Precedence: list', { Precedence: 'List' }],
    ['X-Autoreply', { 'X-Autoreply': 'yes' }],
    ['X-Autorespond', { 'X-Autorespond': 'Out of office' }],
    ['X-Auto-Response-Suppress', { 'X-Auto-Response-Suppress': 'All' }],
    ['List-Id', { 'List-Id': 'Customers <customers.lists.example>' }],
    ['Kontor’s loop header', { 'X-Kontor-Loop': 'portal.example.com' }],
    ['another Kontor’s loop header', { 'X-Kontor-Loop': 'kontor.other.example' }],
  ];
  for (const [name, headers] of markers) {
    it(`ignores mail with ${name}`, async () => {
      const info = await send({ subject: 'I am away', text: 'Back on Monday.', headers });
      expect(info.response).toMatch(/^250 /);
      expect(received).toHaveLength(0);
      expect(
        logged.find((line) => line.message === 'inbound mail ignored (automated)')?.details.reason,
      ).toBeTruthy();
    });
  }

  it('files mail that says Auto-Submitted: no', async () => {
    await send({ subject: 'Written by hand', text: 'Hi', headers: { 'Auto-Submitted': 'no' } });
    expect(received).toHaveLength(1);
  });

  it('ignores Kontor’s own Message-ID coming back', async () => {
    await send({ subject: 'Your invoice', text: 'Attached.', messageId: '<outbox-17@portal.example.com>' });
    expect(received).toHaveLength(0);
  });

  it('ignores an e-mail Kontor itself sent that comes back (an auto-forward of a notification)', async () => {
    // What the outbox worker sends, with a Message-ID another host rewrote: the loop header still tells.
    const transport = smtpTransport(`smtp://127.0.0.1:${port}`, config.publicUrl);
    await transport.send(
      {
        id: 'outbox-1',
        messageId: '<rewritten@relay.example>',
        toAddress: support,
        locale: 'de',
        subject: 'Ihre Rechnung',
        textBody: 'Anbei.',
        htmlBody: null,
        status: 'pending',
        attempts: 0,
        nextAttemptAt: '',
        lockedUntil: null,
        lastError: null,
        sentAt: null,
        createdAt: '',
        fromName: null,
        listUnsubscribe: null,
        replyTo: null,
        autoSubmitted: null,
      },
      { name: 'Kontor', address: 'ann@customer.example' },
    );
    transport.close();
    expect(received).toHaveLength(0);
    expect(logged.map((line) => line.details.reason)).toContain('Kontor’s own e-mail');
  });

  it('ignores the null sender, even for a message it would otherwise refuse', async () => {
    for (const headers of [
      `From: mailer-daemon@mta.example\nTo: ${support}\nSubject: Undelivered`,
      'Subject: x',
    ]) {
      const { codes } = await converse([...envelope(''), rawMessage(headers)]);
      expect(codes).toEqual([220, 250, 250, 250, 354, 250]);
    }
    expect(received).toHaveLength(0);
    expect(logged.filter((line) => String(line.details.reason).startsWith('null sender'))).toHaveLength(2);
  });
});
