// Registry and programmatic entry point; bench/run.ts is the command line around it.
import { availableParallelism, loadavg } from 'node:os';
import { g0 } from './g0-healthz.ts';
import { g1 } from './g1-user-list.ts';
import { g2 } from './g2-reads-under-sign-in.ts';
import { i1 } from './i1-invoice-run.ts';
import { k1 } from './k1-program-me.ts';
import { type Benchmark, type BenchmarkOptions, type Database, databases, goalFor } from './lib/benchmark.ts';
import { cleanupAll } from './lib/cleanup.ts';
import { formatGoal, printMeasurement, printResult } from './lib/report.ts';
import { m1 } from './m1-idle-memory.ts';
import { self } from './self-check.ts';
import { l1, l2, l3 } from './sign-in.ts';
import { u1 } from './u1-usage-batch.ts';
import { w1 } from './w1-file-transfer.ts';
import { w2 } from './w2-first-frame.ts';

export const benchmarks: Benchmark[] = [g0, g1, g2, i1, k1, l1, l2, l3, m1, u1, w1, w2, self];

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
 * Runs one benchmark, prints its report and returns the ratio (or the value of a measurement).
 * Throws InvalidResultError if any run had errors or non-2xx answers. Everything it started is gone afterwards.
 */
export async function runBenchmark(which: string | Benchmark, options: RawOptions = {}): Promise<number> {
  const benchmark = typeof which === 'string' ? findBenchmark(which) : which;
  if (!benchmark) throw new Error(`unknown benchmark ${which}; available:\n${listBenchmarks()}`);
  const resolved = resolveOptions(options);
  console.log(`${benchmark.name}: ${benchmark.description}`);
  console.log(
    `  ${resolved.rounds} round(s) of ${resolved.duration} s (after 1 s warm-up), ${resolved.connections} connections, ` +
      `db ${resolved.db}; node ${process.version}, ${availableParallelism()} cpus, ` +
      `load ${loadavg()
        .map((value) => value.toFixed(2))
        .join(' ')}`,
  );
  let outcome: Awaited<ReturnType<Benchmark['run']>>;
  try {
    outcome = await benchmark.run(resolved);
  } finally {
    await cleanupAll();
  }
  const goal = goalFor(benchmark.goal, resolved.db);
  if ('value' in outcome) printMeasurement(benchmark.name, outcome, goal);
  else printResult(benchmark.name, outcome, goal);
  if (outcome.problems.length > 0) {
    throw new InvalidResultError(`${benchmark.name} is invalid:\n${outcome.problems.join('\n')}`);
  }
  return 'value' in outcome ? outcome.value : outcome.ratio;
}
