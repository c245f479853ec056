// Frozen: never import from the app here, never edit after release; add a new migration instead.
import type { Kysely } from 'kysely';

// Users and accounts get a folded search column ("müller" stored as "muller" and "mueller"), so searches
// ignore umlauts, accents and ß on both databases. The folding is copied here: this file never changes.
const strip = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '');
function fold(fields: (string | null)[]): string {
  return fields
    .flatMap((field) => {
      if (!field) return [];
      const lower = field.toLocaleLowerCase('de').replaceAll('ß', 'ss');
      const german = lower.replaceAll('ä', 'ae').replaceAll('ö', 'oe').replaceAll('ü', 'ue');
      return [...new Set([strip(lower), strip(german)])];
    })
    .join('\n');
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('search_text', 'text', (col) => col.notNull().defaultTo(''))
    .execute();
  await db.schema
    .alterTable('accounts')
    .addColumn('search_text', 'text', (col) => col.notNull().defaultTo(''))
    .execute();
  const users = await db
    .selectFrom('users')
    .select(['id', 'username', 'first_name', 'last_name', 'email', 'user_number'])
    .execute();
  for (const user of users) {
    const text = fold([user.username, user.first_name, user.last_name, user.email, user.user_number]);
    await db.updateTable('users').set({ search_text: text }).where('id', '=', user.id).execute();
  }
  const accounts = await db.selectFrom('accounts').select(['id', 'name', 'customer_number']).execute();
  for (const account of accounts) {
    const text = fold([account.name, account.customer_number]);
    await db.updateTable('accounts').set({ search_text: text }).where('id', '=', account.id).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('accounts').dropColumn('search_text').execute();
  await db.schema.alterTable('users').dropColumn('search_text').execute();
}
