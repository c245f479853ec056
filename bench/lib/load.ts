import autocannon from 'autocannon';

export interface LoadOptions {
  /** Seconds of the measured run. */
  duration: number;
  connections: number;
  /** Seconds of the discarded warm-up run before it. */
  warmup?: number;
}

export interface LoadResult {
  url: string;
  requestsPerSecond: number;
  /** Milliseconds. */
  p50: number;
  p99: number;
  /** Everything that makes the run unusable (connection errors, timeouts, non-2xx), empty if none. */
  problems: string[];
}

/** Loads `url` from this process: a warm-up run, then the measured run. */
export async function load(
  url: string,
  { duration, connections, warmup = 1 }: LoadOptions,
): Promise<LoadResult> {
  if (new URL(url).hostname !== '127.0.0.1') throw new Error(`only 127.0.0.1 may be loaded, not ${url}`);
  const warm = await autocannon({ url, duration: warmup, connections });
  const measured = await autocannon({ url, duration, connections });
  return {
    url,
    requestsPerSecond: measured.requests.average,
    p50: measured.latency.p50,
    p99: measured.latency.p99,
    problems: [...problemsOf('warm-up', warm), ...problemsOf('measured run', measured)],
  };
}

function problemsOf(run: string, result: autocannon.Result): string[] {
  const problems: string[] = [];
  if (result.errors > 0) problems.push(`${result.errors} errors (${result.timeouts} timeouts)`);
  if (result.non2xx > 0) {
    const codes = Object.entries(result.statusCodeStats ?? {})
      .filter(([code]) => !code.startsWith('2'))
      .map(([code, { count }]) => `${count ?? 0}x ${code}`);
    problems.push(`${result.non2xx} non-2xx responses (${codes.join(', ')})`);
  }
  if (result.requests.total === 0) problems.push('no responses at all');
  return problems.map((problem) => `${result.url} ${run}: ${problem}`);
}
