// Frozen: never import from the app here, never edit after release; add a new migration instead.
import type { Kysely } from 'kysely';

// Issue 11.6: "send me the access data for customer number …", by the public form or by e-mail. An
// operator answers with fresh reveal links to the account's admins. message_id is unique when present,
// so an MTA that delivers the same e-mail twice files it once.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('credential_requests')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('account_id', 'text', (col) => col.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('requester_name', 'text', (col) => col.notNull())
    .addColumn('requester_email', 'text', (col) => col.notNull()) // lower-cased
    .addColumn('message', 'text')
    .addColumn('via', 'text', (col) => col.notNull()) // web | email
    .addColumn('message_id', 'text', (col) => col.unique())
    .addColumn('state', 'text', (col) => col.notNull()) // open | sent | dismissed
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('answered_at', 'text')
    .addColumn('answered_by_operator_id', 'text')
    .execute();
  await db.schema
    .createIndex('credential_requests_state')
    .on('credential_requests')
    .columns(['state', 'created_at'])
    .execute();
  await db.schema
    .createIndex('credential_requests_account')
    .on('credential_requests')
    .columns(['account_id', 'state'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('credential_requests').execute();
}
