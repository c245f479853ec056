// Frozen: never import from the app here, never edit after release; add a new migration instead.
import { type Kysely, PostgresAdapter } from 'kysely';

// Issue 12.1 (P3): the change log of an account's users, which the desktop program follows with a cursor
// (the last id it has seen). Writers take a per-account lock before inserting, so per account the ids
// are assigned in commit order and a reader never passes a change that commits later.
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('user_changes')
    .addColumn('id', postgres ? 'serial' : 'integer', (col) =>
      postgres ? col.primaryKey() : col.primaryKey().autoIncrement(),
    )
    .addColumn('account_id', 'text', (col) => col.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (col) => col.notNull()) // no reference: deleted users stay in the log
    .addColumn('user_number', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull()) // created | changed | deleted | reassigned
    .addColumn('at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('user_changes_account')
    .on('user_changes')
    .columns(['account_id', 'id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('user_changes').execute();
}
