// Frozen: never import from the app here, never edit after release; add a new migration instead.
import type { Kysely } from 'kysely';

// Issue 12.3: idempotency records are deleted once they are older than the retention (GATEWAY_REQUEST_
// RETENTION_DAYS after their last change); the daily deletion finds them by this index.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('gateway_requests_updated')
    .on('gateway_requests')
    .column('updated_at')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('gateway_requests_updated').execute();
}
