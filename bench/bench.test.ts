// A smoke run with tiny sizes, so the benchmarks cannot rot between the times someone measures.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, it } from 'vitest';
import { chromiumMissing, requireAllTests } from '../e2e/chromium.ts';
import { InvalidResultError, runBenchmark } from './benchmarks.ts';
import type { Benchmark } from './lib/benchmark.ts';
import { compareAlternating } from './lib/compare.ts';

// Each takes about 10 s on a 2-core machine, mostly starting Kontor and child processes.
it.each(['G0', 'G1', 'G2', 'K1', 'L1', 'L2', 'L3', 'M1', 'U1'])(
  'runs %s end to end on SQLite and yields a positive result',
  async (name) => {
    const result = await runBenchmark(name, { duration: 0.5, rounds: 1, connections: 2, db: 'sqlite' });
    expect(result).toBeGreaterThan(0);
    expect(Number.isFinite(result)).toBe(true);
  },
  90_000,
);

// W1 and W2 drive Chromium through the built web app (npm test builds it first); skipped like the browser tests
// where Chromium is missing, unless KONTOR_TEST_REQUIRE_ALL=1. Each takes about 15 s: W1 sends 5 MB.
it.skipIf(chromiumMissing && !requireAllTests).each(['W1', 'W2'])(
  'runs %s end to end in Chromium and yields a positive result',
  async (name) => {
    const result = await runBenchmark(name, { duration: 0.5, rounds: 1, db: 'sqlite' });
    expect(result).toBeGreaterThan(0);
    expect(Number.isFinite(result)).toBe(true);
  },
  90_000,
);

it('fails a run whose server answers wrongly, however fast it was', async () => {
  let served = 0;
  const server = createServer((_request, response) => {
    response.statusCode = served++ % 2 === 0 ? 200 : 500;
    response.end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const broken: Benchmark = {
    name: 'BROKEN',
    description: 'a subject that answers 500 to every other request',
    goal: { op: '>=', value: 0 },
    run: (options) =>
      compareAlternating({ ...options, limit: { label: 'same', url }, subject: { label: 'same', url } }),
  };
  try {
    await expect(runBenchmark(broken, { duration: 0.3, rounds: 1, connections: 1 })).rejects.toThrow(
      InvalidResultError,
    );
  } finally {
    server.close();
  }
}, 30_000);
