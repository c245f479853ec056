// Frozen: never import from the app here, never edit after release; add a new migration instead.
import type { Kysely } from 'kysely';

// P1–P6: paying invoices. Payment terms per account; the provider's bank account, creditor id and reminder
// settings; the payee as issued on each invoice; an append-only ledger of payments (a wrong one is reversed
// by a counter-entry, never deleted); SEPA mandates and the collections announced and exported under them;
// imported bank statements and their entries; reminders sent; online (card) checkouts.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('accounts')
    .addColumn('payment_term_days', 'integer', (col) => col.notNull().defaultTo(14))
    .execute();
  await db.schema
    .alterTable('accounts')
    .addColumn('reminders_paused', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();

  for (const column of ['bank_account_holder', 'bank_iban', 'bank_bic', 'sepa_creditor_id'])
    await db.schema.alterTable('provider_profile').addColumn(column, 'text').execute();
  for (const [column, days] of [
    ['first_reminder_days', 7], // after the due date
    ['second_reminder_days', 14], // after the first reminder
    ['direct_debit_notice_days', 5], // pre-notification before a collection
  ] as const)
    await db.schema
      .alterTable('provider_profile')
      .addColumn(column, 'integer', (col) => col.notNull().defaultTo(days))
      .execute();

  // The account to pay to, as printed on the invoice when it was issued.
  for (const column of ['payee_iban', 'payee_bic', 'payee_holder'])
    await db.schema.alterTable('invoices').addColumn(column, 'text').execute();

  await db.schema
    .createTable('payments')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('account_id', 'text', (col) => col.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('invoice_id', 'text', (col) => col.notNull().references('invoices.id'))
    .addColumn('amount_cents', 'integer', (col) => col.notNull()) // signed: a counter-entry is negative
    .addColumn('currency', 'text', (col) => col.notNull())
    .addColumn('method', 'text', (col) => col.notNull()) // 'bank_transfer' | 'direct_debit' | 'card' | 'manual'
    // What booked it (a statement entry, a collection, a webhook event): booked once, whatever repeats.
    .addColumn('source_key', 'text', (col) => col.unique())
    .addColumn('reference', 'text')
    .addColumn('booked_on', 'text', (col) => col.notNull()) // YYYY-MM-DD, the value date
    .addColumn('reverses_payment_id', 'text', (col) => col.unique().references('payments.id'))
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('payments_invoice').on('payments').column('invoice_id').execute();
  await db.schema
    .createIndex('payments_account')
    .on('payments')
    .columns(['account_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('sepa_mandates')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('account_id', 'text', (col) => col.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('reference', 'text', (col) => col.notNull().unique()) // the mandate id, "KNT-10001-1"
    .addColumn('scheme', 'text', (col) => col.notNull()) // 'CORE' | 'B2B'
    .addColumn('account_holder', 'text', (col) => col.notNull())
    .addColumn('iban', 'text', (col) => col.notNull()) // electronic format, no spaces
    .addColumn('bic', 'text')
    .addColumn('signed_on', 'text', (col) => col.notNull()) // YYYY-MM-DD
    .addColumn('language', 'text', (col) => col.notNull())
    .addColumn('mandate_text', 'text', (col) => col.notNull()) // as the member agreed to it
    .addColumn('given_by_user_id', 'text', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('revoked_by_user_id', 'text', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('last_collected_on', 'text') // null until the first collection (sequence FRST, then RCUR)
    .execute();
  await db.schema.createIndex('sepa_mandates_account').on('sepa_mandates').column('account_id').execute();

  await db.schema
    .createTable('direct_debit_collections')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('invoice_id', 'text', (col) => col.notNull().unique().references('invoices.id'))
    .addColumn('account_id', 'text', (col) => col.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('mandate_id', 'text', (col) => col.notNull().references('sepa_mandates.id'))
    .addColumn('amount_cents', 'integer', (col) => col.notNull())
    .addColumn('currency', 'text', (col) => col.notNull())
    .addColumn('collection_date', 'text', (col) => col.notNull()) // YYYY-MM-DD
    .addColumn('sequence_type', 'text', (col) => col.notNull()) // 'FRST' | 'RCUR'
    .addColumn('announced_at', 'text') // the pre-notification e-mail
    .addColumn('exported_at', 'text')
    .addColumn('export_message_id', 'text') // the pain.008 GrpHdr/MsgId it went out in
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('bank_statements')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('file_sha256', 'text', (col) => col.notNull().unique()) // the same file twice is refused
    .addColumn('message_id', 'text', (col) => col.notNull()) // camt.053 GrpHdr/MsgId
    .addColumn('statement_id', 'text', (col) => col.notNull()) // Stmt/Id
    .addColumn('account_iban', 'text')
    .addColumn('imported_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createTable('bank_statement_entries')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('statement_id', 'text', (col) => col.notNull().references('bank_statements.id'))
    // The bank's reference of the entry (or a digest of it): the same entry in another file is not booked again.
    .addColumn('entry_key', 'text', (col) => col.notNull().unique())
    .addColumn('amount_cents', 'integer', (col) => col.notNull()) // positive: credits only are kept
    .addColumn('currency', 'text', (col) => col.notNull())
    .addColumn('booked_on', 'text', (col) => col.notNull())
    .addColumn('debtor_name', 'text')
    .addColumn('debtor_iban', 'text')
    .addColumn('remittance', 'text') // unstructured remittance information and end-to-end id
    .addColumn('state', 'text', (col) => col.notNull()) // 'matched' | 'unmatched' | 'assigned'
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('bank_statement_entries_state')
    .on('bank_statement_entries')
    .columns(['state', 'booked_on'])
    .execute();

  await db.schema
    .createTable('payment_reminders')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('invoice_id', 'text', (col) => col.notNull().references('invoices.id'))
    .addColumn('level', 'integer', (col) => col.notNull()) // 1: friendly reminder, 2: second reminder
    .addColumn('open_cents', 'integer', (col) => col.notNull()) // what was open when it was sent
    .addColumn('sent_at', 'text', (col) => col.notNull())
    .addUniqueConstraint('payment_reminders_invoice_level', ['invoice_id', 'level'])
    .execute();

  await db.schema
    .createTable('online_payments')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('invoice_id', 'text', (col) => col.notNull().references('invoices.id'))
    .addColumn('account_id', 'text', (col) => col.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('provider', 'text', (col) => col.notNull()) // 'stripe'
    .addColumn('provider_session_id', 'text', (col) => col.notNull().unique())
    .addColumn('amount_cents', 'integer', (col) => col.notNull())
    .addColumn('currency', 'text', (col) => col.notNull())
    .addColumn('state', 'text', (col) => col.notNull()) // 'open' | 'paid' | 'expired'
    .addColumn('started_by_user_id', 'text', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('completed_at', 'text')
    .execute();
  await db.schema.createIndex('online_payments_invoice').on('online_payments').column('invoice_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'online_payments',
    'payment_reminders',
    'bank_statement_entries',
    'bank_statements',
    'direct_debit_collections',
    'sepa_mandates',
    'payments',
  ])
    await db.schema.dropTable(table).execute();
  for (const column of ['payee_iban', 'payee_bic', 'payee_holder'])
    await db.schema.alterTable('invoices').dropColumn(column).execute();
  for (const column of [
    'bank_account_holder',
    'bank_iban',
    'bank_bic',
    'sepa_creditor_id',
    'first_reminder_days',
    'second_reminder_days',
    'direct_debit_notice_days',
  ])
    await db.schema.alterTable('provider_profile').dropColumn(column).execute();
  await db.schema.alterTable('accounts').dropColumn('reminders_paused').execute();
  await db.schema.alterTable('accounts').dropColumn('payment_term_days').execute();
}
