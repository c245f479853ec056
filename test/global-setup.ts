import type { TestProject } from 'vitest/node';
import { startPostgresCluster } from './helpers/postgres-cluster.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of this run's PostgreSQL cluster; '' when PostgreSQL is not installed. */
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const cluster = await startPostgresCluster();
  if (!cluster && process.env.KONTOR_TEST_REQUIRE_ALL === '1') {
    throw new Error(
      'PostgreSQL (initdb, pg_ctl) not found, and KONTOR_TEST_REQUIRE_ALL=1 forbids skipping it.',
    );
  }
  if (!cluster) console.warn('PostgreSQL not found: PostgreSQL tests are skipped.');
  project.provide('postgresUrl', cluster?.url ?? '');
  return () => cluster?.stop();
}
