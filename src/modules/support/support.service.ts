// C3: support requests by web. Members with "open support requests" open a request, follow its thread and
// reply; operators answer and change its state. Every change is audited in the account, and its e-mails go
// through the outbox in the same transaction, so none is lost. The e-mail path (inbound SMTP) files its
// messages through the same functions, with `via: 'email'` and the message's Message-ID.
import type { Config, Locale } from '../../config.ts';
import type { Db } from '../../db/kysely.ts';
import type { SupportRequest, SupportState } from '../../db/schema.ts';
import { AppError } from '../../shared/app-error.ts';
import type { Clock } from '../../shared/clock.ts';
import { isUniqueViolation } from '../../shared/db-errors.ts';
import { newId } from '../../shared/tokens.ts';
import type { AuditActor, AuditService } from '../audit/index.ts';
import type { Notifications } from '../contacts/index.ts';
import type { MailService } from '../mail/index.ts';
import { type AttachmentInput, type CheckedAttachment, checkAttachments } from './attachments.ts';
import { type Author, type CustomerAuthor, customerAuthor } from './support.authors.ts';
import { createSupportRepository, type InboxFilter } from './support.repository.ts';

export type { CustomerAuthor };

import { accountView, referenceOf, summary, thread } from './support.views.ts';

export interface CustomerMessage {
  accountId: string;
  from: CustomerAuthor;
  actor: AuditActor;
  text: string;
  attachments?: AttachmentInput[];
  via?: 'web' | 'email';
  /** The e-mail's Message-ID, when the message came by e-mail. */
  messageId?: string | null;
}

export interface OperatorContext {
  actor: AuditActor;
  operatorId: string;
  operatorName: string;
}

const day = 24 * 60 * 60 * 1000;

/** When Kontor receives mail, its support e-mails are answered by e-mail to the first support address. */
export const supportReplyTo = (config: Config) => config.inboundMail?.recipients[0];

export function createSupportService({
  db,
  clock,
  config,
  mail,
  audit,
  notifications,
}: {
  db: Db;
  clock: Clock;
  config: Config;
  mail: MailService;
  audit: AuditService;
  notifications: Notifications;
}) {
  const repository = createSupportRepository();
  const requestUrl = (id: string) => new URL(`/account/support/${id}`, config.publicUrl).href;
  const replyTo = supportReplyTo(config);
  const byEmail = replyTo !== undefined;

  /** Remembers the Message-IDs of a request's e-mails: a reply names them in In-Reply-To or References. */
  async function remember(executor: Db, requestId: string, messageIds: string[], at: string) {
    for (const messageId of messageIds)
      await repository.insertOutgoing(executor, { messageId, requestId, createdAt: at });
  }

  /** Message times only move forward, so a thread keeps its order even within one millisecond. */
  async function momentAfter(executor: Db, requestId: string | null) {
    const now = clock.now().getTime();
    const last = requestId ? (await repository.messages(executor, requestId)).at(-1) : undefined;
    const after = last ? Date.parse(last.createdAt) + 1 : 0;
    return new Date(Math.max(now, after)).toISOString();
  }

  async function addMessage(
    executor: Db,
    requestId: string,
    author: Pick<Author, 'kind' | 'id' | 'name'>,
    message: {
      text: string;
      attachments: CheckedAttachment[];
      via: 'web' | 'email';
      messageId: string | null;
    },
    at: string,
  ) {
    const id = newId();
    await repository.insertMessage(executor, {
      id,
      requestId,
      authorKind: author.kind,
      authorId: author.id,
      authorName: author.name,
      body: message.text,
      via: message.via,
      messageId: message.messageId,
      createdAt: at,
    });
    for (const [position, attachment] of message.attachments.entries()) {
      await repository.insertAttachment(executor, {
        id: newId(),
        messageId: id,
        position,
        ...attachment,
        createdAt: at,
      });
    }
    return id;
  }

  const target = (request: Pick<SupportRequest, 'id' | 'number'>) => ({
    type: 'support_request',
    id: request.id,
    name: { name: referenceOf(request.number) },
  });

  async function threadOf(executor: Db, request: SupportRequest) {
    return thread(
      request,
      await repository.messages(executor, request.id),
      await repository.attachmentsOf(executor, request.id),
    );
  }

  async function existing(executor: Db, requestId: string, accountId?: string) {
    const request = await repository.find(executor, requestId, accountId);
    if (!request) throw new AppError('NOT_FOUND');
    return request;
  }

  /** Whom an answer reaches personally: the requester as they are now, or as they were when they wrote. */
  async function requesterOf(executor: Db, request: SupportRequest) {
    const from: CustomerAuthor | null = request.requesterUserId
      ? { kind: 'member', id: request.requesterUserId }
      : request.requesterContactId
        ? { kind: 'contact', id: request.requesterContactId }
        : null;
    const now = from
      ? await customerAuthor(repository, executor, request.accountId, from).catch(() => null)
      : null;
    if (now) return { email: now.email, locale: now.locale, greet: now.greet };
    const locale = (await repository.account(executor, request.accountId)).accountLocale as Locale;
    return { email: request.requesterEmail, locale, greet: { name: request.requesterName } };
  }

  /** A unique index keeps numbers unique; a request that lost the race for one tries the next. */
  async function withNextNumber<T>(write: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await write();
      } catch (error) {
        if (!isUniqueViolation(error) || attempt >= 5) throw error;
      }
    }
  }

  return {
    list: async (accountId: string) => ({
      items: (await repository.listInAccount(db, accountId)).map(summary),
    }),

    get: async (accountId: string, requestId: string) =>
      threadOf(db, await existing(db, requestId, accountId)),

    /** Opens a request for a member (web) or a contact (the e-mail path); the requester gets a receipt. */
    async open(input: CustomerMessage & { subject: string }) {
      const attachments = checkAttachments(input.attachments);
      return withNextNumber(() =>
        db.transaction().execute(async (transaction) => {
          const author = await customerAuthor(repository, transaction, input.accountId, input.from);
          const at = await momentAfter(transaction, null);
          const request: SupportRequest = {
            id: newId(),
            accountId: input.accountId,
            number: await repository.nextNumber(transaction),
            subject: input.subject.trim(),
            state: 'open',
            requesterUserId: author.kind === 'member' ? author.id : null,
            requesterContactId: author.kind === 'contact' ? author.id : null,
            requesterName: author.name,
            requesterEmail: author.email,
            createdAt: at,
            updatedAt: at,
            lastActivityAt: at,
          };
          await repository.insertRequest(transaction, request);
          const message = {
            text: input.text,
            attachments,
            via: input.via ?? 'web',
            messageId: input.messageId ?? null,
          };
          await addMessage(transaction, request.id, author, message, at);
          await audit.record(transaction, {
            actor: input.actor,
            accountId: input.accountId,
            action: 'support.request_opened',
            target: target(request),
            details: { subject: request.subject, attachments: attachments.length, via: message.via },
          });
          const receipt = await mail.enqueueEmail(transaction, {
            to: author.email,
            greet: author.greet,
            locale: author.locale,
            template: 'supportReceived',
            params: {
              reference: referenceOf(request.number),
              subject: request.subject,
              requestUrl: requestUrl(request.id),
              byEmail,
            },
            ...(replyTo && { replyTo }),
          });
          await remember(transaction, request.id, [receipt.messageId], at);
          return threadOf(transaction, request);
        }),
      );
    },

    /**
     * A customer's reply (web, or the e-mail path): only from someone who may still write for the account.
     * It reopens a request that was waiting or closed.
     */
    async addCustomerMessage(input: CustomerMessage & { requestId: string }) {
      const attachments = checkAttachments(input.attachments);
      return db.transaction().execute(async (transaction) => {
        const request = await existing(transaction, input.requestId, input.accountId);
        const author = await customerAuthor(repository, transaction, input.accountId, input.from);
        const at = await momentAfter(transaction, request.id);
        const via = input.via ?? 'web';
        await addMessage(
          transaction,
          request.id,
          author,
          { text: input.text, attachments, via, messageId: input.messageId ?? null },
          at,
        );
        await repository.updateRequest(transaction, request.id, {
          state: 'open',
          updatedAt: at,
          lastActivityAt: at,
        });
        await audit.record(transaction, {
          actor: input.actor,
          accountId: request.accountId,
          action: 'support.customer_replied',
          target: target(request),
          details: { attachments: attachments.length, via, from: request.state },
        });
        return threadOf(transaction, await existing(transaction, request.id));
      });
    },

    async attachment(requestId: string, attachmentId: string, accountId?: string) {
      await existing(db, requestId, accountId);
      const attachment = await repository.attachment(db, requestId, attachmentId);
      if (!attachment) throw new AppError('NOT_FOUND');
      return attachment;
    },

    async inbox(query: {
      state?: SupportState;
      account?: string;
      olderThanDays?: number;
      page: number;
      pageSize: number;
    }) {
      const account = query.account?.trim();
      const filter: InboxFilter = {
        state: query.state,
        ...(account
          ? /^\d{7}-\d$/.test(account)
            ? { customerNumber: account }
            : { accountId: account }
          : {}),
        before:
          query.olderThanDays !== undefined
            ? new Date(clock.now().getTime() - query.olderThanDays * day).toISOString()
            : undefined,
        limit: query.pageSize,
        offset: (query.page - 1) * query.pageSize,
      };
      const { items, total } = await repository.inbox(db, filter);
      return {
        items: items.map((row) => ({ ...summary(row), account: accountView(row) })),
        total,
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    async operatorGet(requestId: string) {
      const request = await existing(db, requestId);
      return {
        ...(await threadOf(db, request)),
        account: accountView(await repository.account(db, request.accountId)),
      };
    },

    /** An operator's answer, by e-mail to the requester and the account's support subscribers, each once. */
    async answer(
      context: OperatorContext,
      requestId: string,
      input: { text: string; attachments?: AttachmentInput[]; state?: SupportState },
    ) {
      const attachments = checkAttachments(input.attachments);
      await db.transaction().execute(async (transaction) => {
        const request = await existing(transaction, requestId);
        const at = await momentAfter(transaction, request.id);
        const state = input.state ?? 'waiting_for_customer';
        const author = { kind: 'operator' as const, id: context.operatorId, name: context.operatorName };
        await addMessage(
          transaction,
          request.id,
          author,
          { text: input.text, attachments, via: 'web', messageId: null },
          at,
        );
        await repository.updateRequest(transaction, request.id, { state, updatedAt: at, lastActivityAt: at });
        await audit.record(transaction, {
          actor: context.actor,
          accountId: request.accountId,
          action: 'support.answered',
          target: target(request),
          details: { attachments: attachments.length, state },
        });
        const sent = await notifications.raise(transaction, {
          accountId: request.accountId,
          category: 'support',
          template: 'supportAnswer',
          params: () => ({
            reference: referenceOf(request.number),
            subject: request.subject,
            operatorName: context.operatorName,
            answer: input.text,
            requestUrl: requestUrl(request.id),
            byEmail,
          }),
          alsoTo: await requesterOf(transaction, request),
          ...(replyTo && { replyTo }),
        });
        await remember(transaction, request.id, sent, at);
      });
      return this.operatorGet(requestId);
    },

    async changeState(context: OperatorContext, requestId: string, state: SupportState) {
      await db.transaction().execute(async (transaction) => {
        const request = await existing(transaction, requestId);
        if (request.state === state) return;
        await repository.updateRequest(transaction, request.id, {
          state,
          updatedAt: clock.now().toISOString(),
        });
        await audit.record(transaction, {
          actor: context.actor,
          accountId: request.accountId,
          action: 'support.state_changed',
          target: target(request),
          details: { from: request.state, to: state },
        });
      });
      return this.operatorGet(requestId);
    },
  };
}

export type SupportService = ReturnType<typeof createSupportService>;
