import type { Db } from '../../db/kysely.ts';
import type { NewUser, Role, User, UserStatus } from '../../db/schema.ts';
import { AppError } from '../../shared/app-error.ts';
import type { Clock } from '../../shared/clock.ts';
import type { Salutation } from '../../shared/names.ts';
import { generateUserNumber, parseCustomerNumber } from '../../shared/numbers.ts';
import { hashToken, newId } from '../../shared/tokens.ts';
import { type LinksService, linkErrors } from '../links/index.ts';
import type { MailService } from '../mail/index.ts';
import { sendActivation } from './activation-mail.ts';
import { rotateAccessKey } from './credentials.ts';
import { createUsersRepository } from './users.repository.ts';

export interface NewUserDetails {
  accountId: string;
  role: Role;
  username: string;
  salutation: Salutation | null;
  title: string | null;
  firstName: string;
  lastName: string;
  email: string | null;
  passwordHash: string | null;
  status: UserStatus;
  locale: string | null;
}

export type PersonalIdentityDetails = Pick<
  NewUserDetails,
  'salutation' | 'title' | 'firstName' | 'lastName' | 'locale'
> & { email: string; passwordHash: string };

/** A user of an account of their own, which activation, program credentials and seats are about. */
export type AccountUser = User & { homeAccountId: string };
export const isAccountUser = (user: User | null | undefined): user is AccountUser => !!user?.homeAccountId;

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

/** How a person names themselves at sign-in: an e-mail address, or customer number + user number (S1). */
export type SignInIdentifier = { email: string } | { customerNumber: string; userNumber: string };

/**
 * The identifier as stored: a lower-case address, or the customer number with its check digit; null for a
 * customer number whose check digit is wrong (a typo, which the caller may name as such).
 */
export function normalizeIdentifier(identifier: SignInIdentifier): SignInIdentifier | null {
  if ('email' in identifier) return { email: normalizeEmail(identifier.email) };
  const customerNumber = parseCustomerNumber(identifier.customerNumber);
  return customerNumber ? { customerNumber, userNumber: identifier.userNumber.trim() } : null;
}

export function createUsersService({
  db,
  clock,
  links,
  mail,
}: {
  db: Db;
  clock: Clock;
  links: LinksService;
  mail: MailService;
}) {
  const repository = createUsersRepository(db);

  async function unusedUserNumber(executor: Db): Promise<string> {
    for (;;) {
      const candidate = generateUserNumber();
      if (!(await repository.userNumberTaken(executor, candidate))) return candidate;
    }
  }

  return {
    repository,

    /** The user a normalized sign-in identifier names, if any. */
    findBySignInIdentifier: (identifier: SignInIdentifier) =>
      'email' in identifier
        ? repository.findByEmail(identifier.email)
        : repository.findByNumbers(identifier.customerNumber, identifier.userNumber),

    /** The user, their membership and their first access key, in the caller's transaction. */
    async createUser(executor: Db, details: NewUserDetails): Promise<{ user: NewUser; accessKey: string }> {
      const now = clock.now().toISOString();
      const { accountId, role, ...personal } = details;
      const user: NewUser = {
        id: newId(),
        homeAccountId: accountId,
        userNumber: await unusedUserNumber(executor),
        ...personal,
        email: personal.email ? normalizeEmail(personal.email) : null,
        emailConfirmedAt: null,
        createdAt: now,
        updatedAt: now,
      };
      await repository.insert(executor, user);
      await repository.insertMembership(executor, { accountId, userId: user.id, role, createdAt: now });
      const accessKey = await rotateAccessKey({ repository, links }, executor, user.id, now);
      await repository.recordChange(executor, {
        accountId,
        userId: user.id,
        userNumber: user.userNumber,
        kind: 'created',
        at: now,
      });
      return { user, accessKey };
    },

    /**
     * M1: a person invited without a login: a user of no account (no seat, no program credentials) whose
     * address the invitation link has just proven; a member only where invited.
     */
    async createPersonalIdentity(executor: Db, details: PersonalIdentityDetails): Promise<NewUser> {
      const now = clock.now().toISOString();
      const email = normalizeEmail(details.email);
      const user: NewUser = {
        id: newId(),
        homeAccountId: null,
        userNumber: await unusedUserNumber(executor),
        username: email,
        ...details,
        title: details.title?.trim() || null,
        firstName: details.firstName.trim(),
        lastName: details.lastName.trim(),
        email,
        emailConfirmedAt: now,
        status: 'active',
        createdAt: now,
        updatedAt: now,
      };
      await repository.insert(executor, user);
      return user;
    },

    /** S4: a new activation link by e-mail, in the caller's transaction; older ones are revoked. */
    sendActivation: (executor: Db, userId: string) =>
      sendActivation({ repository, links, mail }, executor, userId),

    /** A new access key (the old one revoked) behind a fresh reveal link; for re-sent welcome e-mails. */
    async newRevealLink(executor: Db, userId: string, validForMs: number) {
      const now = clock.now().toISOString();
      const accessKey = await rotateAccessKey({ repository, links }, executor, userId, now);
      return links.issueLink(executor, {
        purpose: 'credentials_reveal',
        userId,
        validForMs,
        secret: accessKey,
      });
    },

    /** Opens a reveal link once: the program credentials, then never again; never a key revoked since. */
    async revealCredentials(token: string) {
      return db.transaction().execute(async (transaction) => {
        const { userId, secret } = await links.consumeLink(transaction, token, 'credentials_reveal');
        if (!secret) throw new Error(`credentials link of user ${userId} carries no key`);
        if (!(await repository.isLiveAccessKey(transaction, userId, hashToken(secret)))) {
          throw new AppError(linkErrors.LINK_USED);
        }
        const identity = await repository.findProgramIdentity(transaction, userId);
        return { ...identity, accessKey: secret };
      });
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
