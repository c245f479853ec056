import type { Config, Locale } from '../../config.ts';
import type { Db } from '../../db/kysely.ts';
import { AppError, assertThat } from '../../shared/app-error.ts';
import { addMilliseconds, type Clock, minutes } from '../../shared/clock.ts';
import {
  assertPasswordAcceptable,
  hashPassword,
  verifyAgainstDummy,
  verifyPassword,
} from '../../shared/passwords.ts';
import { generateToken, hashToken, newId } from '../../shared/tokens.ts';
import type { MailService } from '../mail/index.ts';
import type { SessionsService } from '../sessions/index.ts';
import { identifierKey, type SignInThrottle } from '../sign-in-throttle/index.ts';
import { operatorErrors } from './operators.errors.ts';
import { createOperatorsRepository } from './operators.repository.ts';

interface Dependencies {
  db: Db;
  clock: Clock;
  config: Config;
  mail: MailService;
  sessions: SessionsService;
  throttle: SignInThrottle;
}

const normalizeEmail = (email: string) => email.trim().toLowerCase();

export function createOperatorsService({ db, clock, config, mail, sessions, throttle }: Dependencies) {
  const repository = createOperatorsRepository(db);

  async function findUsableSetupToken(token: string, executor: Db = db) {
    const found = await repository.findSetupToken(hashToken(token), executor);
    assertThat(found, operatorErrors.SETUP_LINK_INVALID);
    assertThat(found.usedAt === null, operatorErrors.SETUP_LINK_USED);
    assertThat(found.expiresAt > clock.now().toISOString(), operatorErrors.SETUP_LINK_EXPIRED);
    return found;
  }

  return {
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

      await db.transaction().execute(async (transaction) => {
        const token = await findUsableSetupToken(options.token, transaction);
        assertThat(!(await repository.findByEmail(email, transaction)), operatorErrors.OPERATOR_EMAIL_TAKEN);
        await repository.insert(transaction, { ...operator, passwordHash, createdAt: now, updatedAt: now });
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
      return operator;
    },

    /**
     * Unknown e-mail and wrong password take the same time and give the same answer; failures are counted
     * per address as for customers (S7), so the staff's accounts cannot be guessed either.
     */
    async signInOperator(options: { email: string; password: string; ipAddress: string; userAgent: string }) {
      const email = normalizeEmail(options.email);
      const key = identifierKey('operator', { email });
      await throttle.reserve(key);
      const found = await repository.findByEmail(email);
      const valid = found
        ? await verifyPassword(found.passwordHash, options.password)
        : await verifyAgainstDummy(options.password);
      if (!found || !valid) throw new AppError(operatorErrors.SIGN_IN_FAILED);
      await throttle.clear([key]);
      const session = await sessions.startSession({
        principal: { operatorId: found.id },
        ipAddress: options.ipAddress,
        userAgent: options.userAgent,
      });
      return {
        session,
        operator: { id: found.id, name: found.name, email: found.email, locale: found.locale as Locale },
      };
    },
  };
}

export type OperatorsService = ReturnType<typeof createOperatorsService>;
