// S6: the PIN and the security question identify a caller at the provider's service desk, and do nothing
// else. The operator enters what the caller says and learns match or no match, never the stored value;
// five wrong tries per user, then a wait of 15 minutes; every try is audited. The user changes both on
// their own profile with their current password.
import type { Db } from '../../db/kysely.ts';
import { AppError, assertThat, type ErrorDetail } from '../../shared/app-error.ts';
import {
  checkAnswer,
  checkPin,
  normalizeAnswer,
  type SecurityQuestion,
} from '../../shared/caller-identification.ts';
import { addMilliseconds, type Clock, minutes } from '../../shared/clock.ts';
import { parseCustomerNumber } from '../../shared/numbers.ts';
import { hashPassword, verifyPassword } from '../../shared/passwords.ts';
import type { AuditActor, AuditService } from '../audit/index.ts';
import type { UsersService } from '../users/index.ts';
import { callerErrors } from './caller-identification.errors.ts';
import { createCallerRepository } from './caller-identification.repository.ts';

export const identificationPolicy = { maxTries: 5, waitMs: minutes(15) } as const;

export type IdentificationMethod = 'pin' | 'answer';

const fieldError = (code: string, field: string) => new AppError(code, { details: [{ field, code }] });

export function createCallerIdentification(deps: {
  db: Db;
  clock: Clock;
  audit: AuditService;
  users: UsersService;
}) {
  const { db, clock, audit, users } = deps;
  const repository = createCallerRepository(db);

  async function findCaller(numbers: { customerNumber: string; userNumber: string }) {
    const customerNumber = parseCustomerNumber(numbers.customerNumber);
    if (!customerNumber) throw fieldError('CUSTOMER_NUMBER_INVALID', 'customerNumber');
    const caller = await repository.findCaller(customerNumber, numbers.userNumber.trim());
    if (!caller) throw new AppError(callerErrors.CALLER_NOT_FOUND);
    return caller;
  }

  const retryAfter = (lockedUntil: string | null) =>
    Math.max(1, Math.ceil(((lockedUntil ? Date.parse(lockedUntil) : 0) - clock.now().getTime()) / 1000));

  return {
    /** Whom the numbers name, and which question to ask them; never the PIN or the answer. */
    async lookUp(numbers: { customerNumber: string; userNumber: string }) {
      const caller = await findCaller(numbers);
      const now = clock.now().toISOString();
      const waiting = caller.identificationLockedUntil && caller.identificationLockedUntil > now;
      return {
        user: {
          salutation: caller.salutation,
          title: caller.title,
          firstName: caller.firstName,
          lastName: caller.lastName,
          userNumber: caller.userNumber,
        },
        account: { name: caller.accountName, customerNumber: caller.customerNumber },
        hasPin: caller.pinHash !== null,
        securityQuestion: caller.securityAnswerHash ? (caller.securityQuestion as SecurityQuestion) : null,
        waitUntil: waiting ? caller.identificationLockedUntil : null,
      };
    },

    /** Compares what the caller says with the stored hash: match or no match, and the tries left. */
    async identify(
      numbers: { customerNumber: string; userNumber: string },
      given: { method: IdentificationMethod; value: string },
      actor: AuditActor,
    ) {
      const caller = await findCaller(numbers);
      const stored = given.method === 'pin' ? caller.pinHash : caller.securityAnswerHash;
      assertThat(stored, callerErrors.CALLER_NOT_IDENTIFIABLE);
      const now = clock.now();
      await repository.endExpiredWait(caller.id, now.toISOString());
      const failures = await repository.reserveTry(
        caller.id,
        identificationPolicy.maxTries,
        now.toISOString(),
      );
      if (failures === null) {
        // Out of tries: a wait that was never started (an interrupted try) starts now.
        await repository.startWait(
          db,
          caller.id,
          addMilliseconds(now, identificationPolicy.waitMs).toISOString(),
        );
        const lockedUntil = await repository.lockedUntil(caller.id);
        throw new AppError(callerErrors.IDENTIFICATION_LOCKED, {
          params: { minutes: Math.ceil(retryAfter(lockedUntil) / 60) },
          retryAfterSeconds: retryAfter(lockedUntil),
        });
      }
      const value = given.method === 'pin' ? given.value.trim() : normalizeAnswer(given.value);
      const match = await verifyPassword(stored, value);
      const triesLeft = match ? identificationPolicy.maxTries : identificationPolicy.maxTries - failures;
      const waitUntil =
        !match && triesLeft <= 0 ? addMilliseconds(now, identificationPolicy.waitMs).toISOString() : null;
      await db.transaction().execute(async (transaction) => {
        if (match) await repository.resetTries(transaction, caller.id);
        if (waitUntil) await repository.startWait(transaction, caller.id, waitUntil);
        await audit.record(transaction, {
          actor,
          accountId: caller.homeAccountId,
          action: match ? 'user.caller_identified' : 'user.caller_not_identified',
          target: { type: 'user', id: caller.id },
          details: { method: given.method, ...(waitUntil ? { waitUntil } : {}) },
        });
      });
      return { match, triesLeft, waitUntil };
    },

    /** The user's own change of PIN and/or security question, with the current password. */
    async changeOwn(
      userId: string,
      changes: {
        currentPassword: string;
        pin?: string;
        security?: { question: SecurityQuestion; answer: string };
      },
      actor: AuditActor,
    ) {
      const user = await users.repository.findById(userId);
      if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, changes.currentPassword))) {
        throw fieldError('CURRENT_PASSWORD_WRONG', 'currentPassword');
      }
      assertThat(
        changes.pin !== undefined || changes.security,
        callerErrors.IDENTIFICATION_NOTHING_TO_CHANGE,
      );
      const details: ErrorDetail[] = [];
      const pinProblem = changes.pin !== undefined ? checkPin(changes.pin) : null;
      if (pinProblem) details.push({ field: 'pin', code: pinProblem });
      const answerProblem = changes.security ? checkAnswer(changes.security.answer) : null;
      if (answerProblem) details.push({ field: 'securityAnswer', code: answerProblem });
      if (details[0]) throw new AppError(details[0].code, { details });
      const pinHash = changes.pin !== undefined ? await hashPassword(changes.pin) : undefined;
      const securityAnswerHash = changes.security
        ? await hashPassword(normalizeAnswer(changes.security.answer))
        : undefined;
      await db.transaction().execute(async (transaction) => {
        await repository.setIdentification(
          transaction,
          userId,
          {
            ...(pinHash ? { pinHash } : {}),
            ...(changes.security && securityAnswerHash
              ? { securityQuestion: changes.security.question, securityAnswerHash }
              : {}),
          },
          clock.now().toISOString(),
        );
        await audit.record(transaction, {
          actor,
          accountId: user.homeAccountId,
          action: 'user.identification_changed',
          target: { type: 'user', id: userId },
          details: { pin: pinHash !== undefined, securityQuestion: changes.security?.question ?? null },
        });
      });
    },
  };
}

export type CallerIdentification = ReturnType<typeof createCallerIdentification>;
