import type { Db } from '../../db/kysely.ts';
import type { Account, AccountStatus } from '../../db/schema.ts';
import { anyColumnContains } from '../../db/search.ts';

const ownerColumns = [
  'users.firstName as ownerFirstName',
  'users.lastName as ownerLastName',
  'users.email as ownerEmail',
] as const;

/** Accounts with their owner (the one membership with role owner). */
const withOwner = (executor: Db) =>
  executor
    .selectFrom('accounts')
    .leftJoin('memberships', (join) =>
      join.onRef('memberships.accountId', '=', 'accounts.id').on('memberships.role', '=', 'owner'),
    )
    .leftJoin('users', 'users.id', 'memberships.userId');

export function createAccountsRepository(db: Db) {
  return {
    insert: (executor: Db, account: Omit<Account, 'seatsUsed'> & { seatsUsed: number }) =>
      executor.insertInto('accounts').values(account).execute(),

    customerNumberTaken: async (executor: Db, customerNumber: string) =>
      (await executor
        .selectFrom('accounts')
        .select('id')
        .where('customerNumber', '=', customerNumber)
        .executeTakeFirst()) !== undefined,

    findById: (id: string, executor: Db = db) =>
      executor.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst(),

    findWithOwner: (id: string, executor: Db = db) =>
      withOwner(executor)
        .selectAll('accounts')
        .select(ownerColumns)
        .where('accounts.id', '=', id)
        .executeTakeFirst(),

    async search(options: { search?: string; status?: AccountStatus; limit: number; offset: number }) {
      let query = withOwner(db);
      if (options.status) query = query.where('accounts.status', '=', options.status);
      if (options.search) {
        const search = options.search;
        query = query.where((eb) =>
          eb.or(
            anyColumnContains(
              [
                'accounts.name',
                'accounts.customerNumber',
                'users.email',
                'users.firstName',
                'users.lastName',
              ],
              search,
            ),
          ),
        );
      }
      const [items, total] = await Promise.all([
        query
          .selectAll('accounts')
          .select(ownerColumns)
          .orderBy('accounts.name')
          .orderBy('accounts.id')
          .limit(options.limit)
          .offset(options.offset)
          .execute(),
        query.select((eb) => eb.fn.countAll().as('count')).executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(total.count) };
    },

    update: (
      executor: Db,
      id: string,
      changes: Partial<Omit<Account, 'id' | 'customerNumber' | 'seatsUsed'>>,
    ) => executor.updateTable('accounts').set(changes).where('id', '=', id).execute(),

    setStatus: (executor: Db, id: string, status: AccountStatus, updatedAt: string) =>
      executor.updateTable('accounts').set({ status, updatedAt }).where('id', '=', id).execute(),
  };
}
