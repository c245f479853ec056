// Frozen: never import from the app here, never edit after release; add a new migration instead.
import { type Kysely, SqliteAdapter, sql } from 'kysely';

// C3: support requests of an account, their threads and attachments. A message comes from a member, a
// contact or an operator, by web or e-mail (message_id threads inbound mail). Attachments are kept in the
// database, outside the web root, and served only through an authorized route.
export async function up(db: Kysely<any>): Promise<void> {
  const blob = db.getExecutor().adapter instanceof SqliteAdapter ? sql`blob` : sql`bytea`;
  await db.schema
    .createTable('support_requests')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('account_id', 'text', (col) => col.notNull().references('accounts.id').onDelete('cascade'))
    // Sequential per installation, shown as the reference "K-000123".
    .addColumn('number', 'integer', (col) => col.notNull().unique())
    .addColumn('subject', 'text', (col) => col.notNull())
    .addColumn('state', 'text', (col) => col.notNull()) // open | waiting_for_customer | closed
    // Exactly one of the two ids; both survive as plain text when the person is removed.
    .addColumn('requester_user_id', 'text')
    .addColumn('requester_contact_id', 'text')
    .addColumn('requester_name', 'text', (col) => col.notNull())
    .addColumn('requester_email', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addColumn('last_activity_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('support_requests_account')
    .on('support_requests')
    .columns(['account_id', 'last_activity_at'])
    .execute();
  await db.schema
    .createIndex('support_requests_inbox')
    .on('support_requests')
    .columns(['state', 'last_activity_at'])
    .execute();
  await db.schema
    .createTable('support_messages')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('request_id', 'text', (col) =>
      col.notNull().references('support_requests.id').onDelete('cascade'),
    )
    .addColumn('author_kind', 'text', (col) => col.notNull()) // member | contact | operator
    .addColumn('author_id', 'text')
    .addColumn('author_name', 'text', (col) => col.notNull()) // as written at the time
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('via', 'text', (col) => col.notNull()) // web | email
    .addColumn('message_id', 'text') // RFC 5322 Message-ID of an e-mail message
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('support_messages_request')
    .on('support_messages')
    .columns(['request_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('support_messages_message_id')
    .on('support_messages')
    .column('message_id')
    .execute();
  await db.schema
    .createTable('support_attachments')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('message_id', 'text', (col) =>
      col.notNull().references('support_messages.id').onDelete('cascade'),
    )
    .addColumn('filename', 'text', (col) => col.notNull())
    .addColumn('content_type', 'text', (col) => col.notNull())
    .addColumn('size', 'integer', (col) => col.notNull())
    .addColumn('position', 'integer', (col) => col.notNull()) // its place in the message, from 0
    .addColumn('content', blob, (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('support_attachments_message')
    .on('support_attachments')
    .column('message_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('support_attachments').execute();
  await db.schema.dropTable('support_messages').execute();
  await db.schema.dropTable('support_requests').execute();
}
