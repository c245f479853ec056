import type { Comparison } from './compare.ts';
import type { Goal, Measurement } from './report.ts';

export const databases = ['sqlite', 'postgres'] as const;
export type Database = (typeof databases)[number];

export interface BenchmarkOptions {
  /** Seconds per measured run. */
  duration: number;
  connections: number;
  /** Limit/subject pairs; the medians are taken over them. */
  rounds: number;
  db: Database;
  /** When set, Kontor runs with `node --cpu-prof` and writes its profile here on exit. */
  cpuProf?: string;
}

export interface Benchmark {
  /** Short, case-insensitive on the command line, e.g. 'G0'. */
  name: string;
  description: string;
  /** One goal, or one per database. */
  goal: Goal | Record<Database, Goal>;
  /** Servers and temp dirs it starts are registered for cleanup; runBenchmark releases them. */
  /** A ratio of two measured sides, or (M1) a value with a unit where there is nothing to compare with. */
  run: (options: BenchmarkOptions) => Promise<Comparison | Measurement>;
}

export const goalFor = (goal: Benchmark['goal'], db: Database): Goal => ('op' in goal ? goal : goal[db]);
