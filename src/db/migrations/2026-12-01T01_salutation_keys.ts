// Frozen: never import from the app here, never edit after release; add a new migration instead.
import { type Kysely, sql } from 'kysely';

// Salutations were free text in the person's language ("Frau", "Mr", "Úr"); they become the keys
// ms | mr | mx that e-mails turn into "Sehr geehrte Frau Dr. Berger," or "Dear Ms Berger,". A text that
// names none of them is dropped: the person is then greeted by full name.
const keys: Record<string, string[]> = {
  ms: ['frau', 'ms', 'ms.', 'mrs', 'mrs.', 'miss', 'hölgy', 'asszony'],
  mr: ['herr', 'mr', 'mr.', 'úr', 'Úr'], // SQLite's lower() leaves non-ASCII letters alone
  mx: ['divers', 'mx', 'mx.', 'egyéb'],
};

export async function up(db: Kysely<any>): Promise<void> {
  for (const [key, texts] of Object.entries(keys)) {
    await db
      .updateTable('users')
      .set({ salutation: key })
      .where(sql`lower(trim(salutation))`, 'in', texts)
      .execute();
  }
  await db
    .updateTable('users')
    .set({ salutation: null })
    .where('salutation', 'not in', Object.keys(keys))
    .execute();
}

export async function down(): Promise<void> {
  // The keys are valid salutations for the earlier code too; nothing to undo.
}
