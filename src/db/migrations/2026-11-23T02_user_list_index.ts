// Frozen: never import from the app here, never edit after release; add a new migration instead.
import type { Kysely } from 'kysely';

// The users page sorts an account's users by name: this index serves the filter and the order (G1).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('users_account_name')
    .on('users')
    .columns(['home_account_id', 'last_name', 'first_name', 'id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('users_account_name').execute();
}
