import { sql } from 'kysely';
import { createDatabase } from '../../src/db/kysely.ts';
import { startPostgresCluster } from '../../test/helpers/postgres-cluster.ts';
import { registerCleanup } from './cleanup.ts';

/** A throw-away PostgreSQL cluster with one empty database, removed on cleanup; returns its DATABASE_URL. */
export async function startPostgresDatabase(): Promise<string> {
  const cluster = await startPostgresCluster();
  if (!cluster) throw new Error('--db postgres needs the PostgreSQL server binaries (initdb, pg_ctl)');
  registerCleanup({ run: async () => cluster.stop(), runSync: () => cluster.stop() });
  const admin = createDatabase({ dialect: 'postgres', connectionString: cluster.url, poolSize: 1 });
  try {
    await sql`create database kontor_bench`.execute(admin);
  } finally {
    await admin.destroy();
  }
  const url = new URL(cluster.url);
  url.pathname = '/kontor_bench';
  return url.href;
}
