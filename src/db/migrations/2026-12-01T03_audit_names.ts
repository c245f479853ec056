// Frozen: never import from the app here, never edit after release; add a new migration instead.
import type { Kysely } from 'kysely';

// An audit event keeps the names of its actor and target as they were when it happened (JSON: a person's
// { title, firstName, lastName }, or { name } of an operator or account), so reassigning or deleting a user
// never rewrites history. Existing events get the names as they are now, the best that is left.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_events').addColumn('actor_name', 'text').execute();
  await db.schema.alterTable('audit_events').addColumn('target_name', 'text').execute();
  const person = (row: { title: string | null; first_name: string | null; last_name: string | null }) =>
    row.first_name === null
      ? null
      : JSON.stringify({ title: row.title, firstName: row.first_name, lastName: row.last_name });
  const events = await db
    .selectFrom('audit_events')
    .leftJoin('users as actor', 'actor.id', 'audit_events.actor_id')
    .leftJoin('operators', 'operators.id', 'audit_events.actor_id')
    .leftJoin('users as target', 'target.id', 'audit_events.target_id')
    .leftJoin('accounts', 'accounts.id', 'audit_events.target_id')
    .select([
      'audit_events.id',
      'audit_events.actor_type',
      'audit_events.target_type',
      'actor.title as actor_title',
      'actor.first_name as actor_first',
      'actor.last_name as actor_last',
      'operators.name as operator_name',
      'target.title as target_title',
      'target.first_name as target_first',
      'target.last_name as target_last',
      'accounts.name as account_name',
    ])
    .execute();
  for (const event of events) {
    const actor =
      event.actor_type === 'operator'
        ? event.operator_name && JSON.stringify({ name: event.operator_name })
        : person({ title: event.actor_title, first_name: event.actor_first, last_name: event.actor_last });
    const target =
      event.target_type === 'account'
        ? event.account_name && JSON.stringify({ name: event.account_name })
        : person({ title: event.target_title, first_name: event.target_first, last_name: event.target_last });
    if (!actor && !target) continue;
    await db
      .updateTable('audit_events')
      .set({ actor_name: actor ?? null, target_name: target ?? null })
      .where('id', '=', event.id)
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_events').dropColumn('target_name').execute();
  await db.schema.alterTable('audit_events').dropColumn('actor_name').execute();
}
