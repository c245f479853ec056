// Frozen: never import from the app here, never edit after release; add a new migration instead.
import type { Kysely } from 'kysely';

// Failed sign-ins are counted per sign-in identifier (an e-mail address, or customer number + user number)
// whether a user has it or not, so a waiting period can be named honestly without telling which exist.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sign_in_throttles')
    .addColumn('identifier_hash', 'text', (col) => col.primaryKey()) // SHA-256 of the normalized identifier
    .addColumn('failed_sign_ins', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('last_failed_at', 'text')
    .addColumn('locked_until', 'text')
    .execute();
  await db.schema
    .createIndex('sign_in_throttles_last_failed_at')
    .on('sign_in_throttles')
    .column('last_failed_at')
    .execute();
  for (const column of ['failed_sign_ins', 'last_failed_sign_in_at', 'locked_until']) {
    await db.schema.alterTable('users').dropColumn(column).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('failed_sign_ins', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('users').addColumn('last_failed_sign_in_at', 'text').execute();
  await db.schema.alterTable('users').addColumn('locked_until', 'text').execute();
  await db.schema.dropTable('sign_in_throttles').execute();
}
