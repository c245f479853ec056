// Frozen: never import from the app here, never edit after release; add a new migration instead.
import type { Kysely } from 'kysely';

// S8: two-factor sign-in with an authenticator app (TOTP), for users and operators. The secret is stored
// as is (Kontor has no server key to seal it with); recovery codes and sign-in challenges only as SHA-256.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('two_factor_credentials')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('user_id', 'text', (col) => col.unique().references('users.id').onDelete('cascade'))
    .addColumn('operator_id', 'text', (col) => col.unique().references('operators.id').onDelete('cascade'))
    .addColumn('secret', 'text', (col) => col.notNull()) // base32
    .addColumn('confirmed_at', 'text') // null while enrolment waits for its first code
    .addColumn('last_used_step', 'integer') // a code is accepted once: only steps after this one
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('two_factor_recovery_codes')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('credential_id', 'text', (col) =>
      col.notNull().references('two_factor_credentials.id').onDelete('cascade'),
    )
    .addColumn('code_hash', 'text', (col) => col.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema
    .createIndex('two_factor_recovery_codes_credential')
    .on('two_factor_recovery_codes')
    .columns(['credential_id', 'code_hash'])
    .execute();

  // The step between a correct password and a session: 5 minutes, single use, 5 wrong codes at most.
  await db.schema
    .createTable('two_factor_challenges')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('token_hash', 'text', (col) => col.notNull().unique())
    .addColumn('user_id', 'text', (col) => col.references('users.id').onDelete('cascade'))
    .addColumn('operator_id', 'text', (col) => col.references('operators.id').onDelete('cascade'))
    .addColumn('stay_signed_in', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0)) // counted before each check
    .addColumn('expires_at', 'text', (col) => col.notNull())
    .addColumn('used_at', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('two_factor_challenges_expires_at')
    .on('two_factor_challenges')
    .column('expires_at')
    .execute();

  await db.schema
    .alterTable('accounts')
    .addColumn('two_factor_required', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('accounts').dropColumn('two_factor_required').execute();
  for (const table of ['two_factor_challenges', 'two_factor_recovery_codes', 'two_factor_credentials']) {
    await db.schema.dropTable(table).execute();
  }
}
