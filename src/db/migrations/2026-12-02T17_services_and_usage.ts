// Frozen: never import from the app here, never edit after release; add a new migration instead.
import type { Kysely } from 'kysely';

// Issue 12 (P4, D1, A5): the catalogue of online services, their prices over time, what each account
// subscribes to, and every billable use. Money is integer cents; VAT rates are basis points (1900 = 19 %).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('services')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('code', 'text', (col) => col.notNull().unique()) // stable, used by the program: "address-lookup"
    .addColumn('name_de', 'text', (col) => col.notNull())
    .addColumn('name_en', 'text', (col) => col.notNull())
    .addColumn('name_hu', 'text', (col) => col.notNull())
    .addColumn('unit', 'text', (col) => col.notNull()) // request | message | page
    .addColumn('adapter', 'text', (col) => col.notNull()) // demo | http
    .addColumn('provider_url', 'text') // the http adapter's endpoint
    .addColumn('active', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();

  // A price holds from valid_from until the next price of the same service; rows are never changed.
  await db.schema
    .createTable('prices')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('service_id', 'text', (col) => col.notNull().references('services.id'))
    .addColumn('net_cents', 'integer', (col) => col.notNull())
    .addColumn('vat_rate_bp', 'integer', (col) => col.notNull())
    .addColumn('valid_from', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addUniqueConstraint('prices_service_valid_from', ['service_id', 'valid_from'])
    .execute();

  // user_id null: the whole account subscribes; otherwise only that user may use the service (P5).
  await db.schema
    .createTable('subscriptions')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('account_id', 'text', (col) => col.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('service_id', 'text', (col) => col.notNull().references('services.id'))
    .addColumn('user_id', 'text', (col) => col.references('users.id').onDelete('cascade'))
    .addColumn('started_at', 'text', (col) => col.notNull())
    .addColumn('ended_at', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('subscriptions_account')
    .on('subscriptions')
    .columns(['account_id', 'service_id'])
    .execute();

  // One row per billable use, with the price of that moment. billing_month (YYYY-MM in the account's time
  // zone at occurred_at) and invoice_id (set by the invoice run) let a run find what it bills; usage rows
  // are never deleted, and keep the user's number and name as they were for the per-user appendix.
  await db.schema
    .createTable('usage_events')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('account_id', 'text', (col) => col.notNull().references('accounts.id'))
    .addColumn('user_id', 'text', (col) => col.notNull()) // no reference: a deleted user's usage stays
    .addColumn('user_number', 'text', (col) => col.notNull())
    .addColumn('user_name', 'text', (col) => col.notNull())
    .addColumn('service_id', 'text', (col) => col.notNull().references('services.id'))
    .addColumn('quantity', 'integer', (col) => col.notNull())
    .addColumn('unit_net_cents', 'integer', (col) => col.notNull())
    .addColumn('vat_rate_bp', 'integer', (col) => col.notNull())
    .addColumn('occurred_at', 'text', (col) => col.notNull())
    .addColumn('billing_month', 'text', (col) => col.notNull())
    .addColumn('recorded_at', 'text', (col) => col.notNull())
    .addColumn('source', 'text', (col) => col.notNull()) // gateway | batch
    .addColumn('idempotency_key', 'text', (col) => col.notNull())
    .addColumn('reference', 'text') // what was asked, shown in the appendix: "Address look-up: 10115 Berlin"
    .addColumn('invoice_id', 'text')
    .addUniqueConstraint('usage_events_idempotency', ['account_id', 'idempotency_key'])
    .execute();
  await db.schema
    .createIndex('usage_events_billing')
    .on('usage_events')
    .columns(['account_id', 'invoice_id', 'billing_month'])
    .execute();
  await db.schema
    .createIndex('usage_events_account_time')
    .on('usage_events')
    .columns(['account_id', 'occurred_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('usage_events').execute();
  await db.schema.dropTable('subscriptions').execute();
  await db.schema.dropTable('prices').execute();
  await db.schema.dropTable('services').execute();
}
