// Frozen: never import from the app here, never edit after release; add a new migration instead.
import type { Kysely } from 'kysely';

// Issue 16: operators hold roles (a JSON array of names); the operators there are keep everything they
// could do. An invited operator has no password until the invitation is accepted; a disabled one cannot sign
// in. The provider may require a second factor of every operator.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('operators')
    .addColumn('roles', 'text', (col) => col.notNull().defaultTo('["admin","support","billing"]'))
    .execute();
  await db.schema
    .alterTable('operators')
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('active')) // 'invited' | 'active' | 'disabled'
    .execute();
  await db.schema
    .alterTable('provider_profile')
    .addColumn('operator_two_factor_required', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('provider_profile').dropColumn('operator_two_factor_required').execute();
  await db.schema.alterTable('operators').dropColumn('status').execute();
  await db.schema.alterTable('operators').dropColumn('roles').execute();
}
