import type { Db } from '../../db/kysely.ts';

// Who may receive an account's notifications: its members with an address (the owner's is the account's
// primary address) and its contacts. Disabled users receive nothing.
export function createNotificationsRepository() {
  return {
    account: (executor: Db, accountId: string) =>
      executor
        .selectFrom('accounts')
        .select(['id', 'name', 'customerNumber', 'locale'])
        .where('id', '=', accountId)
        .executeTakeFirstOrThrow(),

    members: (executor: Db, accountId: string) =>
      executor
        .selectFrom('memberships')
        .innerJoin('users', 'users.id', 'memberships.userId')
        .select([
          'users.id',
          'users.salutation',
          'users.title',
          'users.firstName',
          'users.lastName',
          'users.email',
          'users.locale',
          'memberships.role',
          'memberships.notificationCategories',
        ])
        .where('memberships.accountId', '=', accountId)
        .where('users.email', 'is not', null)
        .where('users.status', '!=', 'disabled')
        .orderBy('users.lastName')
        .orderBy('users.firstName')
        .orderBy('users.id')
        .execute(),

    contacts: (executor: Db, accountId: string) =>
      executor
        .selectFrom('contacts')
        .select(['id', 'name', 'email', 'locale', 'categories', 'unsubscribeKey'])
        .where('accountId', '=', accountId)
        .orderBy('name')
        .orderBy('id')
        .execute(),

    membership: (executor: Db, accountId: string, userId: string) =>
      executor
        .selectFrom('memberships')
        .select(['role', 'notificationCategories'])
        .where('accountId', '=', accountId)
        .where('userId', '=', userId)
        .executeTakeFirst(),

    setMemberCategories: (executor: Db, accountId: string, userId: string, categories: string) =>
      executor
        .updateTable('memberships')
        .set({ notificationCategories: categories })
        .where('accountId', '=', accountId)
        .where('userId', '=', userId)
        .execute(),

    personName: (executor: Db, userId: string) =>
      executor
        .selectFrom('users')
        .select(['salutation', 'title', 'firstName', 'lastName'])
        .where('id', '=', userId)
        .executeTakeFirstOrThrow(),

    /** When the account last sent a test e-mail of a category (their spacing). */
    lastTest: (executor: Db, accountId: string, category: string) =>
      executor
        .selectFrom('auditEvents')
        .select('createdAt')
        .where('accountId', '=', accountId)
        .where('action', '=', 'notification.test_sent')
        .where('details', '=', JSON.stringify({ category }))
        .orderBy('createdAt', 'desc')
        .limit(1)
        .executeTakeFirst(),
  };
}
