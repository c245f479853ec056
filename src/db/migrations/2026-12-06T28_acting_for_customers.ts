// Frozen: never import from the app here, never edit after release; add a new migration instead.
import type { Kysely } from 'kysely';

// Issue 16, item 2 (seed 003, "im Kundenauftrag"): the provider's support may act in an account on its
// order unless the owner switched it off; re-sending the main user's link stays possible either way.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('accounts')
    .addColumn('provider_may_act', 'integer', (col) => col.notNull().defaultTo(1))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('accounts').dropColumn('provider_may_act').execute();
}
