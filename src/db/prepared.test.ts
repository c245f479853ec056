// db/prepared.ts: a statement built once runs with each call's parameters, in the caller's transaction,
// and on PostgreSQL as a named prepared statement.
import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDatabase, freshDatabaseUrl } from '../../test/helpers/build-test-app.ts';
import { loadConfig } from '../config.ts';
import { createDatabase, type Db } from './kysely.ts';
import { prepareQuery } from './prepared.ts';

describeEachDatabase('prepared queries', (dialect) => {
  let db: Db;
  let statements: { sql: string; parameters: readonly unknown[] }[];
  const at = '2026-12-01T00:00:00.000Z';
  const account = (id: string, name: string, status: 'active' | 'suspended' = 'active') => ({
    ...{ id, customerNumber: `${id}-7`, name, status, seatLimit: 5 },
    ...{ locale: 'de', timezone: 'Europe/Berlin', createdAt: at, updatedAt: at },
  });
  beforeEach(async () => {
    statements = [];
    const config = loadConfig({ DATABASE_URL: await freshDatabaseUrl(dialect, { migrated: true }) });
    db = createDatabase(config.database, { log: (event) => void statements.push(event.query) });
    await db
      .insertInto('accounts')
      .values([
        account('1000001', 'Alpha'),
        account('1000002', 'Beta'),
        account('1000003', 'Gamma', 'suspended'),
      ])
      .execute();
  });
  afterEach(() => db.destroy());

  // The status is written by the query itself and stays fixed; the name prefix and limit are parameters.
  const activeNamed = () =>
    prepareQuery(db, ({ prefix, limit }: { prefix: string; limit: number }) =>
      db
        .selectFrom('accounts')
        .select(['id', 'customerNumber'])
        .where('status', '=', 'active')
        .where('name', '>=', prefix)
        .orderBy('name')
        .limit(limit),
    );

  it('runs with the parameters of each call, the fixed values unchanged, rows mapped to camelCase', async () => {
    const query = activeNamed();
    expect(await query.execute({ prefix: 'A', limit: 10 })).toEqual([
      { id: '1000001', customerNumber: '1000001-7' },
      { id: '1000002', customerNumber: '1000002-7' },
    ]);
    expect(await query.execute({ prefix: 'B', limit: 10 })).toEqual([
      { id: '1000002', customerNumber: '1000002-7' },
    ]);
    expect(await query.takeFirst({ prefix: 'A', limit: 1 })).toEqual({
      id: '1000001',
      customerNumber: '1000001-7',
    });
    expect(await query.takeFirst({ prefix: 'Z', limit: 1 })).toBeUndefined();
  });

  it("sees the caller's transaction, and nothing of it after a rollback", async () => {
    const query = activeNamed();
    await db
      .transaction()
      .execute(async (transaction) => {
        await transaction.insertInto('accounts').values(account('1000004', 'Delta')).execute();
        expect((await query.execute({ prefix: 'D', limit: 10 }, transaction)).map((row) => row.id)).toEqual([
          '1000004',
        ]);
        throw new Error('roll back');
      })
      .catch(() => {});
    expect(await query.execute({ prefix: 'D', limit: 10 })).toEqual([]);
  });

  it('runs one SQL text whatever the parameters; on PostgreSQL as a named statement of the connection', async () => {
    const query = activeNamed();
    let ran: typeof statements = [];
    const names = await db.connection().execute(async (connection) => {
      statements = [];
      await query.execute({ prefix: 'A', limit: 1 }, connection);
      await query.execute({ prefix: 'B', limit: 2 }, connection);
      ran = [...statements];
      if (dialect === 'sqlite') return [];
      return (await sql<{ name: string }>`select name from pg_prepared_statements`.execute(connection)).rows;
    });
    expect(new Set(ran.map((statement) => statement.sql)).size).toBe(1);
    expect(ran.map((statement) => statement.parameters)).toEqual([
      ['active', 'A', 1],
      ['active', 'B', 2],
    ]);
    if (dialect === 'postgres') expect(names.filter((row) => row.name.startsWith('kontor_'))).toHaveLength(1);
  });
});
