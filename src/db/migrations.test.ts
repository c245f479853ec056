import { expect, it } from 'vitest';
import { buildTestApp, describeEachDatabase, freshDatabaseUrl } from '../../test/helpers/build-test-app.ts';
import { loadConfig } from '../config.ts';
import { createDatabase } from './kysely.ts';
import { migrations } from './migrations/index.ts';
import { migrateToLatest, pendingMigrations } from './migrator.ts';

describeEachDatabase('migrations', (dialect) => {
  it('apply, roll back and apply again on the same database', async () => {
    const db = createDatabase(loadConfig({ DATABASE_URL: await freshDatabaseUrl(dialect) }).database);
    try {
      expect(await pendingMigrations(db)).toEqual(Object.keys(migrations));
      expect(await migrateToLatest(db)).toEqual(Object.keys(migrations));
      expect(await pendingMigrations(db)).toEqual([]);
      for (const migration of Object.values(migrations).reverse()) await migration.down?.(db);
      await db.deleteFrom('kysely_migration' as never).execute();
      expect(await migrateToLatest(db)).toEqual(Object.keys(migrations));
    } finally {
      await db.destroy();
    }
  });

  it('make /readyz answer 503 until they are applied', async () => {
    const t = await buildTestApp({ db: dialect, migrate: false });
    try {
      const response = await t.app.inject({ url: '/readyz', headers: { 'accept-language': 'en' } });
      expect(response.statusCode).toBe(503);
      expect(response.json().code).toBe('SERVICE_UNAVAILABLE');
      await migrateToLatest(t.db);
      expect((await t.app.inject({ url: '/readyz' })).statusCode).toBe(200);
    } finally {
      await t.close();
    }
  });
});
