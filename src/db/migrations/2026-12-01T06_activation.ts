// Frozen: never import from the app here, never edit after release; add a new migration instead.
import type { Kysely } from 'kysely';

// S4, S5, S6: activation links record when they were first opened and when a newer one replaced them
// (used_at alone cannot tell "accepted" from "revoked"); users keep the argon2 hashes of their PIN and of
// their normalized security answer, the question's key, and the service desk's failed identification tries.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('action_tokens').addColumn('opened_at', 'text').execute();
  await db.schema.alterTable('action_tokens').addColumn('revoked_at', 'text').execute();
  await db.schema
    .createIndex('action_tokens_user_purpose')
    .on('action_tokens')
    .columns(['user_id', 'purpose'])
    .execute();
  await db.schema.alterTable('users').addColumn('pin_hash', 'text').execute();
  await db.schema.alterTable('users').addColumn('security_question', 'text').execute();
  await db.schema.alterTable('users').addColumn('security_answer_hash', 'text').execute();
  await db.schema
    .alterTable('users')
    .addColumn('identification_failures', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('users').addColumn('identification_locked_until', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of [
    'identification_locked_until',
    'identification_failures',
    'security_answer_hash',
    'security_question',
    'pin_hash',
  ]) {
    await db.schema.alterTable('users').dropColumn(column).execute();
  }
  await db.schema.dropIndex('action_tokens_user_purpose').execute();
  for (const column of ['revoked_at', 'opened_at']) {
    await db.schema.alterTable('action_tokens').dropColumn(column).execute();
  }
}
