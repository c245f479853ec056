import type { Db } from '../../db/kysely.ts';
import type { Role, User } from '../../db/schema.ts';

export function createUsersRepository(db: Db) {
  return {
    insert: (executor: Db, user: Omit<User, 'failedSignIns'>) =>
      executor.insertInto('users').values(user).execute(),

    insertMembership: (
      executor: Db,
      membership: { accountId: string; userId: string; role: Role; createdAt: string },
    ) => executor.insertInto('memberships').values(membership).execute(),

    userNumberTaken: async (executor: Db, userNumber: string) =>
      (await executor
        .selectFrom('users')
        .select('id')
        .where('userNumber', '=', userNumber)
        .executeTakeFirst()) !== undefined,

    findById: (id: string, executor: Db = db) =>
      executor.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst(),

    findByEmail: (email: string, executor: Db = db) =>
      executor.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst(),

    findByNumbers: (customerNumber: string, userNumber: string) =>
      db
        .selectFrom('users')
        .innerJoin('accounts', 'accounts.id', 'users.homeAccountId')
        .selectAll('users')
        .where('accounts.customerNumber', '=', customerNumber)
        .where('users.userNumber', '=', userNumber)
        .executeTakeFirst(),

    /** What the desktop program needs besides the key: customer number, user number, user name. */
    findProgramIdentity: (executor: Db, userId: string) =>
      executor
        .selectFrom('users')
        .innerJoin('accounts', 'accounts.id', 'users.homeAccountId')
        .select(['accounts.customerNumber', 'users.userNumber', 'users.username'])
        .where('users.id', '=', userId)
        .executeTakeFirstOrThrow(),

    memberships: (userId: string) =>
      db
        .selectFrom('memberships')
        .innerJoin('accounts', 'accounts.id', 'memberships.accountId')
        .select([
          'accounts.id as accountId',
          'accounts.customerNumber',
          'accounts.name',
          'accounts.status',
          'memberships.role',
        ])
        .where('memberships.userId', '=', userId)
        .orderBy('accounts.name')
        .execute(),

    update: (executor: Db, id: string, changes: Partial<Omit<User, 'id'>>) =>
      executor.updateTable('users').set(changes).where('id', '=', id).execute(),

    /** Takes the row lock on PostgreSQL (SQLite runs one write transaction at a time anyway). */
    lockForUpdate: (executor: Db, id: string) =>
      executor
        .updateTable('users')
        .set((eb) => ({ failedSignIns: eb.ref('failedSignIns') }))
        .where('id', '=', id)
        .execute(),

    insertAccessKey: (
      executor: Db,
      key: { id: string; userId: string; keyHash: string; createdAt: string },
    ) =>
      executor
        .insertInto('accessKeys')
        .values({ ...key, lastUsedAt: null, revokedAt: null })
        .execute(),

    revokeAccessKeys: (executor: Db, userId: string, revokedAt: string) =>
      executor
        .updateTable('accessKeys')
        .set({ revokedAt })
        .where('userId', '=', userId)
        .where('revokedAt', 'is', null)
        .execute(),
  };
}

export type UsersRepository = ReturnType<typeof createUsersRepository>;
