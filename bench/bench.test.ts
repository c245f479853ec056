// A smoke run with tiny sizes, so the benchmarks cannot rot between the times someone measures.
import { expect, it } from 'vitest';
import { runBenchmark } from './benchmarks.ts';

it('runs G0 end to end and yields a positive ratio', async () => {
  const ratio = await runBenchmark('G0', { duration: 0.5, rounds: 1, connections: 2 });
  expect(ratio).toBeGreaterThan(0);
  expect(Number.isFinite(ratio)).toBe(true);
}, 60_000);
