import type { Db } from '../../db/kysely.ts';
import { prepareQuery } from '../../db/prepared.ts';
import { usableServicesColumn, usableServicesOf } from '../catalogue/index.ts';

export function createProgramRepository(db: Db) {
  /**
   * Every program call runs it: built once, like the session lookup, and with the services the user may
   * use at `at` as a column, so `me` is one statement (bench K1).
   */
  const liveKey = prepareQuery(db, ({ keyHash, at }: { keyHash: string; at: string }) =>
    db
      .selectFrom('accessKeys')
      .innerJoin('users', 'users.id', 'accessKeys.userId')
      .innerJoin('accounts', 'accounts.id', 'users.homeAccountId')
      .innerJoin('memberships', (join) =>
        join.onRef('memberships.userId', '=', 'users.id').onRef('memberships.accountId', '=', 'accounts.id'),
      )
      .select([
        'users.id as userId',
        'users.userNumber',
        'users.username',
        'users.salutation',
        'users.title',
        'users.firstName',
        'users.lastName',
        'users.email',
        'users.status',
        'users.locale',
        'accounts.id as accountId',
        'accounts.customerNumber',
        'accounts.name as companyName',
        'accounts.status as accountStatus',
        'accounts.locale as accountLocale',
        'memberships.role',
        'memberships.permissions',
        (eb) =>
          usableServicesColumn(db, { accountId: eb.ref('accounts.id'), userId: eb.ref('users.id'), at }).as(
            'services',
          ),
      ])
      .where('accessKeys.keyHash', '=', keyHash)
      .where('accessKeys.revokedAt', 'is', null),
  );

  return {
    /** The user a live access key belongs to, with their home account, role and usable services there at `at`. */
    async findByKeyHash(keyHash: string, at: Date) {
      const row = await liveKey.takeFirst({ keyHash, at: at.toISOString() });
      return row && { ...row, services: usableServicesOf(row.services) };
    },

    /** The account's own users for the program's dropdown, by user number. */
    listUsers: (accountId: string) =>
      db
        .selectFrom('users')
        .innerJoin('memberships', (join) =>
          join.onRef('memberships.userId', '=', 'users.id').on('memberships.accountId', '=', accountId),
        )
        .select([
          'users.id',
          'users.userNumber',
          'users.username',
          'users.title',
          'users.firstName',
          'users.lastName',
          'users.email',
          'users.status',
          'memberships.role',
        ])
        .where('users.homeAccountId', '=', accountId)
        .orderBy('users.userNumber')
        .execute(),

    accountStatus: async (executor: Db, accountId: string) =>
      (await executor.selectFrom('accounts').select('status').where('id', '=', accountId).executeTakeFirst())
        ?.status,

    findUserByNumber: (executor: Db, accountId: string, userNumber: string) =>
      executor
        .selectFrom('users')
        .select(['id', 'userNumber', 'username'])
        .where('homeAccountId', '=', accountId)
        .where('userNumber', '=', userNumber)
        .executeTakeFirst(),

    /** Changes after `afterId`, oldest first, with the user as they are now (none once deleted). */
    changesSince: (accountId: string, afterId: number, limit: number) =>
      db
        .selectFrom('userChanges')
        .leftJoin('users', 'users.id', 'userChanges.userId')
        .leftJoin('memberships', (join) =>
          join.onRef('memberships.userId', '=', 'users.id').on('memberships.accountId', '=', accountId),
        )
        .select([
          'userChanges.id',
          'userChanges.kind',
          'userChanges.userNumber',
          'userChanges.at',
          'users.id as userId',
          'users.username',
          'users.title',
          'users.firstName',
          'users.lastName',
          'users.email',
          'users.status',
          'memberships.role',
        ])
        .where('userChanges.accountId', '=', accountId)
        .where('userChanges.id', '>', afterId)
        .orderBy('userChanges.id')
        .limit(limit)
        .execute(),
  };
}

export type ProgramRepository = ReturnType<typeof createProgramRepository>;
