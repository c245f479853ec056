import type { Db } from '../../db/kysely.ts';
import type { DomainContact } from '../../db/schema.ts';

export type DomainContactFields = Omit<DomainContact, 'id' | 'accountId' | 'createdAt' | 'updatedAt'>;

export function createDomainContactsRepository() {
  return {
    insert: (executor: Db, contact: DomainContact) =>
      executor.insertInto('domainContacts').values(contact).execute(),

    /** In name order, as the index domain_contacts_list keeps them. */
    listForAccount: (executor: Db, accountId: string) =>
      executor
        .selectFrom('domainContacts')
        .selectAll()
        .where('accountId', '=', accountId)
        .orderBy('lastName')
        .orderBy('firstName')
        .orderBy('id')
        .limit(500)
        .execute(),

    findInAccount: (executor: Db, accountId: string, id: string) =>
      executor
        .selectFrom('domainContacts')
        .selectAll()
        .where('accountId', '=', accountId)
        .where('id', '=', id)
        .executeTakeFirst(),

    update: (executor: Db, accountId: string, id: string, fields: DomainContactFields, now: string) =>
      executor
        .updateTable('domainContacts')
        .set({ ...fields, updatedAt: now })
        .where('accountId', '=', accountId)
        .where('id', '=', id)
        .executeTakeFirst(),

    remove: (executor: Db, accountId: string, id: string) =>
      executor
        .deleteFrom('domainContacts')
        .where('accountId', '=', accountId)
        .where('id', '=', id)
        .executeTakeFirst(),
  };
}
