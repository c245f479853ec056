// A smoke run with tiny sizes, so the benchmarks cannot rot between the times someone measures.
import { expect, it } from 'vitest';
import { runBenchmark } from './benchmarks.ts';

// Each takes about 10 s on a 2-core machine, mostly starting Kontor and child processes.
it.each(['G0', 'G1', 'L1', 'L2', 'L3'])(
  'runs %s end to end on SQLite and yields a positive ratio',
  async (name) => {
    const ratio = await runBenchmark(name, { duration: 0.5, rounds: 1, connections: 2, db: 'sqlite' });
    expect(ratio).toBeGreaterThan(0);
    expect(Number.isFinite(ratio)).toBe(true);
  },
  60_000,
);
