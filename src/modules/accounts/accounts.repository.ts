import { sql } from 'kysely';
import type { Db } from '../../db/kysely.ts';
import type { AccountStatus, NewAccount } from '../../db/schema.ts';
import { searchMatches } from '../../db/search.ts';
import { searchText } from '../../shared/search-text.ts';

const ownerColumns = [
  'users.title as ownerTitle',
  'users.firstName as ownerFirstName',
  'users.lastName as ownerLastName',
  'users.email as ownerEmail',
  'users.emailConfirmedAt as ownerEmailConfirmedAt',
  // Whether the owner has set a password, not the hash itself.
  sql<boolean>`users.password_hash is not null`.as('ownerHasPassword'),
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
    insert: (executor: Db, account: Omit<NewAccount, 'seatsUsed'> & { seatsUsed: number }) =>
      executor
        .insertInto('accounts')
        .values({ ...account, searchText: searchText([account.name, account.customerNumber]) })
        .execute(),

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
        // The account's name and number, or its owner's names and e-mail address.
        query = query.where((eb) =>
          eb.or([
            ...searchMatches('accounts.searchText', search),
            ...searchMatches('users.searchText', search),
          ]),
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

    async update(
      executor: Db,
      id: string,
      changes: Partial<Omit<NewAccount, 'id' | 'customerNumber' | 'seatsUsed'>>,
    ) {
      // A new name is searched for with the customer number, which never changes.
      const { name } = changes;
      const account =
        name &&
        (await executor
          .selectFrom('accounts')
          .select('customerNumber')
          .where('id', '=', id)
          .executeTakeFirst());
      const search = name && account ? { searchText: searchText([name, account.customerNumber]) } : {};
      await executor
        .updateTable('accounts')
        .set({ ...changes, ...search })
        .where('id', '=', id)
        .execute();
    },

    setStatus: (executor: Db, id: string, status: AccountStatus, updatedAt: string) =>
      executor.updateTable('accounts').set({ status, updatedAt }).where('id', '=', id).execute(),
  };
}
