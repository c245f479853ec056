import type { Config, Locale } from '../../config.ts';
import type { Db } from '../../db/kysely.ts';
import type { OutboxEmail } from '../../db/schema.ts';
import { AppError } from '../../shared/app-error.ts';
import type { Clock } from '../../shared/clock.ts';
import { newId } from '../../shared/tokens.ts';
import type { ProviderService } from '../provider/index.ts';
import type { Subscription } from './mail.layout.tsx';
import { type Addressee, renderEmail } from './mail.render.ts';
import { createMailRepository } from './mail.repository.ts';
import type { EmailTemplateName, EmailTemplates } from './mail.templates.ts';

export type MailDelivery = 'smtp' | 'mailbox';

export function createMailService({
  db,
  clock,
  config,
  provider,
}: {
  db: Db;
  clock: Clock;
  config: Config;
  provider: ProviderService;
}) {
  const repository = createMailRepository(db);
  const delivery: MailDelivery = config.smtpUrl ? 'smtp' : 'mailbox';

  return {
    delivery,

    /**
     * Writes the e-mail as a row through the caller's transaction, so it exists exactly when the
     * change that causes it is committed. Without SMTP it lands straight in the built-in mailbox.
     */
    async enqueueEmail<Name extends EmailTemplateName>(
      transaction: Db,
      options: {
        to: string;
        /** Whom the greeting names. */
        greet: Addressee;
        locale: Locale;
        template: Name;
        params: EmailTemplates[Name];
        /** C2: a notification says why it reaches the recipient and where that is changed. */
        subscription?: Subscription;
        /** RFC 8058: a contact's one-click unsubscribe address, sent as List-Unsubscribe. */
        listUnsubscribe?: string;
        /** Where a reply goes, when not to the sender. */
        replyTo?: string;
        /** RFC 3834: machine-written mail says so, so auto-responders leave it alone. */
        autoSubmitted?: 'auto-generated' | 'auto-replied';
      },
    ): Promise<{ id: string; messageId: string }> {
      const identity = await provider.identity(transaction);
      const rendered = await renderEmail({ ...options, to: options.greet, provider: identity });
      const now = clock.now().toISOString();
      const id = newId();
      const messageId = `<${id}@${config.publicUrl.hostname}>`;
      await repository.insert(transaction, {
        id,
        messageId,
        toAddress: options.to,
        locale: options.locale,
        subject: rendered.subject,
        textBody: rendered.text,
        htmlBody: rendered.html,
        status: delivery === 'smtp' ? 'pending' : 'mailbox',
        nextAttemptAt: now,
        lockedUntil: null,
        lastError: null,
        sentAt: delivery === 'smtp' ? null : now,
        createdAt: now,
        fromName: config.mailFrom.name ?? identity.name,
        listUnsubscribe: options.listUnsubscribe ?? null,
        replyTo: options.replyTo ?? null,
        autoSubmitted: options.autoSubmitted ?? null,
      });
      return { id, messageId };
    },

    async listMailbox(options: { page: number; pageSize: number }) {
      const [rows, total] = await Promise.all([
        repository.list((options.page - 1) * options.pageSize, options.pageSize),
        repository.count(),
      ]);
      return {
        items: rows.map(toSummary),
        total,
        page: options.page,
        pageSize: options.pageSize,
        delivery,
      };
    },

    async getMailboxMessage(id: string) {
      const row = await repository.findById(id);
      if (!row) throw new AppError('NOT_FOUND');
      return { ...toSummary(row), text: row.textBody, html: row.htmlBody };
    },
  };
}

function toSummary(
  row: Omit<
    OutboxEmail,
    | 'textBody'
    | 'htmlBody'
    | 'messageId'
    | 'locale'
    | 'nextAttemptAt'
    | 'lockedUntil'
    | 'fromName'
    | 'listUnsubscribe'
    | 'replyTo'
    | 'autoSubmitted'
  >,
) {
  return {
    id: row.id,
    to: row.toAddress,
    subject: row.subject,
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    createdAt: row.createdAt,
    sentAt: row.sentAt,
  };
}

export type MailService = ReturnType<typeof createMailService>;
