// Delivers pending outbox rows over SMTP. A row is claimed with a lease before sending, so two
// workers (or two app nodes) never send the same row; a failure schedules a retry with backoff.
import nodemailer from 'nodemailer';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/kysely.ts';
import type { OutboxEmail } from '../../db/schema.ts';
import { addMilliseconds, type Clock, hours } from '../../shared/clock.ts';
import { outgoingLoopHeaders } from '../inbound-mail/index.ts';
import { createMailRepository } from './mail.repository.ts';

export interface MailTransport {
  send(email: OutboxEmail, from: { name: string; address: string }): Promise<void>;
  close(): void;
}

/** `publicUrl` names this Kontor in the loop header, so its own mail coming back is recognised. */
export function smtpTransport(smtpUrl: string, publicUrl: URL): MailTransport {
  const transporter = nodemailer.createTransport(smtpUrl);
  return {
    async send(email, from) {
      await transporter.sendMail({
        from,
        to: email.toAddress,
        subject: email.subject,
        text: email.textBody,
        html: email.htmlBody ?? undefined,
        messageId: email.messageId, // the same on every retry, so receivers can drop a duplicate
        replyTo: email.replyTo ?? undefined,
        // RFC 8058: mail programs offer "unsubscribe", and a POST to the address unsubscribes at once.
        headers: {
          ...outgoingLoopHeaders(publicUrl),
          ...(email.autoSubmitted && { 'Auto-Submitted': email.autoSubmitted }),
          ...(email.listUnsubscribe && {
            'List-Unsubscribe': `<${email.listUnsubscribe}>`,
            'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          }),
        },
      });
    },
    close: () => transporter.close(),
  };
}

const batchSize = 20;

/** 30 s (MAIL_RETRY_FIRST_MS), 1 min, 2 min, … capped at 1 h. */
export function retryDelayMs(attempts: number, firstMs = 30_000): number {
  return Math.min(firstMs * 2 ** Math.max(0, attempts - 1), hours(1));
}

export interface MailWorkerLog {
  warn(details: object, message: string): void;
}

export function createMailWorker(options: {
  db: Db;
  clock: Clock;
  config: Config;
  transport: MailTransport | null;
  log: MailWorkerLog;
}) {
  const { clock, config, transport, log } = options;
  const repository = createMailRepository(options.db);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;

  async function deliver(email: OutboxEmail, activeTransport: MailTransport) {
    const attempts = email.attempts + 1;
    try {
      // nodemailer quotes and encodes the name, whatever characters the provider's name has.
      const from = { name: email.fromName ?? config.mailFrom.name ?? '', address: config.mailFrom.address };
      await activeTransport.send(email, from);
      await repository.markSent(email.id, clock.now().toISOString(), attempts);
      return 'sent' as const;
    } catch (error) {
      const givenUp = attempts >= config.mailMaxAttempts;
      const lastError = error instanceof Error ? error.message.slice(0, 500) : String(error);
      await repository.markFailedAttempt(email.id, {
        attempts,
        nextAttemptAt: addMilliseconds(
          clock.now(),
          retryDelayMs(attempts, config.mailRetryFirstMs),
        ).toISOString(),
        lastError,
        givenUp,
      });
      log.warn({ emailId: email.id, attempts, givenUp, error: lastError }, 'e-mail delivery failed');
      return 'retry' as const;
    }
  }

  /** One pass over the due rows; returns how many were sent and how many wait for a retry. */
  async function runOnce(): Promise<{ sent: number; retry: number }> {
    const outcome = { sent: 0, retry: 0 };
    if (!transport) return outcome;
    const now = clock.now();
    for (const { id } of await repository.findDueIds(now.toISOString(), batchSize)) {
      const email = await repository.claim(
        id,
        now.toISOString(),
        addMilliseconds(now, config.mailLeaseMs).toISOString(),
      );
      if (email) outcome[await deliver(email, transport)] += 1;
    }
    return outcome;
  }

  return {
    runOnce,
    start() {
      if (!transport || timer) return;
      const tick = () => {
        running = runOnce()
          .catch((error) => log.warn({ error: String(error) }, 'mail worker pass failed'))
          .finally(() => {
            running = undefined;
            if (timer) timer = setTimeout(tick, config.mailWorkerIntervalMs);
          });
      };
      timer = setTimeout(tick, 0);
    },
    async stop() {
      clearTimeout(timer);
      timer = undefined;
      await running;
      transport?.close();
    },
  };
}

export type MailWorker = ReturnType<typeof createMailWorker>;
