// Kontor's own SMTP listener for support mail, meant to sit behind the provider's MTA on 127.0.0.1.
// Every outcome is an SMTP reply: 5xx for what can never be accepted (the MTA bounces it), 250 for
// what is accepted (filed or deliberately ignored), 451 for anything that went wrong here, so the
// MTA keeps the message and tries again later. It never sends mail itself (no backscatter).
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { InboundMailConfig } from '../../config.ts';
import { automatedReason } from './inbound-mail.filter.ts';
import { type InboundMessage, malformedReason, toInboundMessage } from './inbound-mail.message.ts';

export type InboundMailHandler = (message: InboundMessage) => Promise<void>;

export interface InboundMailLog {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface InboundMail {
  /** Starts listening; resolves with the bound port (useful with port 0). */
  listen(): Promise<{ port: number }>;
  /** Stops accepting; a message still being received is cut off and retried by the MTA. */
  close(): Promise<void>;
}

const maxClients = 20;
const maxRecipients = 20;

class SmtpReply extends Error {
  constructor(
    readonly responseCode: number,
    message: string,
  ) {
    super(message);
  }
}

export function createInboundMail(options: {
  config: { publicUrl: URL; inboundMail: InboundMailConfig };
  log: InboundMailLog;
  handle: InboundMailHandler;
}): InboundMail {
  const { log, handle } = options;
  const settings = options.config.inboundMail;
  const ownHost = options.config.publicUrl.hostname;
  const recipients = new Set(settings.recipients.map((address) => address.toLowerCase()));

  async function receive(raw: Buffer, session: SMTPServerSession): Promise<string> {
    const envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address.toLowerCase() : '';
    const to = session.envelope.rcptTo.map((recipient) => recipient.address.toLowerCase());
    const context = { session: session.id, envelopeFrom, to };
    let parsed: ParsedMail;
    try {
      parsed = await simpleParser(raw, { skipHtmlToText: true, skipTextToHtml: true, keepCidLinks: true });
    } catch (error) {
      log.warn({ ...context, error: describe(error) }, 'inbound mail refused: unparseable');
      throw new SmtpReply(554, 'Error: the message could not be parsed');
    }
    // A bounce or notification is dropped before its form matters: refusing it would bounce a bounce.
    const automated = automatedReason(parsed, envelopeFrom, ownHost);
    if (automated && envelopeFrom === '') return ignored(context, automated);
    const malformed = malformedReason(parsed);
    if (malformed) {
      log.warn({ ...context, reason: malformed }, 'inbound mail refused: malformed');
      throw new SmtpReply(550, `Error: malformed message: ${malformed}`);
    }
    if (automated) return ignored(context, automated);
    const message = toInboundMessage(
      parsed,
      { from: envelopeFrom, to },
      { maxAttachmentBytes: settings.maxAttachmentBytes, maxTotalBytes: settings.maxBytes },
    );
    await handle(message);
    log.info(
      { ...context, messageId: message.messageId, droppedAttachments: message.droppedAttachments },
      'inbound mail accepted',
    );
    return 'OK: message accepted';
  }

  function ignored(context: object, reason: string): string {
    log.info({ ...context, reason }, 'inbound mail ignored (automated)');
    return 'OK: message accepted';
  }

  function onData(
    stream: SMTPServerDataStream,
    session: SMTPServerSession,
    callback: (error?: Error | null, message?: string) => void,
  ) {
    const chunks: Buffer[] = [];
    let buffered = 0;
    let answered = false;
    const answer = (error: Error | null, message?: string) => {
      if (answered) return;
      answered = true;
      callback(error, message);
    };
    stream.on('data', (chunk: Buffer) => {
      buffered += chunk.length;
      if (buffered <= settings.maxBytes) chunks.push(chunk);
    });
    stream.on('error', (error) => {
      log.error({ session: session.id, error: describe(error) }, 'inbound mail stream failed');
      answer(temporaryFailure());
    });
    stream.on('end', () => {
      if (stream.sizeExceeded || buffered > settings.maxBytes) {
        log.warn({ session: session.id, bytes: buffered }, 'inbound mail refused: too large');
        answer(new SmtpReply(552, `Error: message exceeds fixed maximum message size ${settings.maxBytes}`));
        return;
      }
      receive(Buffer.concat(chunks), session).then(
        (message) => answer(null, message),
        (error: unknown) => {
          if (error instanceof SmtpReply) return answer(error);
          log.error({ session: session.id, error: describe(error) }, 'inbound mail failed; the MTA retries');
          answer(temporaryFailure());
        },
      );
    });
  }

  const server = new SMTPServer({
    name: ownHost,
    banner: 'Kontor support mail',
    size: settings.maxBytes,
    // Behind the MTA on 127.0.0.1: no certificate to offer and no users to sign in.
    disabledCommands: ['STARTTLS', 'AUTH'],
    disableReverseLookup: true,
    maxClients,
    maxRecipients,
    closeTimeout: 10_000,
    logger: false,
    onRcptTo(address, _session, callback) {
      if (recipients.has(address.address.toLowerCase())) return callback();
      callback(new SmtpReply(550, `Error: no mailbox ${address.address} here`));
    },
    onData(stream, session, callback) {
      try {
        onData(stream, session, callback);
      } catch (error) {
        log.error({ session: session.id, error: describe(error) }, 'inbound mail failed; the MTA retries');
        callback(temporaryFailure());
      }
    },
  });
  server.on('error', (error) => log.error({ error: describe(error) }, 'inbound mail listener error'));

  return {
    listen: () =>
      new Promise((resolve, reject) => {
        const failed = (error: Error) => reject(error);
        server.server.once('error', failed);
        server.listen(settings.port, settings.host, () => {
          server.server.off('error', failed);
          resolve({ port: (server.server.address() as AddressInfo).port });
        });
      }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function temporaryFailure(): SmtpReply {
  return new SmtpReply(451, 'Error: temporary local problem, please try again later');
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message.slice(0, 500) : String(error);
}
