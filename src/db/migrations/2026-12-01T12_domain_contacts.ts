// Frozen: never import from the app here, never edit after release; add a new migration instead.
import type { Kysely } from 'kysely';

// C4: an account's domain contacts, registrant data for domain registration only (no login, no e-mail from
// Kontor, no requests). A person, or an organisation with the person responsible for it.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('domain_contacts')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('account_id', 'text', (col) => col.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('kind', 'text', (col) => col.notNull()) // 'person' | 'organisation'
    .addColumn('organisation', 'text') // null for a person
    .addColumn('first_name', 'text', (col) => col.notNull())
    .addColumn('last_name', 'text', (col) => col.notNull())
    .addColumn('street', 'text', (col) => col.notNull())
    .addColumn('postal_code', 'text', (col) => col.notNull())
    .addColumn('city', 'text', (col) => col.notNull())
    .addColumn('country', 'text', (col) => col.notNull()) // ISO 3166-1 alpha-2, upper case
    .addColumn('phone', 'text', (col) => col.notNull()) // E.164
    .addColumn('email', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
  // The list: an account's contacts in name order.
  await db.schema
    .createIndex('domain_contacts_list')
    .on('domain_contacts')
    .columns(['account_id', 'last_name', 'first_name', 'id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('domain_contacts').execute();
}
