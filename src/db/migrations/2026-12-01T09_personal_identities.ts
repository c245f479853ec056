// Frozen: never import from the app here, never edit after release; add a new migration instead.
import { type Kysely, SqliteAdapter, sql } from 'kysely';

// M1: a person invited without a Kontor login creates a personal identity: a user of no account of its
// own (no seat, no program credentials), a member only where invited. home_account_id becomes nullable.
const notNullHome = /"home_account_id" text not null/i;
const nullableHome = '"home_account_id" text';

export async function up(db: Kysely<any>): Promise<void> {
  if (isSqlite(db)) await rebuildUsers(db, (create) => create.replace(notNullHome, nullableHome));
  else await sql`alter table users alter column home_account_id drop not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('users').where('home_account_id', 'is', null).execute();
  if (isSqlite(db)) {
    await rebuildUsers(db, (create) =>
      create.replace(`${nullableHome} `, '"home_account_id" text not null '),
    );
  } else {
    await sql`alter table users alter column home_account_id set not null`.execute(db);
  }
}

const isSqlite = (db: Kysely<any>) => db.getExecutor().adapter instanceof SqliteAdapter;

/**
 * SQLite cannot change a column's constraint in place: the table is built anew under its old name (the
 * procedure in sqlite.org/lang_altertable.html), with foreign keys paused so the tables that point at
 * users keep their rows, and checked before they are switched back on. The migrator runs SQLite
 * migrations outside a transaction, which is what the pragma needs.
 */
async function rebuildUsers(db: Kysely<any>, rewrite: (create: string) => string) {
  const objects = await sql<{ type: string; sql: string | null }>`
    select type, sql from sqlite_master where tbl_name = 'users' order by type desc`.execute(db);
  const table = objects.rows.find((row) => row.type === 'table')?.sql;
  if (!table) throw new Error('users table not found');
  const rewritten = rewrite(table);
  if (rewritten === table) throw new Error('users table has an unexpected shape');
  const created = rewritten.replace(/^create table "?users"?/i, 'create table "users_rebuilt"');
  const indexes = objects.rows.filter((row) => row.type === 'index' && row.sql).map((row) => row.sql);
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await sql.raw(created).execute(db);
    await sql`insert into users_rebuilt select * from users`.execute(db);
    await sql`drop table users`.execute(db);
    await sql`alter table users_rebuilt rename to users`.execute(db);
    for (const index of indexes) await sql.raw(index as string).execute(db);
    const broken = await sql`pragma foreign_key_check`.execute(db);
    if (broken.rows.length > 0) throw new Error(`foreign keys broken: ${JSON.stringify(broken.rows)}`);
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}
