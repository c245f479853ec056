import { Migrator } from 'kysely';
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

  it('keep users and what points at them when home_account_id becomes nullable', async () => {
    const db = createDatabase(loadConfig({ DATABASE_URL: await freshDatabaseUrl(dialect) }).database);
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    try {
      await migrator.migrateTo('2026-12-01T08_invitations');
      const at = '2026-12-01T00:00:00.000Z';
      await db
        .insertInto('accounts')
        .values({
          ...{ id: 'a1', customerNumber: '1000001-7', name: 'Kanzlei', status: 'active', seatLimit: 5 },
          ...{ locale: 'de', timezone: 'Europe/Berlin', createdAt: at, updatedAt: at },
        })
        .execute();
      const user = { userNumber: '1234567', firstName: 'Eva', lastName: 'Berger', status: 'active' as const };
      await db
        .insertInto('users')
        .values({ id: 'u1', homeAccountId: 'a1', username: 'eva', ...user, createdAt: at, updatedAt: at })
        .execute();
      await db
        .insertInto('memberships')
        .values({ accountId: 'a1', userId: 'u1', role: 'owner', createdAt: at })
        .execute();
      expect((await migrator.migrateToLatest()).error).toBeUndefined();

      expect(await db.selectFrom('users').select(['id', 'homeAccountId', 'username']).execute()).toEqual([
        { id: 'u1', homeAccountId: 'a1', username: 'eva' },
      ]);
      // The unique user name per account and the cascade from users to memberships survive the rebuild.
      const twin = { ...user, id: 'u2', userNumber: '7654321', homeAccountId: 'a1', username: 'eva' };
      await expect(
        db
          .insertInto('users')
          .values({ ...twin, createdAt: at, updatedAt: at })
          .execute(),
      ).rejects.toThrow();
      const personal = { ...twin, homeAccountId: null, username: 'eva@extern.test' };
      await db
        .insertInto('users')
        .values({ ...personal, createdAt: at, updatedAt: at })
        .execute();
      await db.deleteFrom('users').where('id', '=', 'u1').execute();
      expect(await db.selectFrom('memberships').selectAll().execute()).toEqual([]);
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
