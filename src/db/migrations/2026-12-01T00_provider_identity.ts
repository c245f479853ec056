// Frozen: never import from the app here, never edit after release; add a new migration instead.
import type { Kysely } from 'kysely';

// The provider's identity, configured once by its operators: sender name, signature and footer of every
// e-mail and the web app's footer. One row; a fresh installation starts with it empty.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('provider_profile')
    .addColumn('id', 'integer', (col) => col.primaryKey()) // always 1
    .addColumn('name', 'text')
    .addColumn('address', 'text') // postal address, one line per line
    .addColumn('support_email', 'text')
    .addColumn('support_phone', 'text') // E.164
    .addColumn('website', 'text')
    .addColumn('legal_notice', 'text') // what German business e-mail requires: register, seat, directors
    .addColumn('logo_type', 'text') // image/png | image/jpeg
    .addColumn('logo_data', 'text') // base64
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
  await db
    .insertInto('provider_profile')
    .values({ id: 1, updated_at: new Date(0).toISOString() })
    .execute();
  // The sender's display name as it was when the e-mail was written.
  await db.schema.alterTable('outbox_emails').addColumn('from_name', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('outbox_emails').dropColumn('from_name').execute();
  await db.schema.dropTable('provider_profile').execute();
}
