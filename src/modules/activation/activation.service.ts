// S4, S5: a pending user opens the activation link, chooses a password, a PIN and a security question with
// its answer, and is signed in. A link that cannot be used says why (accepted, expired, replaced) and whom to
// ask: the account's admins, or the provider for a main user. Admins and operators see every activation
// with its state and send it again, which revokes the old link.
import type { Db } from '../../db/kysely.ts';
import type { Role, User } from '../../db/schema.ts';
import { AppError, assertThat, type ErrorDetail } from '../../shared/app-error.ts';
import {
  checkAnswer,
  checkPin,
  normalizeAnswer,
  type SecurityQuestion,
} from '../../shared/caller-identification.ts';
import { type Clock, minutes } from '../../shared/clock.ts';
import { checkPassword } from '../../shared/password-policy.ts';
import { hashPassword } from '../../shared/passwords.ts';
import type { AuditActor, AuditService } from '../audit/index.ts';
import { type LinksService, linkErrors } from '../links/index.ts';
import type { SessionsService } from '../sessions/index.ts';
import { isAccountUser, type UsersService } from '../users/index.ts';
import { activationErrors } from './activation.errors.ts';
import { createActivationRepository } from './activation.repository.ts';

/** "Send again" sends at most one activation e-mail per user and two minutes. */
export const resendSpacing = minutes(2);

export type ActivationState = 'sent' | 'opened' | 'expired' | 'accepted' | 'revoked';

function stateOf(
  link: { usedAt: string | null; revokedAt: string | null; expiresAt: string; openedAt: string | null },
  now: string,
): ActivationState {
  if (link.revokedAt) return 'revoked';
  if (link.usedAt) return 'accepted';
  if (link.expiresAt <= now) return 'expired';
  return link.openedAt ? 'opened' : 'sent';
}

const linkErrorOf: Record<'accepted' | 'expired' | 'revoked', string> = {
  accepted: linkErrors.LINK_USED,
  expired: linkErrors.LINK_EXPIRED,
  revoked: activationErrors.LINK_REVOKED,
};

export interface ActivationChoices {
  password: string;
  pin: string;
  securityQuestion: SecurityQuestion;
  securityAnswer: string;
}

export function createActivationService(deps: {
  db: Db;
  clock: Clock;
  links: LinksService;
  users: UsersService;
  audit: AuditService;
  sessions: SessionsService;
}) {
  const { db, clock, links, users, audit, sessions } = deps;
  const repository = createActivationRepository(db);
  const now = () => clock.now().toISOString();

  /** The link and its user, or LINK_INVALID for a token nobody was given. */
  async function open(token: string) {
    const link = await links.inspectLink(token, 'activation');
    const user = link && (await users.repository.findById(link.userId));
    if (!link || !isAccountUser(user)) throw new AppError(linkErrors.LINK_INVALID);
    const member = await users.repository.findInAccount(user.homeAccountId, user.id);
    return { link, user, isMainUser: member?.role === 'owner', state: stateOf(link, now()) };
  }

  /** Every rule the choices break, each under its field; checked before any hashing. */
  async function assertAcceptable(user: User, choices: ActivationChoices) {
    const { customerNumber } = await users.repository.findProgramIdentity(db, user.id);
    const context = [
      user.firstName,
      user.lastName,
      user.username,
      user.email,
      user.userNumber,
      customerNumber,
    ];
    const details: (ErrorDetail & { params?: Record<string, number> })[] = [];
    const password = checkPassword(choices.password, context);
    if (password) details.push({ field: 'password', code: password.code });
    const pin = checkPin(choices.pin);
    if (pin) details.push({ field: 'pin', code: pin });
    const answer = checkAnswer(choices.securityAnswer);
    if (answer) details.push({ field: 'securityAnswer', code: answer });
    const first = details[0];
    if (first) {
      const params = password && 'params' in password ? password.params : {};
      throw new AppError(first.code, { params, details });
    }
  }

  return {
    /** What the activation page shows; the first look at a usable link records it as opened. */
    async check(token: string) {
      const { user, isMainUser, state } = await open(token);
      const usable = state === 'sent' || state === 'opened';
      const { name: accountName } = await users.repository.seats(user.homeAccountId);
      return {
        state: usable ? ('valid' as const) : state,
        askWhom: isMainUser ? ('provider' as const) : ('admins' as const),
        accountName,
        admins: isMainUser || usable ? [] : await repository.adminsOf(user.homeAccountId),
        user: usable
          ? {
              firstName: user.firstName,
              lastName: user.lastName,
              username: user.username,
              email: user.email,
              userNumber: user.userNumber,
            }
          : null,
      };
    },

    /** Uses the link up, activates the user and starts their session (not "stay signed in"). */
    async complete(
      token: string,
      choices: ActivationChoices,
      client: { ipAddress: string; userAgent: string },
    ) {
      const { user, state } = await open(token);
      if (state === 'accepted' || state === 'expired' || state === 'revoked')
        throw new AppError(linkErrorOf[state]);
      const home = (await users.repository.memberships(user.id)).find(
        (membership) => membership.accountId === user.homeAccountId,
      );
      assertThat(home?.status === 'active', activationErrors.ACTIVATION_ACCOUNT_SUSPENDED);
      await assertAcceptable(user, choices);
      // argon2 outside the transaction: it would hold the database for its whole run.
      const passwordHash = await hashPassword(choices.password);
      const pinHash = await hashPassword(choices.pin);
      const securityAnswerHash = await hashPassword(normalizeAnswer(choices.securityAnswer));
      await db.transaction().execute(async (transaction) => {
        await links.consumeLink(transaction, token, 'activation');
        const at = now();
        const updated = await repository.activate(
          transaction,
          user.id,
          { passwordHash, pinHash, securityQuestion: choices.securityQuestion, securityAnswerHash },
          at,
          user.emailConfirmedAt ?? at,
        );
        if (updated.numUpdatedRows !== 1n) throw new AppError(linkErrors.LINK_USED);
        await audit.record(transaction, {
          actor: { type: 'user', id: user.id, ipAddress: client.ipAddress },
          accountId: user.homeAccountId,
          action: 'user.activated',
          target: { type: 'user', id: user.id },
          details: { userNumber: user.userNumber, securityQuestion: choices.securityQuestion },
        });
      });
      const session = await sessions.startSession({
        principal: { userId: user.id, activeAccountId: user.homeAccountId },
        ipAddress: client.ipAddress,
        userAgent: client.userAgent,
      });
      return { session, userId: user.id, accountId: user.homeAccountId };
    },

    /** Every activation of the account's users, newest first; the newest of a pending user can be re-sent. */
    async list(accountId: string) {
      if (!(await repository.accountExists(accountId))) throw new AppError('NOT_FOUND');
      const rows = await repository.listForAccount(accountId);
      const at = now();
      const seen = new Set<string>();
      return {
        items: rows.map(({ userStatus, userId, usedAt, revokedAt, createdAt, ...row }) => {
          const newest = !seen.has(userId);
          seen.add(userId);
          const state = stateOf({ ...row, usedAt, revokedAt }, at);
          return {
            id: row.id,
            user: {
              id: userId,
              userNumber: row.userNumber,
              title: row.title,
              firstName: row.firstName,
              lastName: row.lastName,
              email: row.email,
            },
            state,
            sentAt: createdAt,
            openedAt: row.openedAt,
            expiresAt: row.expiresAt,
            acceptedAt: state === 'accepted' ? usedAt : null,
            revokedAt,
            canResend: newest && userStatus === 'pending_activation' && state !== 'accepted',
          };
        }),
      };
    },

    /** A new link for a pending user; the old one stops working and says it was replaced. */
    async resend(
      accountId: string,
      userId: string,
      actor: AuditActor,
      alsoInTransaction?: (transaction: Db, user: User & { role: Role }) => Promise<void>,
    ) {
      return db.transaction().execute(async (transaction) => {
        const user = await users.repository.findInAccount(accountId, userId, transaction);
        if (!user) throw new AppError('NOT_FOUND');
        await alsoInTransaction?.(transaction, user);
        assertThat(
          user.status === 'pending_activation' && user.email,
          activationErrors.ACTIVATION_NOT_PENDING,
        );
        if (!(await links.mayResend(transaction, { userId }, 'activation', resendSpacing))) {
          throw new AppError(activationErrors.ACTIVATION_RECENTLY_SENT, {
            retryAfterSeconds: resendSpacing / 1000,
          });
        }
        const sent = await users.sendActivation(transaction, userId);
        await audit.record(transaction, {
          actor,
          accountId,
          action: 'user.activation_resent',
          target: { type: 'user', id: userId },
          details: { email: sent.sentTo },
        });
        return sent;
      });
    },
  };
}

export type ActivationService = ReturnType<typeof createActivationService>;
