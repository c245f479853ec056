// Frozen: never import from the app here, never edit after release; add a new migration instead.
import type { Kysely } from 'kysely';

// T1: the express setup after the first sign-in. What it sets for the whole account (company greeting,
// operator), for each user in an account (contact details, region, voicemail greeting, app or browser),
// the user's desk phones, and how far the account's wizard has come. A missing row means "the defaults".
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('express_account_settings')
    .addColumn('account_id', 'text', (col) => col.primaryKey().references('accounts.id').onDelete('cascade'))
    .addColumn('greeting_mode', 'text', (col) => col.notNull()) // 'default' | 'custom'
    .addColumn('custom_greeting', 'text') // plain text, set when the mode is 'custom'
    // Takes the calls to the main number; null (or a deleted user) means the owner.
    .addColumn('operator_user_id', 'text', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('express_user_settings')
    .addColumn('account_id', 'text', (col) => col.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('mobile_phone', 'text') // E.164
    .addColumn('landline_phone', 'text') // E.164
    .addColumn('time_zone', 'text', (col) => col.notNull()) // IANA
    .addColumn('country', 'text', (col) => col.notNull()) // ISO 3166-1 alpha-2, upper case
    .addColumn('date_format', 'text', (col) => col.notNull()) // e.g. 'DD.MM.YYYY'
    .addColumn('time_format', 'text', (col) => col.notNull()) // '24h' | '12h'
    .addColumn('voicemail_mode', 'text', (col) => col.notNull()) // 'default' | 'custom'
    .addColumn('custom_voicemail_greeting', 'text')
    .addColumn('client_kind', 'text') // 'desktop_app' | 'mobile_app' | 'browser'; null: not chosen yet
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('express_user_settings_pk', ['account_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('express_phones')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('account_id', 'text', (col) => col.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('manufacturer', 'text', (col) => col.notNull()) // key of the code's phone catalogue
    .addColumn('model', 'text', (col) => col.notNull()) // key of the code's phone catalogue
    .addColumn('mac_address', 'text') // 'AA:BB:CC:DD:EE:FF'; a phone has a MAC address, a serial number or both
    .addColumn('serial_number', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  // A device is provisioned by its MAC address: one phone per address in an account (NULLs do not clash).
  await db.schema
    .createIndex('express_phones_mac')
    .on('express_phones')
    .columns(['account_id', 'mac_address'])
    .unique()
    .execute();
  await db.schema
    .createIndex('express_phones_owner')
    .on('express_phones')
    .columns(['account_id', 'user_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('express_setup_progress')
    .addColumn('account_id', 'text', (col) => col.primaryKey().references('accounts.id').onDelete('cascade'))
    .addColumn('step', 'text', (col) => col.notNull()) // the step the wizard opens at
    .addColumn('state', 'text', (col) => col.notNull()) // 'open' | 'finished' | 'dismissed'
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('express_setup_progress').execute();
  await db.schema.dropTable('express_phones').execute();
  await db.schema.dropTable('express_user_settings').execute();
  await db.schema.dropTable('express_account_settings').execute();
}
