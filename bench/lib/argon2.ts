import type { LoadOptions, LoadResult } from './load.ts';
import { runToEnd } from './process.ts';

/** A Target's `measure`: bench/argon2-verify.ts in a child process, `concurrency` verifies at a time. */
export const argon2Verifies =
  (concurrency: number) =>
  async ({ duration, warmup = 1 }: LoadOptions): Promise<LoadResult> => {
    const args = [
      '--concurrency',
      String(concurrency),
      '--duration',
      String(duration),
      '--warmup',
      String(warmup),
    ];
    const output = await runToEnd(process.execPath, ['--import', 'tsx', 'bench/argon2-verify.ts', ...args]);
    const { verifiesPerSecond, p50, p99 } = JSON.parse(output) as Record<string, number>;
    return {
      url: `argon2id verify x${concurrency}`,
      requestsPerSecond: verifiesPerSecond ?? Number.NaN,
      p50: p50 ?? Number.NaN,
      p99: p99 ?? Number.NaN,
      problems: [],
    };
  };
