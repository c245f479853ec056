import type { Db } from '../../db/kysely.ts';

export function createCallerRepository(db: Db) {
  return {
    /** The user the caller names by customer number and user number, with what identifies them. */
    findCaller: (customerNumber: string, userNumber: string) =>
      db
        .selectFrom('users')
        .innerJoin('accounts', 'accounts.id', 'users.homeAccountId')
        .select([
          'users.id',
          'users.homeAccountId',
          'users.salutation',
          'users.title',
          'users.firstName',
          'users.lastName',
          'users.pinHash',
          'users.securityQuestion',
          'users.securityAnswerHash',
          'users.identificationLockedUntil',
          'accounts.name as accountName',
          'accounts.customerNumber',
          'users.userNumber',
        ])
        .where('accounts.customerNumber', '=', customerNumber)
        .where('users.userNumber', '=', userNumber)
        .executeTakeFirst(),

    /** A wait that is over starts the count again. */
    endExpiredWait: (userId: string, now: string) =>
      db
        .updateTable('users')
        .set({ identificationFailures: 0, identificationLockedUntil: null })
        .where('id', '=', userId)
        .where('identificationLockedUntil', '<=', now)
        .execute(),

    /**
     * Counts a try as failed before anything is compared, in one conditional update: parallel tries can
     * never get past the limit. False when the user is waiting or has no tries left.
     */
    async reserveTry(userId: string, maxTries: number, now: string): Promise<number | null> {
      const result = await db
        .updateTable('users')
        .set((eb) => ({ identificationFailures: eb('identificationFailures', '+', 1) }))
        .where('id', '=', userId)
        .where('identificationFailures', '<', maxTries)
        .where((eb) =>
          eb.or([eb('identificationLockedUntil', 'is', null), eb('identificationLockedUntil', '<=', now)]),
        )
        .executeTakeFirst();
      if (result.numUpdatedRows !== 1n) return null;
      const row = await db
        .selectFrom('users')
        .select('identificationFailures')
        .where('id', '=', userId)
        .executeTakeFirstOrThrow();
      return row.identificationFailures;
    },

    /** The tries are used up: the user waits until `until`, then gets all of them again. */
    startWait: (executor: Db, userId: string, until: string) =>
      executor
        .updateTable('users')
        .set({ identificationLockedUntil: until })
        .where('id', '=', userId)
        .where('identificationLockedUntil', 'is', null)
        .execute(),

    lockedUntil: async (userId: string) =>
      (
        await db
          .selectFrom('users')
          .select('identificationLockedUntil')
          .where('id', '=', userId)
          .executeTakeFirst()
      )?.identificationLockedUntil ?? null,

    resetTries: (executor: Db, userId: string) =>
      executor
        .updateTable('users')
        .set({ identificationFailures: 0, identificationLockedUntil: null })
        .where('id', '=', userId)
        .execute(),

    setIdentification: (
      executor: Db,
      userId: string,
      changes: { pinHash?: string; securityQuestion?: string; securityAnswerHash?: string },
      now: string,
    ) =>
      executor
        .updateTable('users')
        .set({ ...changes, identificationFailures: 0, identificationLockedUntil: null, updatedAt: now })
        .where('id', '=', userId)
        .execute(),
  };
}
