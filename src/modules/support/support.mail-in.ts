// C3 by e-mail: what Kontor does with a message its SMTP listener accepted. A reply to a request (its
// Message-IDs in In-Reply-To or References, or "[#K-000123]" in the subject) continues that request when
// the sender may still write for its account; a message from a member with "open support requests" or a
// contact allowed to raise requests opens one; "send me the access data for customer number …" from a
// member or contact of that account becomes a credential request. Anybody else gets nothing filed and no
// reply (no backscatter). Every message is filed once per Message-ID, so an MTA's retry changes nothing.
import type { Config, Locale } from '../../config.ts';
import type { Db } from '../../db/kysely.ts';
import { AppError } from '../../shared/app-error.ts';
import { customerNumbersIn } from '../../shared/numbers.ts';
import type { AuditActor } from '../audit/index.ts';
import { type CredentialRequestsService, credentialRequestIn } from '../credential-requests/index.ts';
import type { InboundMessage } from '../inbound-mail/index.ts';
import type { MailService } from '../mail/index.ts';
import { type AttachmentInput, checkAttachments } from './attachments.ts';
import { type CustomerAuthor, customerAuthor } from './support.authors.ts';
import { supportErrors } from './support.errors.ts';
import { createSupportRepository } from './support.repository.ts';
import { type SupportService, supportReplyTo } from './support.service.ts';

export type InboundOutcome =
  /** This Message-ID was filed before. */
  | 'duplicate'
  /** A reply added to an existing request. */
  | 'replied'
  /** A new request. */
  | 'opened'
  /** Handed to the operators as a credential request (issue 11.6). */
  | 'credential-request'
  /** A sender allowed in several accounts, with none named: asked by reply for the customer number. */
  | 'asked-for-customer-number'
  /** A reply to a request whose account does not (or no longer) let this sender write. */
  | 'not-allowed'
  /** Nobody allowed to raise requests anywhere. */
  | 'unknown-sender';

const subjectLimit = 200;
const textLimit = 20_000;
const referenceInSubject = /\[#K-(\d{1,9})\]/i;
const authorActor = (from: CustomerAuthor): AuditActor =>
  from.kind === 'member'
    ? { type: 'user', id: from.id, ipAddress: null }
    : { type: 'system', id: null, ipAddress: null };

/** Attachments as the web path receives them; any the checks refuse is left out, the message is kept. */
function usableAttachments(message: InboundMessage): AttachmentInput[] {
  return message.attachments
    .map((attachment) => ({
      filename: attachment.filename,
      contentType: attachment.contentType,
      data: attachment.content.toString('base64'),
    }))
    .filter((input) => {
      try {
        checkAttachments([input]);
        return true;
      } catch {
        return false;
      }
    })
    .slice(0, 5);
}

function bodyOf(message: InboundMessage): string {
  const text = message.text.trim() || '—';
  return text.length > textLimit ? `${text.slice(0, textLimit - 1)}…` : text;
}

function subjectOf(message: InboundMessage): string {
  const subject =
    message.subject.replace(/^((re|aw|fwd?|wg|vs|válasz)\s*:\s*)+/i, '').trim() ||
    message.text.split('\n', 1)[0]?.trim() ||
    '—';
  return subject.length > subjectLimit ? `${subject.slice(0, subjectLimit - 1)}…` : subject;
}

export function createSupportMailIn({
  db,
  config,
  mail,
  support,
  credentialRequests,
}: {
  db: Db;
  config: Config;
  mail: MailService;
  support: SupportService;
  credentialRequests: CredentialRequestsService;
}) {
  const repository = createSupportRepository();
  const replyTo = supportReplyTo(config);

  /** The request a message answers: by its Message-IDs first, then by the reference in its subject. */
  async function requestAnswered(message: InboundMessage) {
    const ids = [message.inReplyTo, ...message.references].filter((id): id is string => id !== null);
    const byThread = await repository.requestOfMessageIds(db, ids);
    if (byThread) return repository.find(db, byThread);
    const reference = referenceInSubject.exec(message.subject);
    return reference ? repository.byNumber(db, Number(reference[1])) : undefined;
  }

  /** Everyone with the sender's address who may write for their account now, one per account. */
  async function allowedSenders(address: string, accountId?: string) {
    const people = await repository.peopleWithAddress(db, address);
    const allowed = new Map<string, { from: CustomerAuthor; customerNumber: string; locale: Locale }>();
    for (const person of people) {
      if (accountId !== undefined && person.accountId !== accountId) continue;
      if (allowed.has(person.accountId)) continue;
      const from = { kind: person.kind, id: person.id };
      const author = await customerAuthor(repository, db, person.accountId, from).catch((error) => {
        if (error instanceof AppError && error.code === supportErrors.SUPPORT_AUTHOR_NOT_ALLOWED) return null;
        throw error;
      });
      if (author)
        allowed.set(person.accountId, { from, customerNumber: person.customerNumber, locale: author.locale });
    }
    return [...allowed].map(([id, sender]) => ({ accountId: id, ...sender }));
  }

  /** RFC 3834: an automatic answer, only ever to a sender Kontor knows, naming no account. */
  async function askForCustomerNumber(message: InboundMessage, locale: Locale) {
    await db.transaction().execute((transaction) =>
      mail.enqueueEmail(transaction, {
        to: message.from.address,
        greet: { name: message.from.name || message.from.address },
        locale,
        template: 'supportWhichAccount',
        params: { subject: message.subject || '—' },
        autoSubmitted: 'auto-replied',
        ...(replyTo && { replyTo }),
      }),
    );
  }

  return async function fileMessage(message: InboundMessage): Promise<InboundOutcome> {
    if (message.messageId && (await repository.isFiled(db, message.messageId))) return 'duplicate';
    const content = {
      text: bodyOf(message),
      attachments: usableAttachments(message),
      via: 'email' as const,
      messageId: message.messageId,
    };
    const request = await requestAnswered(message);
    if (request) {
      const [sender] = await allowedSenders(message.from.address, request.accountId);
      if (!sender) return 'not-allowed';
      await support.addCustomerMessage({
        accountId: request.accountId,
        requestId: request.id,
        from: sender.from,
        actor: authorActor(sender.from),
        ...content,
      });
      return 'replied';
    }
    const askingForCredentials = credentialRequestIn(message.subject, message.text);
    if (askingForCredentials) {
      const filed = await credentialRequests.receiveEmail({
        customerNumber: askingForCredentials.customerNumber,
        from: message.from,
        text: message.text,
        messageId: message.messageId,
      });
      if (filed === 'ignored') return 'unknown-sender';
      return filed === 'filed' ? 'credential-request' : 'duplicate';
    }
    const senders = await allowedSenders(message.from.address);
    if (senders.length === 0) return 'unknown-sender';
    const mentioned = new Set(customerNumbersIn(message.subject));
    const named = senders.filter((candidate) => mentioned.has(candidate.customerNumber));
    const sender = senders.length === 1 ? senders[0] : named.length === 1 ? named[0] : undefined;
    if (!sender) {
      await askForCustomerNumber(message, senders[0]?.locale ?? 'de');
      return 'asked-for-customer-number';
    }
    await support.open({
      accountId: sender.accountId,
      from: sender.from,
      actor: authorActor(sender.from),
      subject: subjectOf(message),
      ...content,
    });
    return 'opened';
  };
}

export type SupportMailIn = ReturnType<typeof createSupportMailIn>;
