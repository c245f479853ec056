import type { Db } from '../../db/kysely.ts';
import type { Contact } from '../../db/schema.ts';

export function createContactsRepository() {
  return {
    listInAccount: (executor: Db, accountId: string) =>
      executor
        .selectFrom('contacts')
        .selectAll()
        .where('accountId', '=', accountId)
        .orderBy('name')
        .orderBy('id')
        .limit(500)
        .execute(),

    find: (executor: Db, accountId: string, id: string) =>
      executor
        .selectFrom('contacts')
        .selectAll()
        .where('accountId', '=', accountId)
        .where('id', '=', id)
        .executeTakeFirst(),

    /** For an unsubscribe link, which names the contact but not its account. */
    findById: (executor: Db, id: string) =>
      executor
        .selectFrom('contacts')
        .innerJoin('accounts', 'accounts.id', 'contacts.accountId')
        .selectAll('contacts')
        .select('accounts.name as companyName')
        .where('contacts.id', '=', id)
        .executeTakeFirst(),

    insert: (executor: Db, contact: Contact) => executor.insertInto('contacts').values(contact).execute(),

    update: (
      executor: Db,
      accountId: string,
      id: string,
      changes: Partial<Omit<Contact, 'id' | 'accountId' | 'createdAt'>>,
    ) =>
      executor
        .updateTable('contacts')
        .set(changes)
        .where('accountId', '=', accountId)
        .where('id', '=', id)
        .execute(),

    remove: (executor: Db, accountId: string, id: string) =>
      executor.deleteFrom('contacts').where('accountId', '=', accountId).where('id', '=', id).execute(),

    country: (executor: Db, accountId: string) =>
      executor
        .selectFrom('accounts')
        .select(['billingCountry', 'locale'])
        .where('id', '=', accountId)
        .executeTakeFirstOrThrow(),
  };
}
