// Frozen: never import from the app here, never edit after release; add a new migration instead.
import type { Kysely } from 'kysely';

// C3 by e-mail: the Message-IDs of Kontor's own support e-mails, so a reply (In-Reply-To, References)
// finds its request; the headers those e-mails carry (Reply-To the support address, and RFC 3834
// Auto-Submitted on machine-written mail); and one filed message per inbound Message-ID.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('support_outgoing_mail')
    .addColumn('message_id', 'text', (col) => col.primaryKey())
    .addColumn('request_id', 'text', (col) =>
      col.notNull().references('support_requests.id').onDelete('cascade'),
    )
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.alterTable('outbox_emails').addColumn('reply_to', 'text').execute();
  await db.schema.alterTable('outbox_emails').addColumn('auto_submitted', 'text').execute();
  await db.schema.dropIndex('support_messages_message_id').execute();
  await db.schema
    .createIndex('support_messages_message_id')
    .unique()
    .on('support_messages')
    .column('message_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('support_messages_message_id').execute();
  await db.schema
    .createIndex('support_messages_message_id')
    .on('support_messages')
    .column('message_id')
    .execute();
  await db.schema.alterTable('outbox_emails').dropColumn('auto_submitted').execute();
  await db.schema.alterTable('outbox_emails').dropColumn('reply_to').execute();
  await db.schema.dropTable('support_outgoing_mail').execute();
}
