// S8: a second factor from an authenticator app, for users and operators. Enrolment creates a secret that
// counts only after the first code confirms it; sign-in with it passes a short-lived challenge between the
// password and the session, with its own limit of wrong codes.
import type { Db } from '../../db/kysely.ts';
import type { TwoFactorChallengesTable } from '../../db/schema.ts';
import { AppError } from '../../shared/app-error.ts';
import { addMilliseconds, type Clock, minutes } from '../../shared/clock.ts';
import { assertCurrentPassword } from '../../shared/reauthentication.ts';
import { generateToken, hashToken, newId } from '../../shared/tokens.ts';
import type { AuditActor, AuditService } from '../audit/index.ts';
import type { ProviderService } from '../provider/index.ts';
import type { SignInThrottle } from '../sign-in-throttle/index.ts';
import { enrolmentOf, generateRecoveryCodes, generateSecret, hashRecoveryCode, stepOfCode } from './totp.ts';
import { twoFactorErrors } from './two-factor.errors.ts';
import { createTwoFactorRepository, type Person } from './two-factor.repository.ts';

interface Dependencies {
  db: Db;
  clock: Clock;
  audit: AuditService;
  provider: ProviderService;
  throttle: SignInThrottle;
}

export const challengeValidity = minutes(5);
/** Wrong codes one challenge takes; then the person starts again with the password. */
export const codesPerChallenge = 5;

type Challenge = Pick<TwoFactorChallengesTable, 'id' | 'staySignedIn'>;
type Step = 'code' | 'enrol';

const idOf = (person: Person) => ('userId' in person ? person.userId : person.operatorId);

const wrong = (field: 'code' | 'recoveryCode') =>
  new AppError(twoFactorErrors.TWO_FACTOR_CODE_WRONG, {
    details: [{ field, code: twoFactorErrors.TWO_FACTOR_CODE_WRONG }],
  });

export function createTwoFactorService({ db, clock, audit, provider, throttle }: Dependencies) {
  const repository = createTwoFactorRepository(db);
  const now = () => clock.now().toISOString();
  // The code step's own count in the sign-in throttle, per person (S7 counts per identifier).
  const throttleKey = (person: Person) =>
    hashToken('userId' in person ? `two-factor:user:${person.userId}` : `two-factor:op:${person.operatorId}`);
  const target = (person: Person) =>
    'userId' in person ? { type: 'user', id: person.userId } : { type: 'operator', id: person.operatorId };
  const selfActor = (person: Person, ipAddress: string): AuditActor =>
    'userId' in person
      ? { type: 'user', id: person.userId, ipAddress }
      : { type: 'operator', id: person.operatorId, ipAddress };

  async function record(executor: Db, person: Person, actor: AuditActor, action: string) {
    const accountId = 'userId' in person ? await repository.homeAccountOf(person.userId, executor) : null;
    await audit.record(executor, { actor, accountId, action, target: target(person) });
  }

  async function confirmedCredential(person: Person) {
    const credential = await repository.findCredential(person);
    if (!credential?.confirmedAt) throw new AppError(twoFactorErrors.TWO_FACTOR_NOT_ENABLED);
    return credential;
  }

  async function pendingCredential(executor: Db, person: Person) {
    const credential = await repository.findCredential(person, executor);
    if (!credential) throw new AppError(twoFactorErrors.TWO_FACTOR_ENROLMENT_NOT_STARTED);
    if (credential.confirmedAt) throw new AppError(twoFactorErrors.TWO_FACTOR_ALREADY_ENABLED);
    return credential;
  }

  async function issueRecoveryCodes(executor: Db, credentialId: string): Promise<string[]> {
    const codes = generateRecoveryCodes();
    const rows = codes.map((code) => ({ id: newId(), codeHash: hashRecoveryCode(code) }));
    await repository.replaceRecoveryCodes(executor, credentialId, rows);
    return codes;
  }

  /** Re-authentication (SECURITY.md 15); the same code and field as the other changes that need it. */
  async function requirePassword(person: Person, currentPassword: string) {
    await assertCurrentPassword(await repository.passwordHash(person), currentPassword);
  }

  /** The person behind an open challenge, or TWO_FACTOR_CHALLENGE_INVALID. */
  async function openChallenge(token: string, kind: 'user' | 'operator') {
    const row = await repository.findChallenge(hashToken(token));
    const person: Person | null =
      kind === 'user'
        ? row?.userId
          ? { userId: row.userId }
          : null
        : row?.operatorId
          ? { operatorId: row.operatorId }
          : null;
    if (!row || !person || row.usedAt !== null || row.expiresAt <= now()) {
      throw new AppError(twoFactorErrors.TWO_FACTOR_CHALLENGE_INVALID);
    }
    return { challenge: row, person };
  }

  /**
   * One try at a challenge: counted on the challenge and in the person's sign-in throttle before anything
   * is checked, so parallel guesses cannot slip past; `check` runs in the transaction that ends the
   * challenge and tells whether it passed.
   */
  async function attempt<Result>(
    challenge: Challenge,
    person: Person,
    field: 'code' | 'recoveryCode',
    check: (transaction: Db) => Promise<Result | null>,
  ): Promise<Result> {
    const tries = await repository.reserveTry(challenge.id, codesPerChallenge);
    if (tries === null) throw new AppError(twoFactorErrors.TWO_FACTOR_CHALLENGE_INVALID);
    const key = throttleKey(person);
    await throttle.reserve(key);
    const result = await db.transaction().execute(async (transaction) => {
      const passed = await check(transaction);
      if (passed === null) return null;
      if (!(await repository.spendChallenge(transaction, challenge.id, now())))
        throw new AppError(twoFactorErrors.TWO_FACTOR_CHALLENGE_INVALID);
      return passed;
    });
    if (result === null) {
      if (tries < codesPerChallenge) throw wrong(field);
      await repository.endChallenge(challenge.id, now());
      throw new AppError(twoFactorErrors.TWO_FACTOR_TOO_MANY_TRIES);
    }
    await throttle.clear([key]);
    return result;
  }

  async function startEnrolment(person: Person) {
    const existing = await repository.findCredential(person);
    if (existing?.confirmedAt) throw new AppError(twoFactorErrors.TWO_FACTOR_ALREADY_ENABLED);
    const secret = generateSecret();
    await db
      .transaction()
      .execute((transaction) =>
        repository.replaceCredential(transaction, person, { id: newId(), secret, createdAt: now() }),
      );
    const issuer = (await provider.identity()).name;
    return enrolmentOf(secret, issuer, await repository.labelOf(person));
  }

  /** The first code turns the second factor on; the ten recovery codes are shown this once. */
  async function confirmIn(executor: Db, person: Person, code: string, actor: AuditActor) {
    const credential = await pendingCredential(executor, person);
    const step = stepOfCode(credential.secret, code, clock.now());
    if (step === null || !(await repository.spendStep(executor, credential.id, step, now()))) return null;
    const recoveryCodes = await issueRecoveryCodes(executor, credential.id);
    await record(executor, person, actor, 'two_factor.enabled');
    return recoveryCodes;
  }

  return {
    async status(person: Person) {
      const credential = await repository.findCredential(person);
      const enabled = Boolean(credential?.confirmedAt);
      return {
        enabled,
        recoveryCodesLeft: credential && enabled ? await repository.recoveryCodesLeft(credential.id) : 0,
        requiredByAccount: await repository.requiredFor(person),
      };
    },

    startEnrolment,

    async confirmEnrolment(person: Person, code: string, actor: AuditActor): Promise<string[]> {
      const codes = await db
        .transaction()
        .execute((transaction) => confirmIn(transaction, person, code, actor));
      if (!codes) throw wrong('code');
      return codes;
    },

    async disable(person: Person, currentPassword: string, actor: AuditActor): Promise<void> {
      await requirePassword(person, currentPassword);
      await confirmedCredential(person);
      if (await repository.requiredFor(person))
        throw new AppError(
          'userId' in person
            ? twoFactorErrors.TWO_FACTOR_REQUIRED_BY_ACCOUNT
            : twoFactorErrors.TWO_FACTOR_REQUIRED_FOR_OPERATORS,
        );
      await db.transaction().execute(async (transaction) => {
        await repository.deleteCredential(transaction, person);
        await record(transaction, person, actor, 'two_factor.disabled');
      });
    },

    async renewRecoveryCodes(person: Person, currentPassword: string, actor: AuditActor): Promise<string[]> {
      await requirePassword(person, currentPassword);
      const credential = await confirmedCredential(person);
      return db.transaction().execute(async (transaction) => {
        const codes = await issueRecoveryCodes(transaction, credential.id);
        await record(transaction, person, actor, 'two_factor.recovery_codes_renewed');
        return codes;
      });
    },

    /** After a correct password: a code to ask for, an enrolment the account demands, or nothing. */
    async secondStep(person: Person): Promise<Step | null> {
      const credential = await repository.findCredential(person);
      if (credential?.confirmedAt) return 'code';
      if (await repository.requiredFor(person)) return 'enrol';
      return null;
    },

    /** The token goes to the browser in the answer's body; only its hash is stored. */
    async issueChallenge(person: Person, step: Step, staySignedIn: boolean) {
      const challenge = generateToken();
      const created = clock.now();
      const expiresAt = addMilliseconds(created, challengeValidity).toISOString();
      await repository.deleteExpiredChallenges(created.toISOString());
      await repository.insertChallenge({
        id: newId(),
        tokenHash: hashToken(challenge),
        ...('userId' in person
          ? { userId: person.userId, operatorId: null }
          : { userId: null, operatorId: person.operatorId }),
        staySignedIn: staySignedIn ? 1 : 0,
        expiresAt,
        usedAt: null,
        createdAt: created.toISOString(),
      });
      return { status: 'two-factor-required' as const, challenge, step, expiresAt };
    },

    /** A code from the app, or a recovery code (once), ends the challenge; the caller starts the session. */
    async passChallenge(options: {
      challenge: string;
      kind: 'user' | 'operator';
      code?: string;
      recoveryCode?: string;
      ipAddress: string;
    }) {
      const { challenge, person } = await openChallenge(options.challenge, options.kind);
      const credential = await confirmedCredential(person);
      const actor = selfActor(person, options.ipAddress);
      const { recoveryCode, code } = options;
      await attempt(challenge, person, recoveryCode !== undefined ? 'recoveryCode' : 'code', async (tx) => {
        if (recoveryCode !== undefined) {
          if (!(await repository.spendRecoveryCode(tx, credential.id, hashRecoveryCode(recoveryCode), now())))
            return null;
          await record(tx, person, actor, 'two_factor.recovery_code_used');
          return true;
        }
        const step = stepOfCode(credential.secret, code ?? '', clock.now());
        return step !== null && (await repository.spendStep(tx, credential.id, step)) ? true : null;
      });
      return { id: idOf(person), staySignedIn: challenge.staySignedIn === 1 };
    },

    /** Whoever's account (or provider, for operators) demands a second factor enrols before the session. */
    async startEnrolmentInChallenge(token: string, kind: 'user' | 'operator' = 'user') {
      const { person } = await openChallenge(token, kind);
      return startEnrolment(person);
    },

    async confirmEnrolmentInChallenge(options: {
      challenge: string;
      code: string;
      ipAddress: string;
      kind?: 'user' | 'operator';
    }) {
      const { challenge, person } = await openChallenge(options.challenge, options.kind ?? 'user');
      const actor = selfActor(person, options.ipAddress);
      const recoveryCodes = await attempt(challenge, person, 'code', (transaction) =>
        confirmIn(transaction, person, options.code, actor),
      );
      return { id: idOf(person), staySignedIn: challenge.staySignedIn === 1, recoveryCodes };
    },

    accountPolicy: async (accountId: string) => ({ required: await repository.accountRequires(accountId) }),

    async setAccountPolicy(accountId: string, required: boolean, actor: AuditActor) {
      await db.transaction().execute(async (transaction) => {
        await repository.setAccountRequires(transaction, accountId, required, now());
        await audit.record(transaction, {
          actor,
          accountId,
          action: 'account.two_factor_policy_changed',
          target: { type: 'account', id: accountId },
          details: { required },
        });
      });
      return { required };
    },
  };
}

export type TwoFactorService = ReturnType<typeof createTwoFactorService>;
export type { Person };
