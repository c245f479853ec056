import type { Db } from '../../db/kysely.ts';
import type { DnsRecord, Domain } from '../../db/schema.ts';
import type { DnsRecordFields } from './dns-records.ts';

export type DomainSettings = Pick<Domain, 'registrantId' | 'redirectKind' | 'redirectTarget'>;

export function createDomainsRepository() {
  return {
    insert: (executor: Db, domain: Domain) => executor.insertInto('domains').values(domain).execute(),

    /** In name order, each with its registrant's name parts and its number of records. */
    listForAccount: (executor: Db, accountId: string) =>
      executor
        .selectFrom('domains')
        .innerJoin('domainContacts', 'domainContacts.id', 'domains.registrantId')
        .selectAll('domains')
        .select([
          'domainContacts.organisation as registrantOrganisation',
          'domainContacts.firstName as registrantFirstName',
          'domainContacts.lastName as registrantLastName',
          (eb) =>
            eb
              .selectFrom('dnsRecords')
              .select((count) => count.fn.countAll<number>().as('count'))
              .whereRef('dnsRecords.domainId', '=', 'domains.id')
              .as('recordCount'),
        ])
        .where('domains.accountId', '=', accountId)
        .orderBy('domains.name')
        .limit(1000)
        .execute(),

    findInAccount: (executor: Db, accountId: string, id: string) =>
      executor
        .selectFrom('domains')
        .innerJoin('domainContacts', 'domainContacts.id', 'domains.registrantId')
        .selectAll('domains')
        .select([
          'domainContacts.organisation as registrantOrganisation',
          'domainContacts.firstName as registrantFirstName',
          'domainContacts.lastName as registrantLastName',
        ])
        .where('domains.accountId', '=', accountId)
        .where('domains.id', '=', id)
        .executeTakeFirst(),

    nameTaken: async (executor: Db, accountId: string, name: string) =>
      (await executor
        .selectFrom('domains')
        .select('id')
        .where('accountId', '=', accountId)
        .where('name', '=', name)
        .executeTakeFirst()) !== undefined,

    registrantInAccount: async (executor: Db, accountId: string, registrantId: string) =>
      (await executor
        .selectFrom('domainContacts')
        .select('id')
        .where('accountId', '=', accountId)
        .where('id', '=', registrantId)
        .executeTakeFirst()) !== undefined,

    /** Whether any domain names the contact as registrant (then it cannot be removed). */
    registrantInUse: async (executor: Db, registrantId: string) =>
      (await executor
        .selectFrom('domains')
        .select('id')
        .where('registrantId', '=', registrantId)
        .executeTakeFirst()) !== undefined,

    updateSettings: (executor: Db, id: string, settings: DomainSettings, serial: number, now: string) =>
      executor
        .updateTable('domains')
        .set({ ...settings, zoneSerial: serial, updatedAt: now })
        .where('id', '=', id)
        .execute(),

    touch: (executor: Db, id: string, serial: number, now: string) =>
      executor
        .updateTable('domains')
        .set({ zoneSerial: serial, updatedAt: now })
        .where('id', '=', id)
        .execute(),

    remove: (executor: Db, id: string) => executor.deleteFrom('domains').where('id', '=', id).execute(),

    records: (executor: Db, domainId: string) =>
      executor
        .selectFrom('dnsRecords')
        .selectAll()
        .where('domainId', '=', domainId)
        .orderBy('name')
        .orderBy('type')
        .orderBy('id')
        .execute(),

    insertRecord: (executor: Db, record: DnsRecord) =>
      executor.insertInto('dnsRecords').values(record).execute(),

    updateRecord: (executor: Db, domainId: string, id: string, fields: DnsRecordFields, now: string) =>
      executor
        .updateTable('dnsRecords')
        .set({ ...fields, updatedAt: now })
        .where('domainId', '=', domainId)
        .where('id', '=', id)
        .execute(),

    removeRecord: (executor: Db, domainId: string, id: string) =>
      executor.deleteFrom('dnsRecords').where('domainId', '=', domainId).where('id', '=', id).execute(),
  };
}

export type DomainsRepository = ReturnType<typeof createDomainsRepository>;

/** For domain contacts: whether a domain names the contact as its registrant. */
export const isDomainRegistrant = (executor: Db, contactId: string) =>
  createDomainsRepository().registrantInUse(executor, contactId);
