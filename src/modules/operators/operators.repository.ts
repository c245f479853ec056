import { countRows, type Db } from '../../db/kysely.ts';
import type { NewOperator, OperatorStatus } from '../../db/schema.ts';

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

    /** Every operator, with whether their second factor is on; admins see the staff on one page. */
    listWithSecondFactor: (executor: Db = db) =>
      executor
        .selectFrom('operators')
        .leftJoin('twoFactorCredentials', 'twoFactorCredentials.operatorId', 'operators.id')
        .select([
          'operators.id',
          'operators.name',
          'operators.email',
          'operators.locale',
          'operators.roles',
          'operators.status',
          'operators.createdAt',
          'twoFactorCredentials.confirmedAt as twoFactorConfirmedAt',
        ])
        .orderBy('operators.name')
        .orderBy('operators.id')
        .execute(),

    /**
     * Serializes changes to the staff's roles (a row lock on PostgreSQL; SQLite writes one at a time), so
     * two admins taking the admin role from each other cannot both succeed.
     */
    lockStaff: (executor: Db) =>
      executor
        .updateTable('providerProfile')
        .set((eb) => ({ id: eb.ref('id') }))
        .where('id', '=', 1)
        .execute(),

    activeAdmins: (executor: Db) =>
      executor
        .selectFrom('operators')
        .select('id')
        .where('status', '=', 'active')
        .where('roles', 'like', '%"admin"%')
        .execute(),

    setRoles: (executor: Db, id: string, roles: string, updatedAt: string) =>
      executor.updateTable('operators').set({ roles, updatedAt }).where('id', '=', id).execute(),

    setStatus: (executor: Db, id: string, status: OperatorStatus, updatedAt: string) =>
      executor.updateTable('operators').set({ status, updatedAt }).where('id', '=', id).execute(),

    /** An invited operator's first password; false when the invitation was withdrawn meanwhile. */
    async activate(executor: Db, id: string, passwordHash: string, updatedAt: string) {
      const result = await executor
        .updateTable('operators')
        .set({ passwordHash, status: 'active', updatedAt })
        .where('id', '=', id)
        .where('status', '=', 'invited')
        .executeTakeFirst();
      return result.numUpdatedRows === 1n;
    },

    async secondFactorRequired(executor: Db = db) {
      const row = await executor
        .selectFrom('providerProfile')
        .select('operatorTwoFactorRequired')
        .where('id', '=', 1)
        .executeTakeFirst();
      return row?.operatorTwoFactorRequired === 1;
    },

    setSecondFactorRequired: (executor: Db, required: boolean, updatedAt: string) =>
      executor
        .updateTable('providerProfile')
        .set({ operatorTwoFactorRequired: required ? 1 : 0, updatedAt })
        .where('id', '=', 1)
        .execute(),

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
