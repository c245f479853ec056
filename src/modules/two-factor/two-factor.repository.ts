import type { Db } from '../../db/kysely.ts';
import { prepareQuery } from '../../db/prepared.ts';
import type { TwoFactorChallengesTable } from '../../db/schema.ts';

/** A user or an operator: whoever signs in with a second factor. */
export type Person = { userId: string } | { operatorId: string };

const ownerColumns = (person: Person) =>
  'userId' in person
    ? { userId: person.userId, operatorId: null }
    : { userId: null, operatorId: person.operatorId };

export function createTwoFactorRepository(db: Db) {
  // Every sign-in asks both.
  const credentialOf = prepareQuery(db, ({ userId }: { userId: string }) =>
    db.selectFrom('twoFactorCredentials').selectAll().where('userId', '=', userId),
  );
  const demandingAccount = prepareQuery(db, ({ userId }: { userId: string }) =>
    db
      .selectFrom('memberships')
      .innerJoin('accounts', 'accounts.id', 'memberships.accountId')
      .select('accounts.id')
      .where('memberships.userId', '=', userId)
      .where('accounts.twoFactorRequired', '=', 1)
      .where('accounts.status', '=', 'active'),
  );

  return {
    findCredential: (person: Person, executor: Db = db) =>
      'userId' in person
        ? credentialOf.takeFirst(person, executor)
        : executor
            .selectFrom('twoFactorCredentials')
            .selectAll()
            .where('operatorId', '=', person.operatorId)
            .executeTakeFirst(),

    async replaceCredential(
      executor: Db,
      person: Person,
      credential: { id: string; secret: string; createdAt: string },
    ) {
      await this.deleteCredential(executor, person);
      await executor
        .insertInto('twoFactorCredentials')
        .values({ ...credential, ...ownerColumns(person), confirmedAt: null, lastUsedStep: null })
        .execute();
    },

    deleteCredential: (executor: Db, person: Person) => {
      const query = executor.deleteFrom('twoFactorCredentials');
      return (
        'userId' in person
          ? query.where('userId', '=', person.userId)
          : query.where('operatorId', '=', person.operatorId)
      ).execute();
    },

    /** True for exactly one caller per step: a code is never accepted twice, nor an older one after it. */
    async spendStep(
      executor: Db,
      credentialId: string,
      step: number,
      confirmedAt?: string,
    ): Promise<boolean> {
      const result = await executor
        .updateTable('twoFactorCredentials')
        .set({ lastUsedStep: step, ...(confirmedAt ? { confirmedAt } : {}) })
        .where('id', '=', credentialId)
        .where((eb) => eb.or([eb('lastUsedStep', 'is', null), eb('lastUsedStep', '<', step)]))
        .executeTakeFirst();
      return result.numUpdatedRows === 1n;
    },

    async replaceRecoveryCodes(executor: Db, credentialId: string, rows: { id: string; codeHash: string }[]) {
      await executor.deleteFrom('twoFactorRecoveryCodes').where('credentialId', '=', credentialId).execute();
      await executor
        .insertInto('twoFactorRecoveryCodes')
        .values(rows.map((row) => ({ ...row, credentialId, usedAt: null })))
        .execute();
    },

    /** True for exactly one caller: a recovery code works once. */
    async spendRecoveryCode(executor: Db, credentialId: string, codeHash: string, usedAt: string) {
      const result = await executor
        .updateTable('twoFactorRecoveryCodes')
        .set({ usedAt })
        .where('credentialId', '=', credentialId)
        .where('codeHash', '=', codeHash)
        .where('usedAt', 'is', null)
        .executeTakeFirst();
      return result.numUpdatedRows === 1n;
    },

    async recoveryCodesLeft(credentialId: string): Promise<number> {
      const row = await db
        .selectFrom('twoFactorRecoveryCodes')
        .select((eb) => eb.fn.countAll<string | number>().as('count'))
        .where('credentialId', '=', credentialId)
        .where('usedAt', 'is', null)
        .executeTakeFirstOrThrow();
      return Number(row.count);
    },

    /** The password hash, for re-authentication before turning the second factor off. */
    async passwordHash(person: Person): Promise<string | null> {
      const row =
        'userId' in person
          ? await db
              .selectFrom('users')
              .select('passwordHash')
              .where('id', '=', person.userId)
              .executeTakeFirst()
          : await db
              .selectFrom('operators')
              .select('passwordHash')
              .where('id', '=', person.operatorId)
              .executeTakeFirst();
      return row?.passwordHash ?? null;
    },

    async homeAccountOf(userId: string, executor: Db = db): Promise<string | null> {
      const row = await executor
        .selectFrom('users')
        .select('homeAccountId')
        .where('id', '=', userId)
        .executeTakeFirst();
      return row?.homeAccountId ?? null;
    },

    /** What the authenticator app shows under the code: the person's address or user name. */
    async labelOf(person: Person): Promise<string> {
      if ('userId' in person) {
        const user = await db
          .selectFrom('users')
          .select(['email', 'username'])
          .where('id', '=', person.userId)
          .executeTakeFirst();
        return user?.email ?? user?.username ?? '';
      }
      const operator = await db
        .selectFrom('operators')
        .select('email')
        .where('id', '=', person.operatorId)
        .executeTakeFirst();
      return operator?.email ?? '';
    },

    /** Whether an active account the user belongs to asks everyone for a second factor. */
    /** A customer's accounts, or for an operator the provider (issue 16), may demand a second factor. */
    async requiredFor(person: Person): Promise<boolean> {
      if ('userId' in person)
        return (await demandingAccount.takeFirst({ userId: person.userId })) !== undefined;
      const row = await db
        .selectFrom('providerProfile')
        .select('operatorTwoFactorRequired')
        .where('id', '=', 1)
        .executeTakeFirst();
      return row?.operatorTwoFactorRequired === 1;
    },

    async accountRequires(accountId: string): Promise<boolean> {
      const row = await db
        .selectFrom('accounts')
        .select('twoFactorRequired')
        .where('id', '=', accountId)
        .executeTakeFirst();
      return row?.twoFactorRequired === 1;
    },

    setAccountRequires: (executor: Db, accountId: string, required: boolean, updatedAt: string) =>
      executor
        .updateTable('accounts')
        .set({ twoFactorRequired: required ? 1 : 0, updatedAt })
        .where('id', '=', accountId)
        .execute(),

    insertChallenge: (challenge: Omit<TwoFactorChallengesTable, 'attempts'>) =>
      db.insertInto('twoFactorChallenges').values(challenge).execute(),

    findChallenge: (tokenHash: string, executor: Db = db) =>
      executor
        .selectFrom('twoFactorChallenges')
        .selectAll()
        .where('tokenHash', '=', tokenHash)
        .executeTakeFirst(),

    /**
     * Counts a try before its code is checked, so parallel guesses cannot exceed the limit; null when the
     * challenge has no try left (or has ended).
     */
    async reserveTry(id: string, limit: number): Promise<number | null> {
      const row = await db
        .updateTable('twoFactorChallenges')
        .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
        .where('id', '=', id)
        .where('attempts', '<', limit)
        .where('usedAt', 'is', null)
        .returning('attempts')
        .executeTakeFirst();
      return row?.attempts ?? null;
    },

    endChallenge: (id: string, usedAt: string) =>
      db.updateTable('twoFactorChallenges').set({ usedAt }).where('id', '=', id).execute(),

    /** True for exactly one caller: a challenge starts one session. */
    async spendChallenge(executor: Db, id: string, usedAt: string): Promise<boolean> {
      const result = await executor
        .updateTable('twoFactorChallenges')
        .set({ usedAt })
        .where('id', '=', id)
        .where('usedAt', 'is', null)
        .executeTakeFirst();
      return result.numUpdatedRows === 1n;
    },

    deleteExpiredChallenges: (before: string) =>
      db.deleteFrom('twoFactorChallenges').where('expiresAt', '<', before).execute(),
  };
}

export type TwoFactorRepository = ReturnType<typeof createTwoFactorRepository>;
