// Frozen: never import from the app here, never edit after release; add a new migration instead.
import type { Kysely } from 'kysely';

// Issue 16, item 4: who did it, as it was then: a user of the account's own, a person invited from another
// account, or an operator with the roles they held (a JSON array). Older entries have neither.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_events').addColumn('actor_kind', 'text').execute();
  await db.schema.alterTable('audit_events').addColumn('actor_roles', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_events').dropColumn('actor_roles').execute();
  await db.schema.alterTable('audit_events').dropColumn('actor_kind').execute();
}
