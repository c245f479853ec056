// Frozen: never import from the app here, never edit after release; add a new migration instead.
import { type Kysely, SqliteAdapter, sql } from 'kysely';

// Issue 12.5 (B1, B2): invoices and credit notes with their lines, the per-user appendix, gapless yearly
// number series and the issued documents. Nothing here is ever deleted or changed once written: a credit
// note corrects an invoice, it does not edit it. Money is integer cents, VAT rates basis points.
export async function up(db: Kysely<any>): Promise<void> {
  const blob = db.getExecutor().adapter instanceof SqliteAdapter ? sql`blob` : sql`bytea`;

  // The installation's legal seller (§14 (4) Nr. 1 and 2 UStG), printed on every invoice.
  for (const column of [
    'seller_name',
    'seller_street',
    'seller_postal_code',
    'seller_city',
    'seller_country', // ISO 3166-1 alpha-2
    'seller_vat_id',
    'seller_tax_number', // Steuernummer, when there is no VAT id
    'seller_email',
  ]) {
    await db.schema.alterTable('provider_profile').addColumn(column, 'text').execute();
  }

  await db.schema
    .createTable('invoices')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('account_id', 'text', (col) => col.notNull().references('accounts.id'))
    .addColumn('kind', 'text', (col) => col.notNull()) // invoice | credit_note
    // Assigned in the transaction that creates (and so finalizes) the invoice: never null, never reused.
    .addColumn('number', 'text', (col) => col.notNull().unique())
    .addColumn('billing_month', 'text', (col) => col.notNull()) // YYYY-MM; a credit note's is its invoice's
    .addColumn('issue_date', 'text', (col) => col.notNull()) // YYYY-MM-DD
    .addColumn('period_from', 'text', (col) => col.notNull()) // YYYY-MM-DD, inclusive
    .addColumn('period_to', 'text', (col) => col.notNull()) // YYYY-MM-DD, inclusive
    .addColumn('due_date', 'text')
    .addColumn('language', 'text', (col) => col.notNull()) // the documents' language: de | en | hu
    // The buyer and the seller as they were when the invoice was issued.
    .addColumn('buyer_name', 'text', (col) => col.notNull())
    .addColumn('buyer_customer_number', 'text', (col) => col.notNull())
    .addColumn('buyer_street', 'text')
    .addColumn('buyer_postal_code', 'text')
    .addColumn('buyer_city', 'text')
    .addColumn('buyer_country', 'text', (col) => col.notNull())
    .addColumn('buyer_vat_id', 'text')
    .addColumn('seller_name', 'text', (col) => col.notNull())
    .addColumn('seller_street', 'text', (col) => col.notNull())
    .addColumn('seller_postal_code', 'text', (col) => col.notNull())
    .addColumn('seller_city', 'text', (col) => col.notNull())
    .addColumn('seller_country', 'text', (col) => col.notNull())
    .addColumn('seller_vat_id', 'text')
    .addColumn('seller_tax_number', 'text')
    .addColumn('seller_email', 'text', (col) => col.notNull())
    .addColumn('net_cents', 'integer', (col) => col.notNull())
    .addColumn('vat_cents', 'integer', (col) => col.notNull())
    .addColumn('gross_cents', 'integer', (col) => col.notNull())
    .addColumn('vat_breakdown', 'text', (col) => col.notNull()) // JSON: [{ vatRateBp, netCents, vatCents }]
    .addColumn('corrects_invoice_id', 'text', (col) => col.references('invoices.id'))
    .addColumn('reason', 'text') // a credit note's
    .addColumn('status', 'text', (col) => col.notNull()) // issued
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('finalized_at', 'text', (col) => col.notNull())
    .execute();
  // One invoice per account and month, so two runs at once cannot both bill it.
  await db.schema
    .createIndex('invoices_account_month')
    .on('invoices')
    .columns(['account_id', 'billing_month'])
    .unique()
    .where(sql.ref('kind'), '=', 'invoice')
    .execute();
  await db.schema
    .createIndex('invoices_account_created')
    .on('invoices')
    .columns(['account_id', 'created_at'])
    .execute();
  await db.schema.createIndex('invoices_corrects').on('invoices').column('corrects_invoice_id').execute();

  await db.schema
    .createTable('invoice_lines')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('invoice_id', 'text', (col) => col.notNull().references('invoices.id'))
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('service_id', 'text', (col) => col.notNull().references('services.id'))
    .addColumn('service_code', 'text', (col) => col.notNull())
    .addColumn('description', 'text', (col) => col.notNull())
    .addColumn('unit', 'text', (col) => col.notNull())
    .addColumn('quantity', 'integer', (col) => col.notNull())
    .addColumn('unit_net_cents', 'integer', (col) => col.notNull())
    .addColumn('net_cents', 'integer', (col) => col.notNull())
    .addColumn('vat_rate_bp', 'integer', (col) => col.notNull())
    // A late line: usage of an earlier month, dated with that month.
    .addColumn('period_from', 'text')
    .addColumn('period_to', 'text')
    .addColumn('corrects_line_id', 'text', (col) => col.references('invoice_lines.id')) // credit notes
    .addUniqueConstraint('invoice_lines_position', ['invoice_id', 'position'])
    .execute();
  await db.schema
    .createIndex('invoice_lines_corrects')
    .on('invoice_lines')
    .column('corrects_line_id')
    .execute();

  // Who made which requests: per user (number and name as recorded with the usage) and service.
  await db.schema
    .createTable('invoice_appendix')
    .addColumn('invoice_id', 'text', (col) => col.notNull().references('invoices.id'))
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('user_number', 'text', (col) => col.notNull())
    .addColumn('user_name', 'text', (col) => col.notNull())
    .addColumn('service_id', 'text', (col) => col.notNull().references('services.id'))
    .addColumn('service_code', 'text', (col) => col.notNull())
    .addColumn('description', 'text', (col) => col.notNull())
    .addColumn('quantity', 'integer', (col) => col.notNull())
    .addColumn('net_cents', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('invoice_appendix_pk', ['invoice_id', 'position'])
    .execute();

  // The last number given per kind and year. The row is updated in the transaction that issues the
  // document, so it stays locked until that commits: numbers come without gaps and never twice.
  await db.schema
    .createTable('invoice_number_series')
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('year', 'integer', (col) => col.notNull())
    .addColumn('last_number', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('invoice_number_series_pk', ['kind', 'year'])
    .execute();

  // The PDF/A-3 (with the XML inside) and the EN 16931 CII XML as issued; never rendered again.
  await db.schema
    .createTable('invoice_documents')
    .addColumn('invoice_id', 'text', (col) => col.primaryKey().references('invoices.id'))
    .addColumn('pdf', blob, (col) => col.notNull())
    .addColumn('xml', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();

  // What the invoice run looks for: usage not yet invoiced, by month and account.
  await db.schema
    .createIndex('usage_events_uninvoiced')
    .on('usage_events')
    .columns(['billing_month', 'account_id'])
    .where(sql.ref('invoice_id'), 'is', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('usage_events_uninvoiced').execute();
  await db.schema.dropTable('invoice_documents').execute();
  await db.schema.dropTable('invoice_number_series').execute();
  await db.schema.dropTable('invoice_appendix').execute();
  await db.schema.dropTable('invoice_lines').execute();
  await db.schema.dropTable('invoices').execute();
  for (const column of [
    'seller_email',
    'seller_tax_number',
    'seller_vat_id',
    'seller_country',
    'seller_city',
    'seller_postal_code',
    'seller_street',
    'seller_name',
  ]) {
    await db.schema.alterTable('provider_profile').dropColumn(column).execute();
  }
}
