import { countRows, type Db } from '../../db/kysely.ts';
import type { NewOperator } from '../../db/schema.ts';

export function createOperatorsRepository(db: Db) {
  return {
    count: () => countRows(db, 'operators'),

    findByEmail: (email: string, executor: Db = db) =>
      executor.selectFrom('operators').selectAll().where('email', '=', email).executeTakeFirst(),

    findById: (id: string, executor: Db = db) =>
      executor.selectFrom('operators').selectAll().where('id', '=', id).executeTakeFirst(),

    setLocale: (id: string, locale: string, updatedAt: string) =>
      db.updateTable('operators').set({ locale, updatedAt }).where('id', '=', id).execute(),

    setPassword: (executor: Db, id: string, passwordHash: string, updatedAt: string) =>
      executor.updateTable('operators').set({ passwordHash, updatedAt }).where('id', '=', id).execute(),

    insert: (executor: Db, operator: NewOperator) =>
      executor.insertInto('operators').values(operator).execute(),

    insertSetupToken: (token: { id: string; tokenHash: string; expiresAt: string; createdAt: string }) =>
      db
        .insertInto('actionTokens')
        .values({ ...token, purpose: 'operator_setup', operatorId: null, usedAt: null })
        .execute(),

    findSetupToken: (tokenHash: string, executor: Db = db) =>
      executor
        .selectFrom('actionTokens')
        .selectAll()
        .where('tokenHash', '=', tokenHash)
        .where('purpose', '=', 'operator_setup')
        .executeTakeFirst(),

    /** True for exactly one caller, however many race for the same token. */
    async useToken(executor: Db, id: string, usedAt: string, operatorId: string): Promise<boolean> {
      const result = await executor
        .updateTable('actionTokens')
        .set({ usedAt, operatorId })
        .where('id', '=', id)
        .where('usedAt', 'is', null)
        .executeTakeFirst();
      return result.numUpdatedRows === 1n;
    },
  };
}
