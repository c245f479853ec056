// Statements on the request path, built once. Kysely builds and compiles a query anew every time it runs,
// which cost more CPU than running it (bench G1, docs/BENCHMARKS.md); PostgreSQL also parses and plans
// each one anew, and planning the session lookup's join took ten times as long as executing it.
import { createHash } from 'node:crypto';
import type { Compilable, CompiledQuery } from 'kysely';
import type { Db } from './kysely.ts';

const placeholderPrefix = '\u0000kontor-parameter:';

/** SQL text → statement name, for the PostgreSQL pool (kysely.ts) to run these as named prepared statements. */
const statementNames = new Map<string, string>();
export const preparedStatementName = (sql: string) => statementNames.get(sql);

export interface PreparedQuery<Parameters, Row> {
  execute(parameters: Parameters, executor?: Db): Promise<Row[]>;
  takeFirst(parameters: Parameters, executor?: Db): Promise<Row | undefined>;
}

/**
 * `build` gets stand-ins for the parameters and returns the query; it is compiled once. Running it fills the
 * parameters in by position: the SQL text never changes, so SQLite's statement cache and PostgreSQL's named
 * statements hold it once. Plugins (CamelCase) still map the rows. Values `build` writes itself stay fixed.
 */
export function prepareQuery<Parameters extends Record<string, unknown>, Row>(
  db: Db,
  build: (parameters: Parameters) => Compilable<Row>,
): PreparedQuery<Parameters, Row> {
  const standIns = new Proxy({}, { get: (_target, key) => `${placeholderPrefix}${String(key)}` });
  const compiled = build(standIns as Parameters).compile();
  const slots = compiled.parameters.map((value): { name: keyof Parameters } | { value: unknown } =>
    typeof value === 'string' && value.startsWith(placeholderPrefix)
      ? { name: value.slice(placeholderPrefix.length) }
      : { value },
  );
  const name = `kontor_${createHash('sha256').update(compiled.sql).digest('hex').slice(0, 20)}`;
  statementNames.set(compiled.sql, name);

  const run = async (parameters: Parameters, executor: Db) => {
    const query: CompiledQuery<Row> = {
      ...compiled,
      parameters: slots.map((slot) => ('name' in slot ? parameters[slot.name] : slot.value)),
    };
    return (await executor.executeQuery(query)).rows;
  };
  return {
    execute: (parameters, executor = db) => run(parameters, executor),
    takeFirst: async (parameters, executor = db) => (await run(parameters, executor))[0],
  };
}
