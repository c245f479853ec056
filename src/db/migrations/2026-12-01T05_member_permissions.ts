// Frozen: never import from the app here, never edit after release; add a new migration instead.
import type { Kysely } from 'kysely';

// M3: a member holds the permissions chosen for them, a JSON array of catalogue names (owners and
// admins hold all of them whatever is stored). Read with the session on every request, so a change
// applies to the very next one.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('memberships')
    .addColumn('permissions', 'text', (col) => col.notNull().defaultTo('[]'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('memberships').dropColumn('permissions').execute();
}
