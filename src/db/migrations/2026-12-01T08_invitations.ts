// Frozen: never import from the app here, never edit after release; add a new migration instead.
import { type Kysely, sql } from 'kysely';

// M1: an account invites a person by e-mail with chosen permissions. The link's token is stored as its
// SHA-256 hash; a sent-again invitation is a new row and the old one is revoked.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('invitations')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('account_id', 'text', (col) => col.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('email', 'text', (col) => col.notNull()) // lower-cased
    .addColumn('permissions', 'text', (col) => col.notNull()) // JSON array of catalogue names
    .addColumn('invited_by', 'text', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('token_hash', 'text', (col) => col.notNull().unique())
    .addColumn('expires_at', 'text', (col) => col.notNull())
    .addColumn('opened_at', 'text')
    .addColumn('accepted_at', 'text')
    .addColumn('accepted_by', 'text', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('revoked_at', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  // One open invitation per address and account, also under concurrent invites.
  await db.schema
    .createIndex('invitations_open_per_email')
    .on('invitations')
    .columns(['account_id', 'email'])
    .unique()
    .where(sql.ref('accepted_at'), 'is', null)
    .where(sql.ref('revoked_at'), 'is', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('invitations').execute();
}
