// Frozen: never import from the app here, never edit after release; add a new migration instead.
import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Bench I1: PostgreSQL tried to compress every invoice PDF it stored (TOAST's default for bytea) and gained
// nothing, since a PDF's streams are deflated already; that cost its server about a third of a millisecond
// a document. The PDF is stored out of line without compression; the XML is still compressed. SQLite never
// compresses, so nothing changes there.
export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`alter table invoice_documents alter column pdf set storage external`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`alter table invoice_documents alter column pdf set storage extended`.execute(db);
}
