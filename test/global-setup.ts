import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import type { TestProject } from 'vitest/node';
import { createDatabase } from '../src/db/kysely.ts';
import { migrateToLatest } from '../src/db/migrator.ts';
import { startPostgresCluster } from './helpers/postgres-cluster.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of this run's PostgreSQL cluster; '' when PostgreSQL is not installed. */
    postgresUrl: string;
    /** Databases migrated once, which freshDatabaseUrl(…, { migrated: true }) copies. */
    migratedTemplates: { sqlite: string; postgres: string };
  }
}

const postgresTemplate = 'kontor_migrated_template';

export default async function setup(project: TestProject) {
  const cluster = await startPostgresCluster();
  if (!cluster && process.env.KONTOR_TEST_REQUIRE_ALL === '1') {
    throw new Error(
      'PostgreSQL (initdb, pg_ctl) not found, and KONTOR_TEST_REQUIRE_ALL=1 forbids skipping it.',
    );
  }
  if (!cluster) console.warn('PostgreSQL not found: PostgreSQL tests are skipped.');
  const templateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kontor-template-'));
  const sqliteTemplate = path.join(templateDir, 'kontor.db');
  await migrated(createDatabase({ dialect: 'sqlite', filename: sqliteTemplate }));
  if (cluster) {
    const admin = createDatabase({ dialect: 'postgres', connectionString: cluster.url, poolSize: 1 });
    await sql`create database ${sql.id(postgresTemplate)}`.execute(admin);
    await admin.destroy();
    const url = new URL(cluster.url);
    url.pathname = `/${postgresTemplate}`;
    await migrated(createDatabase({ dialect: 'postgres', connectionString: url.href, poolSize: 1 }));
  }
  project.provide('postgresUrl', cluster?.url ?? '');
  project.provide('migratedTemplates', { sqlite: sqliteTemplate, postgres: postgresTemplate });
  return () => {
    fs.rmSync(templateDir, { recursive: true, force: true });
    cluster?.stop();
  };
}

/** Migrates and closes: a template must have no open connection when it is copied. */
async function migrated(db: ReturnType<typeof createDatabase>): Promise<void> {
  try {
    await migrateToLatest(db);
  } finally {
    await db.destroy();
  }
}
