import type { Db } from '../../db/kysely.ts';
import type { Database, HostedProductState } from '../../db/schema.ts';

type HostedProductRow = Database['hostedProducts'];

export function createHostedProductsRepository() {
  return {
    accountExists: async (executor: Db, accountId: string) =>
      Boolean(
        await executor.selectFrom('accounts').select('id').where('id', '=', accountId).executeTakeFirst(),
      ),

    /** Live ones first (ended last), then the newest start first. */
    listForAccount: (executor: Db, accountId: string) =>
      executor
        .selectFrom('hostedProducts')
        .selectAll()
        .where('accountId', '=', accountId)
        .orderBy((eb) => eb.case().when('state', '=', 'ended').then(1).else(0).end())
        .orderBy('startedOn', 'desc')
        .orderBy('name')
        .limit(500)
        .execute(),

    findInAccount: (executor: Db, accountId: string, id: string) =>
      executor
        .selectFrom('hostedProducts')
        .selectAll()
        .where('accountId', '=', accountId)
        .where('id', '=', id)
        .executeTakeFirst(),

    insert: (executor: Db, row: HostedProductRow) =>
      executor.insertInto('hostedProducts').values(row).execute(),

    setState: (
      executor: Db,
      accountId: string,
      id: string,
      fields: { state: HostedProductState; endedAt: string | null; updatedAt: string },
    ) =>
      executor
        .updateTable('hostedProducts')
        .set(fields)
        .where('accountId', '=', accountId)
        .where('id', '=', id)
        .execute(),
  };
}
