// Issue 11.6: "send me the access data for customer number …". Anyone may ask, by the public form or by
// e-mail; the answer to the asker is the same whatever the number, and nothing is ever sent to them. An
// operator answers with one click: every admin of the account receives a fresh single-use reveal link to
// their own program credentials, at their own address, in their own language.
import type { Locale } from '../../config.ts';
import type { Db } from '../../db/kysely.ts';
import type { CredentialRequest, CredentialRequestState } from '../../db/schema.ts';
import { AppError } from '../../shared/app-error.ts';
import type { Clock } from '../../shared/clock.ts';
import { isUniqueViolation } from '../../shared/db-errors.ts';
import { parseCustomerNumber } from '../../shared/numbers.ts';
import { newId } from '../../shared/tokens.ts';
import { type AuditActor, type AuditService, systemActor } from '../audit/index.ts';
import type { MailService } from '../mail/index.ts';
import { activationLinkValidity, normalizeEmail, type UsersService } from '../users/index.ts';
import { credentialRequestErrors } from './credential-requests.errors.ts';
import { createCredentialRequestsRepository } from './credential-requests.repository.ts';

export { credentialRequestIn } from './credential-words.ts';

export type ReceiveEmailResult = 'filed' | 'duplicate' | 'ignored';

export interface OperatorContext {
  actor: AuditActor;
  operatorId: string;
}

const maxMessage = 2000;
/** Mail that arrives has no person behind it that Kontor knows of. */

export function createCredentialRequestsService({
  db,
  clock,
  mail,
  audit,
  users,
}: {
  db: Db;
  clock: Clock;
  mail: MailService;
  audit: AuditService;
  users: UsersService;
}) {
  const repository = createCredentialRequestsRepository();

  const target = (request: Pick<CredentialRequest, 'id' | 'requesterName'>) => ({
    type: 'credential_request',
    id: request.id,
    name: { name: request.requesterName },
  });

  /** Files one request unless the same address already waits for an answer in the account. */
  async function file(
    input: Omit<CredentialRequest, 'id' | 'state' | 'createdAt' | 'answeredAt' | 'answeredByOperatorId'>,
    actor: AuditActor,
  ): Promise<'filed' | 'duplicate'> {
    return db.transaction().execute(async (transaction) => {
      if (await repository.hasOpenFrom(transaction, input.accountId, input.requesterEmail))
        return 'duplicate';
      const request: CredentialRequest = {
        ...input,
        id: newId(),
        state: 'open',
        createdAt: clock.now().toISOString(),
        answeredAt: null,
        answeredByOperatorId: null,
      };
      await repository.insert(transaction, request);
      await audit.record(transaction, {
        actor,
        accountId: request.accountId,
        action: 'credential_request.received',
        target: target(request),
        details: { via: request.via, email: request.requesterEmail },
      });
      return 'filed';
    });
  }

  async function existing(executor: Db, requestId: string) {
    const request = await repository.find(executor, requestId);
    if (!request) throw new AppError('NOT_FOUND');
    return request;
  }

  async function view(executor: Db, requestId: string) {
    const [row] = await repository.list(executor, { id: requestId });
    if (!row) throw new AppError('NOT_FOUND');
    return toView(row);
  }

  const toView = (row: Awaited<ReturnType<typeof repository.list>>[number]) => ({
    id: row.id,
    accountId: row.accountId,
    customerNumber: row.customerNumber,
    companyName: row.companyName,
    requesterName: row.requesterName,
    requesterEmail: row.requesterEmail,
    requesterIsAdmin: Boolean(row.requesterIsAdmin),
    via: row.via,
    message: row.message,
    state: row.state,
    createdAt: row.createdAt,
    answeredAt: row.answeredAt,
  });

  /** Marks an open request answered; a second click, or one racing this one, is refused. */
  async function close(
    transaction: Db,
    request: CredentialRequest,
    context: OperatorContext,
    state: 'sent' | 'dismissed',
  ) {
    if (request.state !== 'open') throw new AppError(credentialRequestErrors.CREDENTIAL_REQUEST_ANSWERED);
    const result = await repository.answer(transaction, request.id, {
      state,
      answeredAt: clock.now().toISOString(),
      answeredByOperatorId: context.operatorId,
    });
    if (Number(result.numUpdatedRows) !== 1) {
      throw new AppError(credentialRequestErrors.CREDENTIAL_REQUEST_ANSWERED);
    }
  }

  return {
    /**
     * The public form. Files a request for an existing account that is not suspended, nothing otherwise;
     * the caller answers the same in every case.
     */
    async receiveWeb(input: {
      customerNumber: string;
      name: string;
      email: string;
      message?: string;
      actor: AuditActor;
    }): Promise<void> {
      const customerNumber = parseCustomerNumber(input.customerNumber);
      if (!customerNumber) {
        const code = 'CUSTOMER_NUMBER_INVALID';
        throw new AppError(code, { details: [{ field: 'customerNumber', code }] });
      }
      const account = await repository.accountByCustomerNumber(db, customerNumber);
      if (!account || account.status === 'suspended') return;
      await file(
        {
          accountId: account.id,
          requesterName: input.name.trim(),
          requesterEmail: normalizeEmail(input.email),
          message: input.message?.trim() || null,
          via: 'web',
          messageId: null,
        },
        input.actor,
      );
    },

    /**
     * The e-mail path: files a request only when the sender's address is a member's (not disabled) or a
     * contact's of the named account; a Message-ID already filed files nothing again.
     */
    async receiveEmail(input: {
      customerNumber: string;
      from: { address: string; name?: string | null };
      text: string;
      messageId: string | null;
    }): Promise<ReceiveEmailResult> {
      const customerNumber = parseCustomerNumber(input.customerNumber);
      if (!customerNumber) return 'ignored';
      if (input.messageId && (await repository.messageIdFiled(db, input.messageId))) return 'duplicate';
      const account = await repository.accountByCustomerNumber(db, customerNumber);
      if (!account || account.status === 'suspended') return 'ignored';
      const email = normalizeEmail(input.from.address);
      if (!(await repository.knowsAddress(db, account.id, email))) return 'ignored';
      try {
        return await file(
          {
            accountId: account.id,
            requesterName: input.from.name?.trim().slice(0, 200) || email,
            requesterEmail: email,
            message: input.text.trim().slice(0, maxMessage) || null,
            via: 'email',
            messageId: input.messageId,
          },
          systemActor,
        );
      } catch (error) {
        // The same message delivered twice at once: the unique Message-ID lets one of them in.
        if (isUniqueViolation(error)) return 'duplicate';
        throw error;
      }
    },

    list: async (state: CredentialRequestState = 'open') => ({
      items: (await repository.list(db, { state })).map(toView),
    }),

    /** The one click: fresh reveal links to every admin of the account, each to their own address. */
    async send(context: OperatorContext, requestId: string) {
      const adminsReached = await db.transaction().execute(async (transaction) => {
        const request = await existing(transaction, requestId);
        await close(transaction, request, context, 'sent');
        const account = await repository.account(transaction, request.accountId);
        const admins = await repository.admins(transaction, request.accountId);
        for (const admin of admins) {
          const link = await users.newRevealLink(transaction, admin.id, activationLinkValidity);
          await mail.enqueueEmail(transaction, {
            to: admin.email ?? '',
            greet: admin,
            locale: (admin.locale ?? account.locale) as Locale,
            template: 'credentialRequestAnswered',
            params: {
              companyName: account.name,
              customerNumber: account.customerNumber,
              requesterName: request.requesterName,
              revealUrl: link.url,
            },
          });
        }
        await audit.record(transaction, {
          actor: context.actor,
          accountId: request.accountId,
          action: 'credential_request.answered',
          target: target(request),
          details: { admins: admins.length },
        });
        return admins.length;
      });
      return { request: await view(db, requestId), adminsReached };
    },

    async dismiss(context: OperatorContext, requestId: string) {
      await db.transaction().execute(async (transaction) => {
        const request = await existing(transaction, requestId);
        await close(transaction, request, context, 'dismissed');
        await audit.record(transaction, {
          actor: context.actor,
          accountId: request.accountId,
          action: 'credential_request.dismissed',
          target: target(request),
        });
      });
      return { request: await view(db, requestId), adminsReached: 0 };
    },
  };
}

export type CredentialRequestsService = ReturnType<typeof createCredentialRequestsService>;
