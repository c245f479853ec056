import { type LoadOptions, type LoadResult, load, type RequestOptions } from './load.ts';

export type Target = {
  /** Shown in the output, e.g. 'bare-fastify GET /'. */
  label: string;
} & (
  | { url: string; request?: RequestOptions }
  /** For a limit that is not an HTTP server (e.g. argon2 in a child process): measures itself. */
  | { measure: (options: LoadOptions) => Promise<LoadResult> }
);

export interface Ratio {
  /** Shown in the output, e.g. 'subject/limit req/s'. */
  label: string;
  of: (subject: LoadResult, limit: LoadResult) => number;
}

export const requestsPerSecondRatio: Ratio = {
  label: 'subject/limit req/s',
  of: (subject, limit) => subject.requestsPerSecond / limit.requestsPerSecond,
};

/** How a run is shown: req/s and latencies, unless a benchmark measures something else (W1: MB/s and seconds). */
export type RunFormat = (run: Pick<LoadResult, 'requestsPerSecond' | 'p50' | 'p99'>) => string;

export interface Side {
  target: Target;
  runs: LoadResult[];
  /** Medians over the runs. */
  requestsPerSecond: number;
  p50: number;
  p99: number;
}

export interface Comparison {
  limit: Side;
  subject: Side;
  ratioLabel: string;
  /** The ratio of each round. */
  roundRatios: number[];
  /** Median of roundRatios. */
  ratio: number;
  /** Non-empty means the ratio must not be used. */
  problems: string[];
  /** Further findings printed before the RESULT line (G2: the event-loop delay). */
  notes?: string[];
  format?: RunFormat;
}

export interface CompareOptions extends LoadOptions {
  limit: Target;
  subject: Target;
  rounds: number;
  /** Default: subject/limit req/s. */
  ratio?: Ratio;
  /** Default: formatRun. */
  format?: RunFormat;
}

/** Alternates limit and subject so drift on a shared machine hits both alike; medians dampen outliers. */
export async function compareAlternating({
  limit,
  subject,
  rounds,
  ratio = requestsPerSecondRatio,
  format = formatRun,
  ...loadOptions
}: CompareOptions): Promise<Comparison> {
  const limitRuns: LoadResult[] = [];
  const subjectRuns: LoadResult[] = [];
  const limitRun = { role: 'limit', target: limit, runs: limitRuns } as const;
  const subjectRun = { role: 'subject', target: subject, runs: subjectRuns } as const;
  for (let round = 1; round <= rounds; round++) {
    // Every other round goes subject first, so whatever favours the first (or second) run of a pair cancels out.
    for (const { role, target, runs } of round % 2 === 1 ? [limitRun, subjectRun] : [subjectRun, limitRun]) {
      const result = await ('measure' in target
        ? target.measure(loadOptions)
        : load(target.url, loadOptions, target.request));
      runs.push(result);
      const [limitResult, subjectResult] = [limitRuns[round - 1], subjectRuns[round - 1]];
      const pairRatio =
        limitResult && subjectResult ? `  ratio ${formatRatio(ratio.of(subjectResult, limitResult))}` : '';
      console.log(
        `  round ${round}/${rounds}  ${role.padEnd(7)}  ${target.label.padEnd(28)}  ${format(result)}${pairRatio}` +
          (result.problems.length > 0 ? '  INVALID' : ''),
      );
    }
  }
  // Ratios of neighbouring runs, not of the two medians: the machine's speed shifts between runs, and a pair
  // mostly shifts together.
  const roundRatios = subjectRuns.map((run, index) => {
    const pair = limitRuns[index];
    return pair ? ratio.of(run, pair) : Number.NaN;
  });
  return {
    limit: summarize(limit, limitRuns),
    subject: summarize(subject, subjectRuns),
    ratioLabel: ratio.label,
    roundRatios,
    ratio: median(roundRatios),
    problems: [...limitRuns, ...subjectRuns].flatMap((run) => run.problems),
    format,
  };
}

/** Two decimals; two significant digits below 0.1, so a far missed goal does not read 0.00. */
export const formatRatio = (ratio: number) =>
  Math.abs(ratio) < 0.1 ? ratio.toPrecision(2) : ratio.toFixed(2);

export function formatRun({
  requestsPerSecond,
  p50,
  p99,
}: Pick<LoadResult, 'requestsPerSecond' | 'p50' | 'p99'>) {
  const ms = (value: number) => Number(value.toFixed(1));
  return `${Math.round(requestsPerSecond).toString().padStart(7)} req/s  p50 ${ms(p50)} ms  p99 ${ms(p99)} ms`;
}

function summarize(target: Target, runs: LoadResult[]): Side {
  return {
    target,
    runs,
    requestsPerSecond: median(runs.map((run) => run.requestsPerSecond)),
    p50: median(runs.map((run) => run.p50)),
    p99: median(runs.map((run) => run.p99)),
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? Number.NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? Number.NaN) + upper) / 2;
}
