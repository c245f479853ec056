// G2: argon2id runs in worker threads (shared/passwords.ts), so sign-ins at full load must not starve the
// event loop that serves reads. The G1 request alone is the limit; the subject is the same request while
// L1's load runs.
import { usersPage } from './g1-user-list.ts';
import type { Benchmark } from './lib/benchmark.ts';
import { compareAlternating } from './lib/compare.ts';
import { signInRequests } from './lib/kontor.ts';
import { type LoadOptions, type LoadResult, load } from './lib/load.ts';
import { startKontor } from './lib/servers.ts';

interface Delay {
  p50: number;
  p99: number;
  max: number;
}

export const eventLoopDelayGoalMs = 20;

export const g2: Benchmark = {
  name: 'G2',
  description: `G1 req/s while sign-ins run at full load (L1) over G1 alone; event-loop delay p99 <= ${eventLoopDelayGoalMs} ms`,
  goal: { op: '>=', value: 0.5 },
  async run(options) {
    const kontor = await startKontor({ ...options, eventLoopProbe: true });
    const page = await usersPage(kontor, { signInUsers: 20 });
    const signIns = signInRequests(kontor.baseUrl, page.emails);
    const probe = async (reset: boolean) =>
      (await (await fetch(`${kontor.probeUrl}${reset ? '?reset' : ''}`)).json()) as Delay;
    // Each run's event-loop delay, from a fresh histogram.
    const measuringDelay =
      (delays: Delay[], measure: (loadOptions: LoadOptions) => Promise<LoadResult>) =>
      async (loadOptions: LoadOptions) => {
        await probe(true);
        const result = await measure(loadOptions);
        delays.push(await probe(false));
        return result;
      };
    const alone: Delay[] = [];
    const delays: Delay[] = [];
    const readsAlone = measuringDelay(alone, (loadOptions) => load(page.url, loadOptions, page.request));
    const duringSignIns = measuringDelay(delays, async (loadOptions) => {
      const [reads, signInLoad] = await Promise.all([
        load(page.url, loadOptions, page.request),
        load(signIns.url, loadOptions, signIns.request),
      ]);
      console.log(`  sign-ins alongside: ${Math.round(signInLoad.requestsPerSecond)}/s`);
      return { ...reads, problems: [...reads.problems, ...signInLoad.problems] };
    });
    const comparison = await compareAlternating({
      ...options,
      limit: { label: 'kontor GET users page 1', measure: readsAlone },
      subject: { label: 'the same during sign-ins', measure: duringSignIns },
    });
    // Reads alone keep the loop busy too; the difference is what sign-ins add.
    const worst = (runs: Delay[], key: keyof Delay) =>
      Math.max(...runs.map((delay) => delay[key])).toFixed(1);
    const p99 = Math.max(...delays.map((delay) => delay.p99));
    const met = p99 <= eventLoopDelayGoalMs ? 'met' : 'MISSED';
    const notes = [
      `event-loop delay, reads alone: p99 ${worst(alone, 'p99')} ms, max ${worst(alone, 'max')} ms (worst round)`,
      `event-loop delay during sign-ins: p99 ${p99.toFixed(1)} ms, max ${worst(delays, 'max')} ms (worst round): goal <= ${eventLoopDelayGoalMs} ms ${met}`,
    ];
    return { ...comparison, notes };
  },
};
