// Frozen: never import from the app here, never edit after release; add a new migration instead.
import { type Kysely, sql } from 'kysely';

// Issue 12 (P4, P5): one live subscription per account and service for the whole account, and one per user,
// also when two admins (or an admin and an operator) book at the same moment. Ended rows are kept, so
// the indexes only hold those without ended_at.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('subscriptions_live_account')
    .on('subscriptions')
    .columns(['account_id', 'service_id'])
    .unique()
    .where(sql.ref('user_id'), 'is', null)
    .where(sql.ref('ended_at'), 'is', null)
    .execute();
  await db.schema
    .createIndex('subscriptions_live_user')
    .on('subscriptions')
    .columns(['account_id', 'service_id', 'user_id'])
    .unique()
    .where(sql.ref('user_id'), 'is not', null)
    .where(sql.ref('ended_at'), 'is', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('subscriptions_live_user').execute();
  await db.schema.dropIndex('subscriptions_live_account').execute();
}
