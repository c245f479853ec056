// Frozen: never import from the app here, never edit after release; add a new migration instead.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('accounts')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('customer_number', 'text', (col) => col.notNull().unique()) // digits + check digit; never reused
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull()) // pending_confirmation | active | suspended
    .addColumn('seat_limit', 'integer', (col) => col.notNull())
    .addColumn('seats_used', 'integer', (col) => col.notNull().defaultTo(0)) // own users incl. pending ones
    .addColumn('locale', 'text', (col) => col.notNull())
    .addColumn('timezone', 'text', (col) => col.notNull())
    .addColumn('billing_street', 'text')
    .addColumn('billing_postal_code', 'text')
    .addColumn('billing_city', 'text')
    .addColumn('billing_country', 'text')
    .addColumn('vat_id', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('accounts_name').on('accounts').column('name').execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('home_account_id', 'text', (col) => col.notNull().references('accounts.id'))
    .addColumn('user_number', 'text', (col) => col.notNull().unique()) // 7 digits, kept when reassigned
    .addColumn('username', 'text', (col) => col.notNull()) // matches the desktop program's user name
    .addColumn('salutation', 'text')
    .addColumn('title', 'text')
    .addColumn('first_name', 'text', (col) => col.notNull())
    .addColumn('last_name', 'text', (col) => col.notNull())
    .addColumn('email', 'text', (col) => col.unique()) // lower-cased; optional, unique when set
    .addColumn('email_confirmed_at', 'text')
    .addColumn('password_hash', 'text') // null until the person sets one
    .addColumn('status', 'text', (col) => col.notNull()) // pending_activation | active | disabled
    .addColumn('locale', 'text')
    .addColumn('failed_sign_ins', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('last_failed_sign_in_at', 'text')
    .addColumn('locked_until', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('users_home_account_username')
    .on('users')
    .columns(['home_account_id', 'username'])
    .unique()
    .execute();

  await db.schema
    .createTable('memberships')
    .addColumn('account_id', 'text', (col) => col.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (col) => col.notNull()) // owner | admin | member
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('memberships_pk', ['account_id', 'user_id'])
    .execute();
  await db.schema.createIndex('memberships_user_id').on('memberships').column('user_id').execute();

  await db.schema
    .createTable('access_keys')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('user_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('key_hash', 'text', (col) => col.notNull().unique()) // SHA-256; the key is shown once
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('access_keys_user_id').on('access_keys').column('user_id').execute();

  await db.schema
    .createTable('audit_events')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('account_id', 'text') // null for events outside any account
    .addColumn('actor_type', 'text', (col) => col.notNull()) // user | operator | system
    .addColumn('actor_id', 'text')
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('target_type', 'text')
    .addColumn('target_id', 'text')
    .addColumn('details', 'text') // JSON, never secrets
    .addColumn('ip_address', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('audit_events_account_time')
    .on('audit_events')
    .columns(['account_id', 'created_at'])
    .execute();

  await db.schema
    .alterTable('sessions')
    .addColumn('user_id', 'text', (col) => col.references('users.id').onDelete('cascade'))
    .execute();
  await db.schema.alterTable('sessions').addColumn('active_account_id', 'text').execute();
  await db.schema
    .alterTable('sessions')
    .addColumn('stay_signed_in', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('sessions_user_id').on('sessions').column('user_id').execute();

  await db.schema
    .alterTable('action_tokens')
    .addColumn('user_id', 'text', (col) => col.references('users.id').onDelete('cascade'))
    .execute();
  await db.schema.alterTable('action_tokens').addColumn('new_email', 'text').execute();
  // Encrypted with a key derived from the link's token (which is never stored): only the link opens it.
  await db.schema.alterTable('action_tokens').addColumn('sealed_secret', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('sessions_user_id').execute();
  for (const column of ['sealed_secret', 'new_email', 'user_id']) {
    await db.schema.alterTable('action_tokens').dropColumn(column).execute();
  }
  for (const column of ['stay_signed_in', 'active_account_id', 'user_id']) {
    await db.schema.alterTable('sessions').dropColumn(column).execute();
  }
  for (const table of ['audit_events', 'access_keys', 'memberships', 'users', 'accounts']) {
    await db.schema.dropTable(table).execute();
  }
}
