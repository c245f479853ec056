// buildTestApp({ db }): the whole application on a real SQLite file or a fresh PostgreSQL database.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, inject } from 'vitest';
import { buildApp, type KontorApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createDatabase, type Db } from '../../src/db/kysely.ts';
import type { MailTransport } from '../../src/modules/mail/index.ts';
import { ManualClock } from '../../src/shared/clock.ts';
import { newId } from '../../src/shared/tokens.ts';

export type Dialect = 'sqlite' | 'postgres';
export const dialects: Dialect[] = ['sqlite', 'postgres'];

/** Runs the suite once per database; PostgreSQL is skipped only when it is not installed and not required. */
export function describeEachDatabase(name: string, suite: (dialect: Dialect) => void): void {
  for (const dialect of dialects) {
    describe.skipIf(dialect === 'postgres' && !inject('postgresUrl'))(`${name} [${dialect}]`, () =>
      suite(dialect),
    );
  }
}

/**
 * A DATABASE_URL for a new database of the given dialect: empty, or `migrated` as a copy of the template
 * test/global-setup.ts migrated once (migrating each test's database anew took most of the suite's time).
 */
export async function freshDatabaseUrl(dialect: Dialect, { migrated = false } = {}): Promise<string> {
  if (dialect === 'sqlite') {
    const filename = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kontor-test-')), 'kontor.db');
    if (migrated) fs.copyFileSync(inject('migratedTemplates').sqlite, filename);
    return `sqlite:${filename}`;
  }
  const adminUrl = inject('postgresUrl');
  const name = `kontor_${newId().replaceAll('-', '')}`;
  const admin = createDatabase({ dialect: 'postgres', connectionString: adminUrl, poolSize: 1 });
  const template = migrated ? sql` template ${sql.id(inject('migratedTemplates').postgres)}` : sql``;
  await sql`create database ${sql.id(name)}${template}`.execute(admin);
  await admin.destroy();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.href;
}

export interface TestApp {
  app: KontorApp;
  db: Db;
  clock: ManualClock;
  close(): Promise<void>;
}

export async function buildTestApp(options: {
  db: Dialect;
  env?: Record<string, string>;
  mailTransport?: MailTransport | null;
  migrate?: boolean;
}): Promise<TestApp> {
  const config = loadConfig({
    DATABASE_URL: await freshDatabaseUrl(options.db, { migrated: options.migrate !== false }),
    PUBLIC_URL: 'http://kontor.test',
    LOG_LEVEL: 'silent',
    KONTOR_WEB_ROOT: path.join(os.tmpdir(), 'kontor-no-web-app'),
    RATE_LIMIT_PER_MINUTE: '100000',
    SIGN_IN_RATE_LIMIT_PER_MINUTE: '100000',
    // Each test's app would start its own worker threads; the pool is tested by itself and through the CLI.
    INVOICE_RENDER_THREADS: '0',
    ...options.env,
  });
  const db = createDatabase(config.database);
  const clock = new ManualClock();
  const app = await buildApp(config, { db, clock, mailTransport: options.mailTransport });
  await app.ready();
  return {
    app,
    db,
    clock,
    async close() {
      await app.close();
      await db.destroy();
    },
  };
}
