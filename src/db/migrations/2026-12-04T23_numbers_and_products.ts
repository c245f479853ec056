// Frozen: never import from the app here, never edit after release; add a new migration instead.
import type { Kysely } from 'kysely';

// T2: an account's number block (the provider connects it; the main number is the prefix + "0") and the
// extension and direct-dial number each member of the account has from it. D1: hosted products an operator
// assigns to an account.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('number_blocks')
    .addColumn('account_id', 'text', (col) => col.primaryKey().references('accounts.id').onDelete('cascade'))
    .addColumn('prefix', 'text', (col) => col.notNull()) // E.164 without the extension: +493012345
    .addColumn('last_extension', 'integer', (col) => col.notNull()) // extensions run 0 … last_extension
    .addColumn('fax_number', 'text') // E.164 inside the block, or null
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('member_numbers')
    .addColumn('account_id', 'text', (col) => col.notNull())
    .addColumn('user_id', 'text', (col) => col.notNull())
    .addColumn('extension', 'text', (col) => col.notNull()) // decimal digits, no leading zero; never "0"
    .addColumn('direct_dial', 'text', (col) => col.notNull()) // E.164 inside the block
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('member_numbers_pk', ['account_id', 'user_id'])
    // A number belongs to a membership: it goes when the person leaves the account or is deleted.
    .addForeignKeyConstraint(
      'member_numbers_membership',
      ['account_id', 'user_id'],
      'memberships',
      ['account_id', 'user_id'],
      (constraint) => constraint.onDelete('cascade'),
    )
    .execute();
  // No extension and no direct-dial number twice in an account, even when two admins assign at once.
  await db.schema
    .createIndex('member_numbers_extension')
    .on('member_numbers')
    .columns(['account_id', 'extension'])
    .unique()
    .execute();
  await db.schema
    .createIndex('member_numbers_direct_dial')
    .on('member_numbers')
    .columns(['account_id', 'direct_dial'])
    .unique()
    .execute();

  await db.schema
    .createTable('hosted_products')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('account_id', 'text', (col) => col.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('started_on', 'text', (col) => col.notNull()) // calendar date, YYYY-MM-DD
    .addColumn('state', 'text', (col) => col.notNull()) // active | suspended | ended
    .addColumn('ended_at', 'text') // set once, when it ends
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('hosted_products_account')
    .on('hosted_products')
    .columns(['account_id', 'started_on'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['hosted_products', 'member_numbers', 'number_blocks']) {
    await db.schema.dropTable(table).execute();
  }
}
