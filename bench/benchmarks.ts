// Registry and programmatic entry point; bench/run.ts is the command line around it.
import { availableParallelism, loadavg } from 'node:os';
import { g0 } from './g0-healthz.ts';
import { g1 } from './g1-user-list.ts';
import { type Benchmark, type BenchmarkOptions, type Database, databases, goalFor } from './lib/benchmark.ts';
import { cleanupAll } from './lib/cleanup.ts';
import { formatGoal, printResult } from './lib/report.ts';
import { self } from './self-check.ts';
import { l1, l2, l3 } from './sign-in.ts';

export const benchmarks: Benchmark[] = [g0, g1, l1, l2, l3, self];

export function findBenchmark(name: string): Benchmark | undefined {
  return benchmarks.find((benchmark) => benchmark.name.toLowerCase() === name.toLowerCase());
}

export function listBenchmarks(): string {
  return benchmarks
    .map(({ name, description, goal }) => {
      const goals =
        'op' in goal
          ? formatGoal(goal)
          : databases.map((db) => `${formatGoal(goal[db])} on ${db}`).join(', ');
      return `  ${name.padEnd(6)} ${description} (goal ${goals})`;
    })
    .join('\n');
}

export class InvalidResultError extends Error {}

type RawOptions = Partial<Record<keyof BenchmarkOptions, string | number | undefined>>;

/** Explicit options win over BENCH_DURATION, BENCH_CONNECTIONS, BENCH_ROUNDS and BENCH_DB, then defaults. */
export function resolveOptions(raw: RawOptions = {}, env = process.env): BenchmarkOptions {
  const pick = (key: keyof BenchmarkOptions) => raw[key] ?? env[`BENCH_${key.toUpperCase()}`];
  const number = (key: keyof BenchmarkOptions, fallback: number, integer: boolean): number => {
    const value = pick(key);
    if (value === undefined || value === '') return fallback;
    const parsed = Number(value);
    if (!(parsed > 0) || (integer && !Number.isInteger(parsed))) {
      throw new Error(`${key}: expected a positive ${integer ? 'integer' : 'number'}, got ${value}`);
    }
    return parsed;
  };
  const db = String(pick('db') ?? 'sqlite');
  if (!databases.includes(db as Database))
    throw new Error(`db: expected ${databases.join(' or ')}, got ${db}`);
  return {
    duration: number('duration', 5, false),
    connections: number('connections', 10, true),
    rounds: number('rounds', 3, true),
    db: db as Database,
    cpuProf: raw.cpuProf === undefined ? undefined : String(raw.cpuProf),
  };
}

/**
 * Runs one benchmark, prints its report and returns the ratio.
 * Throws InvalidResultError if any run had errors or non-2xx answers. Everything it started is gone afterwards.
 */
export async function runBenchmark(name: string, options: RawOptions = {}): Promise<number> {
  const benchmark = findBenchmark(name);
  if (!benchmark) throw new Error(`unknown benchmark ${name}; available:\n${listBenchmarks()}`);
  const resolved = resolveOptions(options);
  console.log(`${benchmark.name}: ${benchmark.description}`);
  console.log(
    `  ${resolved.rounds} round(s) of ${resolved.duration} s (after 1 s warm-up), ${resolved.connections} connections, ` +
      `db ${resolved.db}; node ${process.version}, ${availableParallelism()} cpus, ` +
      `load ${loadavg()
        .map((value) => value.toFixed(2))
        .join(' ')}`,
  );
  let comparison: Awaited<ReturnType<Benchmark['run']>>;
  try {
    comparison = await benchmark.run(resolved);
  } finally {
    await cleanupAll();
  }
  printResult(benchmark.name, comparison, goalFor(benchmark.goal, resolved.db));
  if (comparison.problems.length > 0) {
    throw new InvalidResultError(`${benchmark.name} is invalid:\n${comparison.problems.join('\n')}`);
  }
  return comparison.ratio;
}
