// Frozen: never import from the app here, never edit after release; add a new migration instead.
import type { Kysely } from 'kysely';

// C1–C3, M1: contacts of an account (no sign-in), the notification categories contacts and members choose,
// and the one-click unsubscribe address an outgoing e-mail carries in its List-Unsubscribe header.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('contacts')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('account_id', 'text', (col) => col.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('email', 'text', (col) => col.notNull()) // lower-cased
    .addColumn('phone', 'text') // E.164
    .addColumn('locale', 'text', (col) => col.notNull())
    .addColumn('categories', 'text', (col) => col.notNull().defaultTo('[]')) // JSON array
    .addColumn('may_open_requests', 'integer', (col) => col.notNull().defaultTo(0))
    // The key that signs this contact's unsubscribe links; a new key voids every link sent before.
    .addColumn('unsubscribe_key', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
  // The same address may be a contact of several accounts, once per account.
  await db.schema
    .createIndex('contacts_account_email')
    .on('contacts')
    .columns(['account_id', 'email'])
    .unique()
    .execute();
  // Inbound mail finds the accounts an address is a contact of.
  await db.schema.createIndex('contacts_email').on('contacts').column('email').execute();
  await db.schema
    .alterTable('memberships')
    .addColumn('notification_categories', 'text', (col) => col.notNull().defaultTo('[]'))
    .execute();
  await db.schema.alterTable('outbox_emails').addColumn('list_unsubscribe', 'text').execute();
  // M1: an invitation offers notification categories along with permissions.
  await db.schema
    .alterTable('invitations')
    .addColumn('notification_categories', 'text', (col) => col.notNull().defaultTo('[]'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('invitations').dropColumn('notification_categories').execute();
  await db.schema.alterTable('outbox_emails').dropColumn('list_unsubscribe').execute();
  await db.schema.alterTable('memberships').dropColumn('notification_categories').execute();
  await db.schema.dropTable('contacts').execute();
}
