// Frozen: never import from the app here, never edit after release; add a new migration instead.
import type { Kysely } from 'kysely';

// Issue 12.3 (P4): the gateway's idempotency keys. A request claims its key with this row's unique insert
// before the provider is called, so two requests with one key never both call it; the answer of a charged
// call is kept here (written in the transaction that records the usage event) and returned to every retry.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('gateway_requests')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('account_id', 'text', (col) => col.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('idempotency_key', 'text', (col) => col.notNull())
    // SHA-256 of user, service code and the canonical JSON body: a reused key with another request differs.
    .addColumn('fingerprint', 'text', (col) => col.notNull())
    .addColumn('state', 'text', (col) => col.notNull()) // pending | succeeded | failed
    // Who holds the claim: a takeover after the lease (a crashed process) gets a new token.
    .addColumn('claim_token', 'text', (col) => col.notNull())
    .addColumn('claimed_at', 'text', (col) => col.notNull())
    .addColumn('status_code', 'integer') // the answer: 200 with response_body, or a failure's status
    .addColumn('response_body', 'text')
    .addColumn('error_code', 'text')
    .addColumn('usage_event_id', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addUniqueConstraint('gateway_requests_key', ['account_id', 'idempotency_key'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('gateway_requests').execute();
}
