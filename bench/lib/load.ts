import autocannon from 'autocannon';

export interface LoadOptions {
  /** Seconds of the measured run. */
  duration: number;
  connections: number;
  /** Seconds of the discarded warm-up run before it. */
  warmup?: number;
}

/** What to send instead of a plain GET, and which answer counts as right. */
export interface RequestOptions extends Pick<autocannon.Options, 'method' | 'headers' | 'body'> {
  /** Called for every request, e.g. to spread sign-ins over many users. */
  nextBody?: () => string;
  /** Every answer must have this status; default: any 2xx. */
  expectStatus?: number;
}

export interface LoadResult {
  url: string;
  requestsPerSecond: number;
  /** Milliseconds. */
  p50: number;
  p99: number;
  /** Everything that makes the run unusable (connection errors, timeouts, wrong status), empty if none. */
  problems: string[];
}

/** Loads `url` from this process: a warm-up run, then the measured run. */
export async function load(
  url: string,
  { duration, connections, warmup = 1 }: LoadOptions,
  { nextBody, expectStatus, ...request }: RequestOptions = {},
): Promise<LoadResult> {
  if (new URL(url).hostname !== '127.0.0.1') throw new Error(`only 127.0.0.1 may be loaded, not ${url}`);
  const options = {
    url,
    connections,
    ...request,
    ...(nextBody && {
      requests: [{ setupRequest: (next: autocannon.Request) => ({ ...next, body: nextBody() }) }],
    }),
  };
  const warm = await autocannon({ ...options, duration: warmup });
  const measured = await autocannon({ ...options, duration });
  return {
    url,
    requestsPerSecond: measured.requests.average,
    p50: measured.latency.p50,
    p99: measured.latency.p99,
    problems: [
      ...problemsOf('warm-up', warm, expectStatus),
      ...problemsOf('measured run', measured, expectStatus),
    ],
  };
}

function problemsOf(run: string, result: autocannon.Result, expectStatus?: number): string[] {
  const problems: string[] = [];
  if (result.errors > 0) problems.push(`${result.errors} errors (${result.timeouts} timeouts)`);
  const isWrong = (code: string) => (expectStatus ? code !== String(expectStatus) : !code.startsWith('2'));
  const wrong = Object.entries(result.statusCodeStats ?? {}).filter(([code]) => isWrong(code));
  if (wrong.length > 0) {
    const codes = wrong.map(([code, { count }]) => `${count ?? 0}x ${code}`);
    problems.push(`unexpected status (${codes.join(', ')}), expected ${expectStatus ?? '2xx'}`);
  }
  if (result.requests.total === 0) problems.push('no responses at all');
  return problems.map((problem) => `${result.url} ${run}: ${problem}`);
}
