import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import {
  CamelCasePlugin,
  Kysely,
  type LogConfig,
  PostgresDialect,
  type PostgresPool,
  type PostgresPoolClient,
  SqliteDialect,
  sql,
} from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../config.ts';
import { preparedStatementName } from './prepared.ts';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;

/** `log` sees every statement (bench/explain-g1.ts). */
export function createDatabase(config: DatabaseConfig, { log }: { log?: LogConfig } = {}): Db {
  const plugins = [new CamelCasePlugin()];
  if (config.dialect === 'postgres') {
    const pool = new pg.Pool({ connectionString: config.connectionString, max: config.poolSize });
    // An unreachable server must surface as a failed query (readyz), not crash the process.
    pool.on('error', () => {});
    return new Kysely<Database>({
      dialect: new PostgresDialect({ pool: namingPreparedStatements(pool) }),
      plugins,
      log,
    });
  }
  if (config.filename !== ':memory:') fs.mkdirSync(path.dirname(config.filename), { recursive: true });
  const database = new SQLite(config.filename);
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  database.pragma('synchronous = NORMAL'); // safe with WAL; a power cut loses at most the last commits
  return new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(database) }),
    plugins,
    log,
  });
}

/**
 * Kysely prepares every query anew, which cost more CPU than running it (bench G1). The driver runs one
 * query at a time, so a prepared statement can safely be reused; the cache is bounded, oldest out first.
 */
function withStatementCache(database: SQLite.Database, size = 500) {
  const cache = new Map<string, ReturnType<typeof rowsAsObjects>>();
  return {
    close: () => database.close(),
    prepare(sql: string) {
      let statement = cache.get(sql);
      if (statement) {
        cache.delete(sql); // re-insert below: Map order is recency
      } else {
        statement = rowsAsObjects(database.prepare(sql));
        if (cache.size >= size) cache.delete(cache.keys().next().value as string);
      }
      cache.set(sql, statement);
      return statement;
    },
  };
}

/**
 * better-sqlite3 builds each row object property by property through the C++ API, which took most of the
 * driver's time on a 50-row page (bench G1). Rows come as arrays instead, and one function per statement,
 * made from its column names, turns them into objects of a single shape.
 */
function rowsAsObjects(statement: SQLite.Statement) {
  if (!statement.reader) return statement;
  const fields = statement.columns().map((column, index) => `${JSON.stringify(column.name)}: row[${index}]`);
  const toObject = new Function('row', `return { ${fields.join(', ')} };`) as (row: unknown[]) => object;
  const rows = statement.raw(true);
  return {
    reader: true,
    all: (parameters: unknown[]) => (rows.all(parameters) as unknown[][]).map(toObject),
    run: (parameters: unknown[]) => rows.run(parameters),
    *iterate(parameters: unknown[]) {
      for (const row of rows.iterate(parameters) as IterableIterator<unknown[]>) yield toObject(row);
    },
  };
}

/**
 * Statements of db/prepared.ts go to PostgreSQL as named prepared statements: each connection parses and
 * plans them once (a generic plan after a few runs) instead of at every run.
 */
function namingPreparedStatements(pool: pg.Pool): PostgresPool {
  const clients = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  const wrap = (client: pg.PoolClient): PostgresPoolClient => ({
    // biome-ignore lint/suspicious/noExplicitAny: passes Kysely's two call shapes (SQL text, cursor) through
    query: ((text: any, values?: unknown[]) => {
      const name = typeof text === 'string' ? preparedStatementName(text) : undefined;
      return name ? client.query({ name, text, values }) : client.query(text, values);
    }) as unknown as PostgresPoolClient['query'],
    release: () => client.release(),
  });
  return {
    async connect() {
      const client = await pool.connect();
      const wrapped = clients.get(client) ?? wrap(client);
      clients.set(client, wrapped);
      return wrapped;
    },
    end: () => pool.end(),
  };
}

export async function isDatabaseReachable(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}

/** Rows in a table, as a number on both dialects (PostgreSQL returns count(*) as a string). */
export async function countRows(db: Db, table: keyof Database): Promise<number> {
  const { count } = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('count'))
    .executeTakeFirstOrThrow();
  return Number(count);
}
