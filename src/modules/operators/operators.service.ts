import type { Config, Locale } from '../../config.ts';
import type { Db } from '../../db/kysely.ts';
import { AppError, assertThat } from '../../shared/app-error.ts';
import { addMilliseconds, type Clock, minutes } from '../../shared/clock.ts';
import { operatorRoles, parseOperatorRoles } from '../../shared/operator-roles.ts';
import {
  assertPasswordAcceptable,
  hashPassword,
  verifyAgainstDummy,
  verifyPassword,
} from '../../shared/passwords.ts';
import { generateToken, hashToken, newId } from '../../shared/tokens.ts';
import { type LinksService, linkErrors } from '../links/index.ts';
import type { MailService } from '../mail/index.ts';
import type { SessionsService } from '../sessions/index.ts';
import { identifierKey, type SignInThrottle } from '../sign-in-throttle/index.ts';
import type { TwoFactorService } from '../two-factor/index.ts';
import { operatorErrors } from './operators.errors.ts';
import { createOperatorsRepository } from './operators.repository.ts';

interface Dependencies {
  db: Db;
  clock: Clock;
  config: Config;
  mail: MailService;
  sessions: SessionsService;
  throttle: SignInThrottle;
  links: LinksService;
  twoFactor: TwoFactorService;
}

const passwordResetValidity = minutes(30);
/** "Forgot password" sends at most one e-mail per operator and two minutes. */
const resetSpacing = minutes(2);

const normalizeEmail = (email: string) => email.trim().toLowerCase();

export function createOperatorsService({
  db,
  clock,
  config,
  mail,
  sessions,
  throttle,
  links,
  twoFactor,
}: Dependencies) {
  const repository = createOperatorsRepository(db);
  const page = (path: string) => new URL(path, config.publicUrl).href;

  async function startOperatorSession(
    operator: { id: string; name: string; email: string; locale: string; roles: string },
    browser: { ipAddress: string; userAgent: string },
  ) {
    const session = await sessions.startSession({ principal: { operatorId: operator.id }, ...browser });
    const { id, name, email, locale } = operator;
    const roles = parseOperatorRoles(operator.roles);
    return { session, operator: { id, name, email, locale: locale as Locale, roles } };
  }

  /** Disabled between password and second factor: no session after all. */
  async function activeOperator(id: string) {
    const operator = await repository.findById(id);
    if (operator?.status !== 'active') throw new AppError(operatorErrors.SIGN_IN_FAILED);
    return operator;
  }

  async function findUsableSetupToken(token: string, executor: Db = db) {
    const found = await repository.findSetupToken(hashToken(token), executor);
    assertThat(found, operatorErrors.SETUP_LINK_INVALID);
    assertThat(found.usedAt === null, operatorErrors.SETUP_LINK_USED);
    assertThat(found.expiresAt > clock.now().toISOString(), operatorErrors.SETUP_LINK_EXPIRED);
    return found;
  }

  return {
    /** The language of an operator's pages, messages and e-mails. */
    setLocale: (operatorId: string, locale: Locale) =>
      repository.setLocale(operatorId, locale, clock.now().toISOString()),

    /** A single-use link to create an operator; the token travels in the fragment, never to a server log. */
    async issueOperatorSetupLink(): Promise<{ url: string; expiresAt: string }> {
      const token = generateToken();
      const now = clock.now();
      const expiresAt = addMilliseconds(now, minutes(config.operatorSetupLinkTtlMinutes)).toISOString();
      await repository.insertSetupToken({
        id: newId(),
        tokenHash: hashToken(token),
        expiresAt,
        createdAt: now.toISOString(),
      });
      return { url: new URL(`/setup#token=${token}`, config.publicUrl).href, expiresAt };
    },

    /** On first run (no operator yet) a set-up link; otherwise null. */
    async firstRunSetupLink() {
      return (await repository.count()) === 0 ? this.issueOperatorSetupLink() : null;
    },

    async checkSetupToken(token: string): Promise<void> {
      await findUsableSetupToken(token);
    },

    async completeOperatorSetup(options: {
      token: string;
      name: string;
      email: string;
      password: string;
      locale: Locale;
    }) {
      await findUsableSetupToken(options.token); // fail fast, before the slow hash
      assertPasswordAcceptable(options.password, [options.name, options.email]);
      const passwordHash = await hashPassword(options.password);
      const email = normalizeEmail(options.email);
      const now = clock.now().toISOString();
      const operator = { id: newId(), name: options.name.trim(), email, locale: options.locale };
      // An operator made with a set-up link can do everything, and hands roles out from there.
      const roles = operatorRoles.filter((role) => role !== 'auditor');

      await db.transaction().execute(async (transaction) => {
        const token = await findUsableSetupToken(options.token, transaction);
        assertThat(!(await repository.findByEmail(email, transaction)), operatorErrors.OPERATOR_EMAIL_TAKEN);
        await repository.insert(transaction, {
          ...operator,
          passwordHash,
          roles: JSON.stringify(roles),
          status: 'active',
          createdAt: now,
          updatedAt: now,
        });
        if (!(await repository.useToken(transaction, token.id, now, operator.id)))
          throw new AppError(operatorErrors.SETUP_LINK_USED);
        await mail.enqueueEmail(transaction, {
          to: email,
          greet: { name: operator.name },
          locale: options.locale,
          template: 'operatorWelcome',
          params: {
            email,
            signInUrl: new URL('/operator/sign-in', config.publicUrl).href,
          },
        });
      });
      return { ...operator, roles };
    },

    /**
     * Unknown e-mail and wrong password take the same time and give the same answer; failures are counted
     * per address as for customers (S7), so the staff's accounts cannot be guessed either.
     */
    async signInOperator(options: { email: string; password: string; ipAddress: string; userAgent: string }) {
      const email = normalizeEmail(options.email);
      const key = identifierKey('operator', { email });
      await throttle.reserve(key);
      // Invited (no password yet) and disabled operators get the answer of an unknown address.
      const found = await repository
        .findByEmail(email)
        .then((row) => (row?.status === 'active' ? row : null));
      const valid = found
        ? await verifyPassword(found.passwordHash, options.password)
        : await verifyAgainstDummy(options.password);
      if (!found || !valid) throw new AppError(operatorErrors.SIGN_IN_FAILED);
      await throttle.clear([key]);
      // S8: an operator with a second factor gets a challenge, not yet a session.
      const step = await twoFactor.secondStep({ operatorId: found.id });
      if (step) {
        const challenge = await twoFactor.issueChallenge({ operatorId: found.id }, step, false);
        return { outcome: 'second-step' as const, challenge };
      }
      return { outcome: 'session' as const, ...(await startOperatorSession(found, options)) };
    },

    /** S8: the app's code or a recovery code after the password; then the session starts. */
    async signInOperatorWithSecondFactor(options: {
      challenge: string;
      code?: string;
      recoveryCode?: string;
      ipAddress: string;
      userAgent: string;
    }) {
      const { userAgent, ...answer } = options;
      const { id } = await twoFactor.passChallenge({ ...answer, kind: 'operator' });
      return startOperatorSession(await activeOperator(id), { ipAddress: options.ipAddress, userAgent });
    },

    /** Issue 16: when the provider requires a second factor, an operator without one sets it up here. */
    startEnrolmentInSignIn: (challenge: string) => twoFactor.startEnrolmentInChallenge(challenge, 'operator'),

    async confirmEnrolmentInSignIn(options: {
      challenge: string;
      code: string;
      ipAddress: string;
      userAgent: string;
    }) {
      const { userAgent, ...answer } = options;
      const { id, recoveryCodes } = await twoFactor.confirmEnrolmentInChallenge({
        ...answer,
        kind: 'operator',
      });
      const started = await startOperatorSession(await activeOperator(id), {
        ipAddress: options.ipAddress,
        userAgent,
      });
      return { ...started, recoveryCodes };
    },

    /** Operators forget passwords too: the same answer whether or not the address is an operator's. */
    async requestPasswordReset(email: string): Promise<void> {
      const operator = await repository.findByEmail(normalizeEmail(email));
      if (operator?.status !== 'active') return;
      await db.transaction().execute(async (transaction) => {
        const owner = { operatorId: operator.id };
        if (!(await links.mayResend(transaction, owner, 'operator_password_reset', resetSpacing))) return;
        const link = await links.issueLink(transaction, {
          purpose: 'operator_password_reset',
          operatorId: operator.id,
          validForMs: passwordResetValidity,
        });
        await mail.enqueueEmail(transaction, {
          to: operator.email,
          greet: { name: operator.name },
          locale: operator.locale as Locale,
          template: 'passwordReset',
          params: { resetUrl: link.url },
        });
      });
    },

    checkPasswordResetLink: (token: string) => links.checkOperatorLink(token, 'operator_password_reset'),

    /** Ends every session of the operator: whoever knew the old password is out. */
    async completePasswordReset(options: { token: string; password: string }): Promise<void> {
      const { operatorId } = await links.checkOperatorLink(options.token, 'operator_password_reset');
      const operator = await repository.findById(operatorId);
      if (operator?.status !== 'active') throw new AppError(linkErrors.LINK_INVALID);
      assertPasswordAcceptable(options.password, [operator.name, operator.email]);
      const passwordHash = await hashPassword(options.password);
      await db.transaction().execute(async (transaction) => {
        await links.consumeOperatorLink(transaction, options.token, 'operator_password_reset');
        await repository.setPassword(transaction, operatorId, passwordHash, clock.now().toISOString());
        await sessions.endOperatorSessions(operatorId, transaction);
        await throttle.clear([identifierKey('operator', { email: operator.email })], transaction);
        await mail.enqueueEmail(transaction, {
          to: operator.email,
          greet: { name: operator.name },
          locale: operator.locale as Locale,
          template: 'passwordChanged',
          params: { resetUrl: page('/operator/forgot-password') },
        });
      });
    },
  };
}

export type OperatorsService = ReturnType<typeof createOperatorsService>;
