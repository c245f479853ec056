// A small HTTP client for what autocannon cannot do: a fixed rate (L2) and sub-millisecond latencies (L3;
// autocannon records whole milliseconds, too coarse to tell 11 ms from 12 ms).
import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { LoadOptions, LoadResult, RequestOptions } from './load.ts';

/** Sends one request due at `due` (a performance.now() time); its latency counts from then. */
type Fire = (due: number) => Promise<void>;

/**
 * Request i starts at i/rate seconds whether earlier ones have answered or not. autocannon's overallRate is
 * no substitute: it sends each second's requests back to back and then idles, so latencies measure its bursts.
 */
export const loadPaced = (url: string, options: LoadOptions, rate: number, request: RequestOptions = {}) =>
  measure(url, options, request, async (seconds, fire) => {
    const start = performance.now();
    const pending: Promise<void>[] = [];
    for (let index = 0; index < Math.max(1, Math.round(seconds * rate)); index++) {
      const due = start + (index * 1000) / rate;
      await sleep(Math.max(0, due - performance.now()));
      pending.push(fire(due));
    }
    await Promise.all(pending);
  });

/** One request at a time on one connection, for `duration` seconds. */
export const loadSequential = (url: string, options: LoadOptions, request: RequestOptions = {}) =>
  measure(url, options, request, async (seconds, fire) => {
    const end = performance.now() + seconds * 1000;
    while (performance.now() < end) await fire(performance.now());
  });

async function measure(
  url: string,
  { duration, warmup = 1 }: LoadOptions,
  { method = 'GET', headers = {}, body, nextBody, expectStatus }: RequestOptions,
  schedule: (seconds: number, fire: Fire) => Promise<void>,
): Promise<LoadResult> {
  if (new URL(url).hostname !== '127.0.0.1') throw new Error(`only 127.0.0.1 may be loaded, not ${url}`);
  const agent = new http.Agent({ keepAlive: true });
  const send = (payload: string | undefined) =>
    new Promise<number>((resolve, reject) => {
      const request = http.request(url, { method, headers, agent }, (response) => {
        response.resume().once('end', () => resolve(response.statusCode ?? 0));
      });
      request.once('error', reject).end(payload);
    });

  async function run(name: string, seconds: number) {
    const latencies: number[] = [];
    const statuses = new Map<string, number>();
    let errors = 0;
    const fire: Fire = (due) =>
      send(nextBody?.() ?? body?.toString()).then(
        (status) => {
          latencies.push(performance.now() - due);
          statuses.set(String(status), (statuses.get(String(status)) ?? 0) + 1);
        },
        () => void errors++,
      );
    const start = performance.now();
    await schedule(seconds, fire);
    const elapsed = (performance.now() - start) / 1000;
    const problems: string[] = [];
    if (errors > 0) problems.push(`${errors} errors`);
    const isWrong = (code: string) => (expectStatus ? code !== String(expectStatus) : !code.startsWith('2'));
    const wrong = [...statuses].filter(([code]) => isWrong(code));
    if (wrong.length > 0) {
      const codes = wrong.map(([code, count]) => `${count}x ${code}`).join(', ');
      problems.push(`unexpected status (${codes}), expected ${expectStatus ?? '2xx'}`);
    }
    if (latencies.length === 0) problems.push('no responses at all');
    latencies.sort((a, b) => a - b);
    const at = (p: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? Number.NaN;
    return {
      url,
      requestsPerSecond: latencies.length / elapsed,
      p50: at(0.5),
      p99: at(0.99),
      problems: problems.map((problem) => `${url} ${name}: ${problem}`),
    };
  }

  try {
    const warm = await run('warm-up', warmup);
    const measured = await run('measured run', duration);
    return { ...measured, problems: [...warm.problems, ...measured.problems] };
  } finally {
    agent.destroy();
  }
}
