// W2: how long a client waits for the picture to reach the advisor: from the click on Connect (the number
// submitted after the connection check) to the first frame the host's viewer presents, with admission and
// consent clicked by the harness as soon as each appears. A new session and a new client context per round,
// one warm-up round first; the times come from inside the pages (bench/lib/remote-support-session.ts).
import type { Browser, Page } from '@playwright/test';
import type { Benchmark } from './lib/benchmark.ts';
import { median } from './lib/compare.ts';
import {
  builtWebRoot,
  connect,
  launchBrowser,
  marksOf,
  readyClient,
  requireBrowserSetup,
  signedInHost,
  startSession,
  text,
  viewerLabel,
} from './lib/remote-support-session.ts';
import { type KontorServer, startKontor } from './lib/servers.ts';

type Moment = 'join' | 'knock' | 'admit' | 'asked' | 'yes' | 'track' | 'frame';

/** Consecutive steps of a round; the harness's own reaction is shown apart from Kontor's work. */
const steps: [label: string, from: Moment, to: Moment][] = [
  ['Connect -> knock shown at the host (client socket, join, server)', 'join', 'knock'],
  ['harness: knock shown -> Admit clicked', 'knock', 'admit'],
  ['Admit -> consent dialog at the client', 'admit', 'asked'],
  ['harness: dialog shown -> Yes clicked', 'asked', 'yes'],
  ['Yes -> screen track added (picker, consent confirmed by the server)', 'yes', 'track'],
  ['track added -> first frame at the host (negotiation, encode, decode)', 'track', 'frame'],
];

async function round(browser: Browser, kontor: KontorServer, host: Page): Promise<Record<Moment, number>> {
  const number = await startSession(host, kontor.baseUrl);
  const client = await readyClient(browser, kontor.baseUrl, number);
  try {
    await connect(host, client);
    const [atHost, atClient] = [await marksOf(host), await marksOf(client)];
    const moments: Record<Moment, number | undefined> = {
      join: atClient[`click ${text('remoteSupport.client.join')}`],
      knock: atHost['knock shown'],
      admit: atHost[`click ${text('remoteSupport.host.admit')}`],
      asked: atClient['consent shown'],
      yes: atClient[`click ${text('remoteSupport.consent.yes')}`],
      track: atClient['track added'],
      frame: atHost[`frame ${viewerLabel}`],
    };
    const missing = Object.entries(moments).filter(([, at]) => at === undefined);
    if (missing.length > 0) throw new Error(`not marked: ${missing.map(([name]) => name).join(', ')}`);
    return moments as Record<Moment, number>;
  } finally {
    // The host's next round loads its page anew, which ends this session.
    await client.context().close();
  }
}

const seconds = (moments: Record<Moment, number>) => (moments.frame - moments.join) / 1000;
const ms = (value: number) => `${Math.round(value)} ms`;

export const w2: Benchmark = {
  name: 'W2',
  description:
    'remote support: Connect clicked -> first video frame at the host (s), admission and consent at once',
  goal: { op: '<', value: 1.5 },
  async run(options) {
    requireBrowserSetup();
    const kontor = await startKontor({ ...options, webRoot: builtWebRoot });
    const browser = await launchBrowser();
    const host = await signedInHost(browser, kontor);
    const warm = await round(browser, kontor, host);
    console.log(`  warm-up      ${seconds(warm).toFixed(2)} s`);
    const rounds: Record<Moment, number>[] = [];
    const problems: string[] = [];
    for (let index = 1; index <= options.rounds; index++) {
      try {
        const moments = await round(browser, kontor, host);
        rounds.push(moments);
        const harness = moments.admit - moments.knock + moments.yes - moments.asked;
        const took = seconds(moments).toFixed(2);
        console.log(`  round ${index}/${options.rounds}  ${took} s  (harness clicks ${ms(harness)})`);
      } catch (error) {
        problems.push(`round ${index}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    const stepMedian = (from: Moment, to: Moment) =>
      median(rounds.map((moments) => moments[to] - moments[from]));
    const harness = stepMedian('knock', 'admit') + stepMedian('asked', 'yes');
    return {
      label: 'Connect -> first frame',
      unit: 's',
      values: rounds.map(seconds),
      value: median(rounds.map(seconds)),
      digits: 2,
      problems,
      notes: [
        'where the time goes (medians of the rounds):',
        ...steps.map(([label, from, to]) => `  ${ms(stepMedian(from, to)).padStart(8)}  ${label}`),
        `the harness's two clicks take ${ms(harness)} of it; a person takes seconds for each`,
      ],
      resultNote: `${ms(harness)} of it the harness's clicks`,
    };
  },
};
