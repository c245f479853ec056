// What every command needs: a validated configuration and a migrated database.
import { type Config, ConfigError, loadConfig } from '../config.ts';
import { createDatabase, type Db } from '../db/kysely.ts';
import { migrateToLatest } from '../db/migrator.ts';

export function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(78); // EX_CONFIG
  }
}

export async function openMigratedDatabase(config: Config): Promise<Db> {
  const db = createDatabase(config.database);
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return db;
}
