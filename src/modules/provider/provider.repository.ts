import type { Db } from '../../db/kysely.ts';
import type { ProviderProfileTable } from '../../db/schema.ts';

export type ProviderProfileRow = ProviderProfileTable;

// One row (id 1), created by its migration.
export function createProviderRepository(db: Db) {
  return {
    get: (executor: Db = db) =>
      executor.selectFrom('providerProfile').selectAll().where('id', '=', 1).executeTakeFirstOrThrow(),

    update: (executor: Db, changes: Partial<Omit<ProviderProfileTable, 'id'>>) =>
      executor.updateTable('providerProfile').set(changes).where('id', '=', 1).execute(),
  };
}
