import type { Insertable } from 'kysely';
import type { Db } from '../../db/kysely.ts';
import type {
  ExpressAccountSettingsTable,
  ExpressPhonesTable,
  ExpressSetupProgressTable,
  ExpressUserSettingsTable,
} from '../../db/schema.ts';

export type AccountSettingsRow = Insertable<ExpressAccountSettingsTable>;
export type UserSettingsRow = Insertable<ExpressUserSettingsTable>;
export type PhoneRow = Insertable<ExpressPhonesTable>;
type ProgressRow = Insertable<ExpressSetupProgressTable>;

const userColumns = ['users.id', 'users.title', 'users.firstName', 'users.lastName', 'users.locale'] as const;

export function createExpressSetupRepository() {
  return {
    account: (executor: Db, accountId: string) =>
      executor
        .selectFrom('accounts')
        .select(['id', 'name', 'locale', 'timezone', 'billingCountry'])
        .where('id', '=', accountId)
        .executeTakeFirstOrThrow(),

    /** A user of the account itself (not a person invited from elsewhere), with a name to show. */
    accountUser: (executor: Db, accountId: string, userId: string) =>
      executor
        .selectFrom('users')
        .innerJoin('memberships', (join) =>
          join.onRef('memberships.userId', '=', 'users.id').on('memberships.accountId', '=', accountId),
        )
        .select(userColumns)
        .where('users.id', '=', userId)
        .where('users.homeAccountId', '=', accountId)
        .executeTakeFirst(),

    owner: (executor: Db, accountId: string) =>
      executor
        .selectFrom('users')
        .innerJoin('memberships', 'memberships.userId', 'users.id')
        .select(userColumns)
        .where('memberships.accountId', '=', accountId)
        .where('memberships.role', '=', 'owner')
        .executeTakeFirstOrThrow(),

    user: (executor: Db, userId: string) =>
      executor.selectFrom('users').select(userColumns).where('id', '=', userId).executeTakeFirstOrThrow(),

    setUserLocale: (executor: Db, userId: string, locale: string, now: string) =>
      executor.updateTable('users').set({ locale, updatedAt: now }).where('id', '=', userId).execute(),

    accountSettings: (executor: Db, accountId: string) =>
      executor
        .selectFrom('expressAccountSettings')
        .selectAll()
        .where('accountId', '=', accountId)
        .executeTakeFirst(),

    saveAccountSettings: (executor: Db, row: AccountSettingsRow) =>
      executor
        .insertInto('expressAccountSettings')
        .values(row)
        .onConflict((conflict) =>
          conflict.column('accountId').doUpdateSet({
            greetingMode: row.greetingMode,
            customGreeting: row.customGreeting,
            operatorUserId: row.operatorUserId,
            updatedAt: row.updatedAt,
          }),
        )
        .execute(),

    userSettings: (executor: Db, accountId: string, userId: string) =>
      executor
        .selectFrom('expressUserSettings')
        .selectAll()
        .where('accountId', '=', accountId)
        .where('userId', '=', userId)
        .executeTakeFirst(),

    saveUserSettings: (executor: Db, row: UserSettingsRow) => {
      const { accountId: _account, userId: _user, ...changes } = row;
      return executor
        .insertInto('expressUserSettings')
        .values(row)
        .onConflict((conflict) => conflict.columns(['accountId', 'userId']).doUpdateSet(changes))
        .execute();
    },

    phones: (executor: Db, accountId: string, userId: string) =>
      executor
        .selectFrom('expressPhones')
        .selectAll()
        .where('accountId', '=', accountId)
        .where('userId', '=', userId)
        .orderBy('createdAt')
        .orderBy('id')
        .limit(100)
        .execute(),

    phoneWithMac: (executor: Db, accountId: string, macAddress: string) =>
      executor
        .selectFrom('expressPhones')
        .select('id')
        .where('accountId', '=', accountId)
        .where('macAddress', '=', macAddress)
        .executeTakeFirst(),

    /** Only the user's own phone: someone else's is not found. */
    ownPhone: (executor: Db, accountId: string, userId: string, phoneId: string) =>
      executor
        .selectFrom('expressPhones')
        .selectAll()
        .where('accountId', '=', accountId)
        .where('userId', '=', userId)
        .where('id', '=', phoneId)
        .executeTakeFirst(),

    insertPhone: (executor: Db, row: PhoneRow) => executor.insertInto('expressPhones').values(row).execute(),

    removePhone: (executor: Db, phoneId: string) =>
      executor.deleteFrom('expressPhones').where('id', '=', phoneId).execute(),

    progress: (executor: Db, accountId: string) =>
      executor
        .selectFrom('expressSetupProgress')
        .select(['step', 'state'])
        .where('accountId', '=', accountId)
        .executeTakeFirst(),

    saveProgress: (executor: Db, row: ProgressRow) =>
      executor
        .insertInto('expressSetupProgress')
        .values(row)
        .onConflict((conflict) =>
          conflict
            .column('accountId')
            .doUpdateSet({ step: row.step, state: row.state, updatedAt: row.updatedAt }),
        )
        .execute(),
  };
}

export type ExpressSetupRepository = ReturnType<typeof createExpressSetupRepository>;
