// npm run bench:explain -- [--db sqlite|postgres]
// Every statement one G1 request runs, with its plan (EXPLAIN QUERY PLAN on SQLite, EXPLAIN (ANALYZE,
// BUFFERS) on PostgreSQL) and its time per run through the driver, on the same 5,000-user account as G1.
import { parseArgs } from 'node:util';
import { CompiledQuery, sql } from 'kysely';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { createDatabase } from '../src/db/kysely.ts';
import { migrateToLatest } from '../src/db/migrator.ts';
import { cleanupAll } from './lib/cleanup.ts';
import { accountOf, registerAccount, seedUsers, signIn } from './lib/kontor.ts';
import { startPostgresDatabase } from './lib/postgres.ts';
import { findFreePort, makeTempDir } from './lib/process.ts';

const { values } = parseArgs({ options: { db: { type: 'string', default: 'sqlite' } } });
const databaseUrl =
  values.db === 'postgres' ? await startPostgresDatabase() : `sqlite:${makeTempDir('kontor-explain-')}/k.db`;
const port = await findFreePort();
const baseUrl = `http://127.0.0.1:${port}`;
const config = loadConfig({
  DATABASE_URL: databaseUrl,
  PUBLIC_URL: baseUrl,
  LOG_LEVEL: 'warn',
  KONTOR_WEB_ROOT: makeTempDir('kontor-explain-web-'),
  RATE_LIMIT_PER_MINUTE: '1000000',
});
let captured: CompiledQuery[] | null = null;
const db = createDatabase(config.database, {
  log: (event) => {
    captured?.push(event.query);
  },
});
const app = await buildApp(config, { db, mailTransport: null });
try {
  await migrateToLatest(db);
  await app.listen({ port, host: '127.0.0.1' });
  const owner = await registerAccount(baseUrl, db);
  await seedUsers(db, await accountOf(db, owner), 4999);
  const { accountId, cookie } = await signIn(baseUrl, owner);
  const url = `${baseUrl}/api/v1/accounts/${accountId}/users?page=1&pageSize=50`;
  await fetch(url, { headers: { cookie } }); // the session's once-a-minute touch is not part of a read
  captured = [];
  const response = await fetch(url, { headers: { cookie } });
  if (response.status !== 200) throw new Error(`G1 request answered ${response.status}`);
  const statements = captured;
  captured = null;
  const bare = db.withoutPlugins();
  for (const query of statements) {
    console.log(`\n${query.sql}\n  parameters ${JSON.stringify(query.parameters)}`);
    const explain = values.db === 'postgres' ? 'explain (analyze, buffers) ' : 'explain query plan ';
    const plan = await bare.executeQuery<Record<string, string>>(
      CompiledQuery.raw(explain + query.sql, [...query.parameters]),
    );
    for (const row of plan.rows) console.log(`  ${row['QUERY PLAN'] ?? row.detail}`);
    if (values.db === 'postgres') await explainGenericPlan(query);
    const runs = 1000;
    const started = process.hrtime.bigint();
    for (let run = 0; run < runs; run++) await bare.executeQuery(query);
    const micros = Number(process.hrtime.bigint() - started) / runs / 1000;
    console.log(`  ${micros.toFixed(0)} µs per run through the driver (${runs} runs)`);
  }
} finally {
  await app.close();
  await db.destroy();
  await cleanupAll();
}

/** The plan a named prepared statement settles on after a few runs, which knows no parameter values. */
async function explainGenericPlan(query: CompiledQuery) {
  const literal = (value: unknown) =>
    typeof value === 'number' ? String(value) : `'${String(value).replaceAll("'", "''")}'`;
  await db.connection().execute(async (connection) => {
    const bare = connection.withoutPlugins();
    await sql`set plan_cache_mode = force_generic_plan`.execute(bare);
    await sql.raw(`prepare generic_plan as ${query.sql}`).execute(bare);
    const plan = await sql
      .raw<{ 'QUERY PLAN': string }>(
        `explain (analyze, buffers) execute generic_plan(${query.parameters.map(literal).join(', ')})`,
      )
      .execute(bare);
    console.log('  generic plan (a named statement after its first runs):');
    for (const row of plan.rows) console.log(`    ${row['QUERY PLAN']}`);
    await sql`deallocate generic_plan`.execute(bare);
    await sql`reset plan_cache_mode`.execute(bare);
  });
}
