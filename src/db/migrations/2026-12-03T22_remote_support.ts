// Frozen: never import from the app here, never edit after release; add a new migration instead.
import { type Kysely, PostgresAdapter } from 'kysely';

// Issue 13 (R1–R6): remote-support sessions and their log. The number is unique over every session still
// stored, so a number is never given again while its log exists. The host is an operator or a user acting
// in an account (account_id then names the account whose audit log keeps the session).
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('support_sessions')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('number', 'text', (col) => col.notNull().unique())
    .addColumn('mode', 'text', (col) => col.notNull()) // support | show
    .addColumn('state', 'text', (col) => col.notNull()) // open | active | ended | expired
    .addColumn('host_operator_id', 'text', (col) => col.references('operators.id').onDelete('set null'))
    .addColumn('host_user_id', 'text', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('account_id', 'text', (col) => col.references('accounts.id').onDelete('cascade'))
    .addColumn('host_name', 'text', (col) => col.notNull())
    .addColumn('client_name', 'text')
    .addColumn('client_address', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('expires_at', 'text', (col) => col.notNull())
    .addColumn('admitted_at', 'text')
    .addColumn('ended_at', 'text')
    .addColumn('end_reason', 'text')
    .execute();
  await db.schema
    .createIndex('support_sessions_operator')
    .on('support_sessions')
    .columns(['host_operator_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('support_sessions_account')
    .on('support_sessions')
    .columns(['account_id', 'created_at'])
    .execute();
  await db.schema
    .createTable('support_session_events')
    .addColumn('id', postgres ? 'serial' : 'integer', (col) =>
      postgres ? col.primaryKey() : col.primaryKey().autoIncrement(),
    )
    .addColumn('session_id', 'text', (col) =>
      col.notNull().references('support_sessions.id').onDelete('cascade'),
    )
    .addColumn('at', 'text', (col) => col.notNull())
    .addColumn('actor', 'text', (col) => col.notNull()) // host | client | server
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('details', 'text', (col) => col.notNull()) // JSON object
    .execute();
  await db.schema
    .createIndex('support_session_events_session')
    .on('support_session_events')
    .columns(['session_id', 'id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('support_session_events').execute();
  await db.schema.dropTable('support_sessions').execute();
}
