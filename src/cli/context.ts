// What every command needs: a validated configuration and a migrated database.
import { type Config, ConfigError, loadConfig } from '../config.ts';
import { createDatabase, type Db } from '../db/kysely.ts';
import { migrateToLatest } from '../db/migrator.ts';
import { createAuditService } from '../modules/audit/index.ts';
import { createMailService } from '../modules/mail/index.ts';
import { createProviderService } from '../modules/provider/index.ts';
import { systemClock } from '../shared/clock.ts';

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

/** The mail service as the server builds it (e-mails carry the provider's identity). */
export function mailService(db: Db, config: Config) {
  const audit = createAuditService({ db, clock: systemClock });
  const provider = createProviderService({ db, clock: systemClock, config, audit });
  return createMailService({ db, clock: systemClock, config, provider });
}
