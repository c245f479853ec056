import type { Db } from '../../db/kysely.ts';
import type { Account, AccountStatus } from '../../db/schema.ts';

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

    setStatus: (executor: Db, id: string, status: AccountStatus, updatedAt: string) =>
      executor.updateTable('accounts').set({ status, updatedAt }).where('id', '=', id).execute(),
  };
}
