import type { Config, Locale } from '../../config.ts';
import type { Db } from '../../db/kysely.ts';
import type { User } from '../../db/schema.ts';
import { AppError, assertThat } from '../../shared/app-error.ts';
import { type Clock, hours, minutes } from '../../shared/clock.ts';
import {
  assertPasswordAcceptable,
  hashPassword,
  verifyAgainstDummy,
  verifyPassword,
} from '../../shared/passwords.ts';
import { heldPermissions, parsePermissions } from '../../shared/permissions.ts';
import { assertCurrentPassword } from '../../shared/reauthentication.ts';
import type { AuditActor, AuditService } from '../audit/index.ts';
import { type LinksService, linkErrors } from '../links/index.ts';
import type { MailService } from '../mail/index.ts';
import type { SessionsService } from '../sessions/index.ts';
import { identifierKey, type SignInThrottle } from '../sign-in-throttle/index.ts';
import type { TwoFactorService } from '../two-factor/index.ts';
import {
  normalizeEmail,
  normalizeIdentifier,
  type SignInIdentifier,
  type UsersService,
  userErrors,
} from '../users/index.ts';
import { authErrors } from './auth.errors.ts';

interface Dependencies {
  db: Db;
  clock: Clock;
  config: Config;
  mail: MailService;
  links: LinksService;
  audit: AuditService;
  users: UsersService;
  sessions: SessionsService;
  throttle: SignInThrottle;
  twoFactor: TwoFactorService;
}

interface Browser {
  ipAddress: string;
  userAgent: string;
}

export const passwordResetValidity = minutes(30);
export const emailChangeValidity = hours(24);

type Memberships = Awaited<ReturnType<UsersService['repository']['memberships']>>;

export function createAuthService({
  db,
  clock,
  config,
  mail,
  links,
  audit,
  users,
  sessions,
  throttle,
  twoFactor,
}: Dependencies) {
  const page = (path: string) => new URL(path, config.publicUrl).href;
  /** What a password must not be built from (SECURITY.md): the person's names, e-mail and numbers. */
  async function personalContext(user: User) {
    const customerNumber = await users.repository.homeCustomerNumber(db, user);
    return [user.firstName, user.lastName, user.username, user.email, user.userNumber, customerNumber];
  }

  /** The identifier as stored, or a named error for a customer number with a wrong check digit. */
  function normalized(identifier: SignInIdentifier): SignInIdentifier {
    const found = normalizeIdentifier(identifier);
    // The check digit is public knowledge: saying a number is mistyped reveals nothing about accounts.
    if (!found) {
      throw new AppError(authErrors.CUSTOMER_NUMBER_INVALID, {
        details: [{ field: 'customerNumber', code: authErrors.CUSTOMER_NUMBER_INVALID }],
      });
    }
    return found;
  }

  /** Both identifiers of a user, whose counts start again when the password is set anew. */
  async function signInKeys(executor: Db, user: User): Promise<string[]> {
    const customerNumber = await users.repository.homeCustomerNumber(executor, user);
    const byEmail = user.email ? [identifierKey('user', { email: user.email })] : [];
    if (!customerNumber) return byEmail;
    return [...byEmail, identifierKey('user', { customerNumber, userNumber: user.userNumber })];
  }

  /** Re-authentication before a sensitive change (SECURITY.md 15). */
  async function userWithPassword(userId: string, currentPassword: string): Promise<User> {
    const user = await users.repository.findById(userId);
    await assertCurrentPassword(user?.passwordHash, currentPassword);
    return user as User;
  }

  // Callers hash first: argon2 inside a transaction would hold the database for its whole run.
  async function setPassword(
    executor: Db,
    user: User,
    passwordHash: string,
    actor: AuditActor,
    action: string,
  ) {
    const now = clock.now().toISOString();
    await users.repository.update(executor, user.id, { passwordHash, updatedAt: now });
    await links.revokeLinks(executor, user.id, 'password_reset');
    if (user.email) {
      await mail.enqueueEmail(executor, {
        to: user.email,
        greet: user,
        locale: (user.locale ?? config.defaultLocale) as Locale,
        template: 'passwordChanged',
        params: { resetUrl: page('/forgot-password') },
      });
    }
    await audit.record(executor, {
      actor,
      accountId: user.homeAccountId,
      action,
      target: { type: 'user', id: user.id },
    });
  }

  /**
   * The account a user signs in to, or why they may not (again after the second factor): their own, or
   * for a personal identity (M1) the first account they were invited to that is open. With the memberships
   * it read, which the session's description needs too.
   */
  async function homeOf(user: User) {
    assertThat(user.status !== 'disabled', authErrors.USER_DISABLED);
    const memberships = await users.repository.memberships(user.id);
    const home = user.homeAccountId
      ? memberships.find((membership) => membership.accountId === user.homeAccountId)
      : (memberships.find((membership) => membership.status === 'active') ?? memberships[0]);
    assertThat(home !== undefined, authErrors.NO_MEMBERSHIP);
    assertThat(home?.status !== 'pending_confirmation', authErrors.EMAIL_NOT_CONFIRMED);
    assertThat(home?.status === 'active', authErrors.ACCOUNT_SUSPENDED);
    return { home, memberships };
  }

  /** Who is signed in, where they act, and which other accounts they may switch to. */
  function describe(user: User, memberships: Memberships, accountId: string) {
    const current = memberships.find((membership) => membership.accountId === accountId);
    if (!current) throw new AppError('UNAUTHENTICATED');
    return {
      user: {
        id: user.id,
        userNumber: user.userNumber,
        username: user.username,
        salutation: user.salutation,
        title: user.title,
        firstName: user.firstName,
        lastName: user.lastName,
        email: user.email,
        locale: user.locale as Locale | null,
        homeCustomerNumber:
          memberships.find((membership) => membership.accountId === user.homeAccountId)?.customerNumber ??
          null,
      },
      account: {
        id: current.accountId,
        customerNumber: current.customerNumber,
        name: current.name,
        role: current.role,
        permissions: heldPermissions({
          role: current.role,
          permissions: parsePermissions(current.permissions),
        }),
        timeZone: current.timeZone,
      },
      memberships: memberships
        .filter((membership) => membership.status === 'active')
        .map(({ accountId, customerNumber, name, role }) => ({ accountId, customerNumber, name, role })),
    };
  }

  /** What a second factor ends in: the session sign-in would have started, stay-signed-in kept. */
  async function startAfterSecondFactor(userId: string, staySignedIn: boolean, browser: Browser) {
    const user = await users.repository.findById(userId);
    if (!user) throw new AppError(authErrors.SIGN_IN_FAILED);
    const { home } = await homeOf(user);
    const session = await sessions.startSession({
      principal: { userId: user.id, activeAccountId: home.accountId },
      staySignedIn,
      ...browser,
    });
    return { session, userId: user.id, accountId: home.accountId };
  }

  return {
    /**
     * S1, S7: an unknown identifier and a wrong password give the same answer after the same work (one
     * argon2 verification); a waiting identifier, known or not, is told how long to wait, and no password
     * is checked at all.
     */
    async signIn(options: {
      identifier: SignInIdentifier;
      password: string;
      staySignedIn: boolean;
      ipAddress: string;
      userAgent: string;
    }) {
      const identifier = normalized(options.identifier);
      const key = identifierKey('user', identifier);
      await throttle.reserve(key);
      const user = await users.findBySignInIdentifier(identifier);
      const valid = user?.passwordHash
        ? await verifyPassword(user.passwordHash, options.password)
        : await verifyAgainstDummy(options.password);
      if (!user || !valid) throw new AppError(authErrors.SIGN_IN_FAILED);

      await throttle.clear([key]);
      const { home, memberships } = await homeOf(user);
      // S8: with a second factor (or an account demanding one) the password alone starts no session.
      const step = await twoFactor.secondStep({ userId: user.id });
      if (step) {
        const challenge = await twoFactor.issueChallenge({ userId: user.id }, step, options.staySignedIn);
        return { outcome: 'second-step' as const, challenge };
      }
      const session = await sessions.startSession({
        principal: { userId: user.id, activeAccountId: home.accountId },
        staySignedIn: options.staySignedIn,
        ipAddress: options.ipAddress,
        userAgent: options.userAgent,
      });
      const description = describe(user, memberships, home.accountId);
      return { outcome: 'session' as const, session, description };
    },

    /** S8: the app's code or a recovery code after the password; then the session starts. */
    async signInWithSecondFactor(options: {
      challenge: string;
      code?: string;
      recoveryCode?: string;
      browser: Browser;
    }) {
      const { browser, ...answer } = options;
      const passed = await twoFactor.passChallenge({ ...answer, kind: 'user', ipAddress: browser.ipAddress });
      return startAfterSecondFactor(passed.id, passed.staySignedIn, browser);
    },

    /** S8: a member of an account that demands a second factor sets it up before the first session. */
    startEnrolmentInSignIn: (challenge: string) => twoFactor.startEnrolmentInChallenge(challenge),

    async confirmEnrolmentInSignIn(options: { challenge: string; code: string; browser: Browser }) {
      const confirmed = await twoFactor.confirmEnrolmentInChallenge({
        challenge: options.challenge,
        code: options.code,
        ipAddress: options.browser.ipAddress,
      });
      const started = await startAfterSecondFactor(confirmed.id, confirmed.staySignedIn, options.browser);
      return { ...started, recoveryCodes: confirmed.recoveryCodes };
    },

    /** Who is signed in, where they act, and which other accounts they may switch to. */
    async describeSession(userId: string, accountId: string) {
      const user = await users.repository.findById(userId);
      if (!user) throw new AppError('UNAUTHENTICATED');
      return describe(user, await users.repository.memberships(userId), accountId);
    },

    /**
     * S3: always the same answer; only a known, active address gets a link (30 minutes, single use). A user
     * pending activation comes in through the activation link, with PIN and security question.
     */
    async requestPasswordReset(email: string): Promise<void> {
      const user = await users.repository.findByEmail(normalizeEmail(email));
      if (!user?.email || user.status !== 'active') return;
      const address = user.email;
      await db.transaction().execute(async (transaction) => {
        const link = await links.issueLink(transaction, {
          purpose: 'password_reset',
          userId: user.id,
          validForMs: passwordResetValidity,
        });
        await mail.enqueueEmail(transaction, {
          to: address,
          greet: user,
          locale: (user.locale ?? config.defaultLocale) as Locale,
          template: 'passwordReset',
          params: { resetUrl: link.url },
        });
      });
    },

    checkPasswordResetLink: (token: string) => links.checkLink(token, 'password_reset'),

    /** A reset ends every session of the user: whoever knew the old password is out. */
    async completePasswordReset(options: {
      token: string;
      password: string;
      ipAddress: string;
    }): Promise<void> {
      const { userId } = await links.checkLink(options.token, 'password_reset');
      const user = await users.repository.findById(userId);
      if (!user) throw new AppError(linkErrors.LINK_INVALID);
      assertPasswordAcceptable(options.password, await personalContext(user));
      const passwordHash = await hashPassword(options.password);
      await db.transaction().execute(async (transaction) => {
        await links.consumeLink(transaction, options.token, 'password_reset');
        await setPassword(
          transaction,
          user,
          passwordHash,
          { type: 'user', id: user.id, ipAddress: options.ipAddress },
          'user.password_reset',
        );
        // Opening the link proved the address; for a provisioned main user this is the first proof.
        await users.repository.update(transaction, user.id, {
          emailConfirmedAt: user.emailConfirmedAt ?? clock.now().toISOString(),
        });
        await throttle.clear(await signInKeys(transaction, user), transaction);
        await sessions.endUserSessions(user.id, {}, transaction);
      });
    },

    /**
     * Needs the current password. The new address gets a link and only takes effect when it is opened;
     * the old address is told, so a stolen session cannot quietly take the account over.
     */
    async requestEmailChange(options: {
      userId: string;
      currentPassword: string;
      newEmail: string;
    }): Promise<void> {
      const user = await userWithPassword(options.userId, options.currentPassword);
      const newEmail = normalizeEmail(options.newEmail);
      if (await users.repository.emailTaken(db, newEmail, user.id)) {
        throw new AppError(userErrors.EMAIL_TAKEN, {
          details: [{ field: 'newEmail', code: userErrors.EMAIL_TAKEN }],
        });
      }
      const locale = (user.locale ?? config.defaultLocale) as Locale;
      await db.transaction().execute(async (transaction) => {
        const link = await links.issueLink(transaction, {
          purpose: 'email_change',
          userId: user.id,
          validForMs: emailChangeValidity,
          newEmail,
        });
        await mail.enqueueEmail(transaction, {
          to: newEmail,
          greet: user,
          locale,
          template: 'emailChangeConfirm',
          params: { newEmail, confirmUrl: link.url },
        });
        if (user.email) {
          await mail.enqueueEmail(transaction, {
            to: user.email,
            greet: user,
            locale,
            template: 'emailChangeNotice',
            params: { newEmail, resetUrl: page('/forgot-password') },
          });
        }
      });
    },

    async confirmEmailChange(token: string, ipAddress: string): Promise<{ email: string }> {
      return db.transaction().execute(async (transaction) => {
        const { userId, newEmail } = await links.consumeLink(transaction, token, 'email_change');
        if (!newEmail) throw new AppError(linkErrors.LINK_INVALID);
        assertThat(
          !(await users.repository.emailTaken(transaction, newEmail, userId)),
          userErrors.EMAIL_TAKEN,
        );
        const user = await users.repository.findById(userId, transaction);
        const now = clock.now().toISOString();
        await users.repository.update(transaction, userId, {
          email: newEmail,
          emailConfirmedAt: now,
          updatedAt: now,
        });
        await audit.record(transaction, {
          actor: { type: 'user', id: userId, ipAddress },
          accountId: user?.homeAccountId ?? null,
          action: 'user.email_changed',
          target: { type: 'user', id: userId },
          details: { from: user?.email ?? null, to: newEmail },
        });
        return { email: newEmail };
      });
    },

    /** Needs the current password; every other session of the user ends. */
    async changeOwnPassword(options: {
      userId: string;
      sessionId: string;
      currentPassword: string;
      newPassword: string;
      actor: AuditActor;
    }): Promise<void> {
      const user = await userWithPassword(options.userId, options.currentPassword);
      assertPasswordAcceptable(options.newPassword, await personalContext(user), 'newPassword');
      const passwordHash = await hashPassword(options.newPassword);
      await db.transaction().execute(async (transaction) => {
        await setPassword(transaction, user, passwordHash, options.actor, 'user.password_changed');
        await sessions.endUserSessions(user.id, { except: options.sessionId }, transaction);
      });
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
