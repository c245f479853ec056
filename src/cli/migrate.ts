import { createDatabase } from '../db/kysely.ts';
import { migrateToLatest } from '../db/migrator.ts';
import { loadConfigOrExit } from './context.ts';

export async function migrate(): Promise<void> {
  const db = createDatabase(loadConfigOrExit().database);
  try {
    const applied = await migrateToLatest(db);
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
  } finally {
    await db.destroy();
  }
}
