import type { Db } from '../../db/kysely.ts';

export function createActivationRepository(db: Db) {
  return {
    /** Every activation link of the account's own users, newest first, with whom it was for. */
    listForAccount: (accountId: string) =>
      db
        .selectFrom('actionTokens')
        .innerJoin('users', 'users.id', 'actionTokens.userId')
        .select([
          'actionTokens.id',
          'actionTokens.createdAt',
          'actionTokens.expiresAt',
          'actionTokens.openedAt',
          'actionTokens.usedAt',
          'actionTokens.revokedAt',
          'users.id as userId',
          'users.userNumber',
          'users.title',
          'users.firstName',
          'users.lastName',
          'users.email',
          'users.status as userStatus',
        ])
        .where('users.homeAccountId', '=', accountId)
        .where('actionTokens.purpose', '=', 'activation')
        .orderBy('actionTokens.createdAt', 'desc')
        .orderBy('actionTokens.id')
        .execute(),

    /** The people a user whose link has failed can ask: the account's owner and admins. */
    adminsOf: (accountId: string) =>
      db
        .selectFrom('users')
        .innerJoin('memberships', 'memberships.userId', 'users.id')
        .select(['users.salutation', 'users.title', 'users.firstName', 'users.lastName', 'users.email'])
        .where('memberships.accountId', '=', accountId)
        .where('memberships.role', 'in', ['owner', 'admin'])
        .where('users.status', '=', 'active')
        .orderBy('users.lastName')
        .orderBy('users.firstName')
        .execute(),

    accountExists: async (accountId: string) =>
      (await db.selectFrom('accounts').select('id').where('id', '=', accountId).executeTakeFirst()) !==
      undefined,

    /** The activation's result: password, PIN and answer hashes, the address confirmed, the user active. */
    activate: (
      executor: Db,
      userId: string,
      secrets: {
        passwordHash: string;
        pinHash: string;
        securityQuestion: string;
        securityAnswerHash: string;
      },
      now: string,
      emailConfirmedAt: string,
    ) =>
      executor
        .updateTable('users')
        .set({ ...secrets, status: 'active', emailConfirmedAt, updatedAt: now })
        .where('id', '=', userId)
        .where('status', '=', 'pending_activation')
        .executeTakeFirst(),
  };
}
