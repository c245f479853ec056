// Frozen: never import from the app here, never edit after release; add a new migration instead.
import type { Kysely } from 'kysely';

// D2: an account's domains, each with a domain contact as registrant and an optional redirect, and the DNS
// records of its zone. Names are stored as ASCII (IDN as punycode), lower case, without the trailing dot.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('domains')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('account_id', 'text', (col) => col.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('name', 'text', (col) => col.notNull()) // "xn--bcher-kva.example"
    // A domain contact still named by a domain cannot be removed (the service refuses it first).
    .addColumn('registrant_id', 'text', (col) => col.notNull().references('domain_contacts.id'))
    .addColumn('redirect_kind', 'text') // 'ip' | 'url' | null
    .addColumn('redirect_target', 'text') // canonical IP or absolute http(s) URL
    .addColumn('zone_serial', 'integer', (col) => col.notNull()) // SOA serial, YYYYMMDDnn, raised on each change
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addUniqueConstraint('domains_account_name', ['account_id', 'name'])
    .execute();
  await db.schema.createIndex('domains_registrant').on('domains').column('registrant_id').execute();

  await db.schema
    .createTable('dns_records')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('domain_id', 'text', (col) => col.notNull().references('domains.id').onDelete('cascade'))
    .addColumn('name', 'text', (col) => col.notNull()) // relative to the zone: "@", "www", "_sip._tcp"
    .addColumn('type', 'text', (col) => col.notNull()) // A, AAAA, CNAME, MX, TXT, SRV, CAA
    .addColumn('ttl', 'integer', (col) => col.notNull()) // seconds
    // A/AAAA: the canonical address; CNAME/MX/SRV: the target host; TXT: the text; CAA: the value.
    .addColumn('value', 'text', (col) => col.notNull())
    .addColumn('priority', 'integer') // MX, SRV
    .addColumn('weight', 'integer') // SRV
    .addColumn('port', 'integer') // SRV
    .addColumn('flags', 'integer') // CAA
    .addColumn('tag', 'text') // CAA: issue, issuewild, iodef
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
  // The zone in name and type order.
  await db.schema
    .createIndex('dns_records_zone')
    .on('dns_records')
    .columns(['domain_id', 'name', 'type', 'id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('dns_records').execute();
  await db.schema.dropTable('domains').execute();
}
