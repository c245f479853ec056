// W1: a file through remote support's real transfer path (the host picks it in the transfer window; the
// client's window receives it, checks its SHA-256 and says done) over the limit: as many bytes over one
// ordered RTCDataChannel between two bare RTCPeerConnections in one page of the same browser, with the app's
// chunk size and back-pressure. Both are timed inside the pages, from the send to the receiver's completion.
// The session (its screen share running, as in the e2e spec) stays up while the limit runs, so its video
// costs both sides alike.
import { randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { Benchmark } from './lib/benchmark.ts';
import { compareAlternating, median } from './lib/compare.ts';
import type { LoadResult } from './lib/load.ts';
import { makeTempDir } from './lib/process.ts';
import {
  browserCpuSeconds,
  builtWebRoot,
  connect,
  countersOf,
  launchBrowser,
  marksOf,
  type ProbedWindow,
  probedContext,
  readyClient,
  requireBrowserSetup,
  resetMarks,
  signedInHost,
  startSession,
  text,
  waitForMark,
  watchText,
} from './lib/remote-support-session.ts';
import { startKontor } from './lib/servers.ts';

/** As in web/features/remote-support/transfers.ts. */
const transferRule = { chunkBytes: 16 * 1024, highWaterBytes: 1024 * 1024, lowWaterBytes: 256 * 1024 };
/** The file's size per second of --duration: 50 MB at the default 5 s; the warm-up sends one second's. */
const bytesPerSecond = 10_000_000;
/** Generous: a run slower than 1 MB/s is broken, not slow. */
const timeoutFor = (bytes: number) => Math.max(30_000, bytes / 1_000);

/** Milliseconds from the send to the receiver's completion, and its parts. */
interface Timing {
  total: number;
  /** Until the data channel is created (0 for the limit). */
  beforeChannel: number;
  opening: number;
  /** From the open channel to the receiver's last byte. */
  bytes: number;
  /** From the last byte to done shown: the receiver's SHA-256 and Blob (0 for the limit). */
  afterLastByte: number;
  /** The sender's first sends after a `bufferedamountlow`, */
  refills: number;
  /** the milliseconds from the event to them, */
  refillMs: number;
  /** and those that found the queue already empty. */
  ranDry: number;
  /** CPU seconds the browser's processes used meanwhile, by kind (browserCpuSeconds). */
  cpu: Record<string, number>;
}

/** CPU seconds used by the browser while `work` runs, by kind of process. */
async function withCpu<T>(work: () => Promise<T>): Promise<[T, Record<string, number>]> {
  const before = browserCpuSeconds();
  const result = await work();
  const after = browserCpuSeconds();
  const used = Object.fromEntries(
    Object.entries(after).map(([kind, seconds]) => [kind, seconds - (before[kind] ?? 0)]),
  );
  return [result, used];
}

async function refillsOf(page: Page) {
  const counters = await countersOf(page);
  return {
    refills: counters.refills ?? 0,
    refillMs: counters['refill ms'] ?? 0,
    ranDry: counters['ran dry'] ?? 0,
  };
}

const between = (marks: Record<string, number>, from: string, to: string) => {
  const [start, end] = [marks[from], marks[to]];
  if (start === undefined || end === undefined) throw new Error(`not marked: ${from} or ${to}`);
  return end - start;
};

/** The host sends a file of random bytes through the transfer window; the client's window says done. */
async function throughKontor(host: Page, client: Page, file: string, bytes: number): Promise<Timing> {
  const name = path.basename(file);
  await writeFile(file, randomBytes(bytes));
  let cpu: Record<string, number>;
  try {
    await Promise.all([resetMarks(host), resetMarks(client)]);
    await watchText(client, 'done', 'tr', [name, text('remoteSupport.files.states.done')]);
    const chooser = host.waitForEvent('filechooser');
    await host.getByRole('button', { name: text('remoteSupport.files.send') }).click();
    [, cpu] = await withCpu(async () => {
      await (await chooser).setFiles(file);
      try {
        await waitForMark(client, 'done', timeoutFor(bytes));
      } catch (error) {
        const row = await client.getByRole('row').filter({ hasText: name }).textContent();
        throw new Error(`${error instanceof Error ? error.message : error}; the client's row: ${row}`);
      }
    });
  } finally {
    await rm(file, { force: true });
  }
  const sent = await marksOf(host);
  const received = await marksOf(client);
  const marks = { ...sent, ...received, start: sent[`chosen ${name}`] ?? Number.NaN };
  return {
    total: between(marks, 'start', 'done'),
    beforeChannel: between(marks, 'start', 'out channel'),
    opening: between(marks, 'out channel', 'out open'),
    bytes: between(marks, 'out open', 'last byte'),
    afterLastByte: between(marks, 'last byte', 'done'),
    ...(await refillsOf(host)),
    cpu,
  };
}

type LimitWindow = ProbedWindow & { __limit: { sender: RTCPeerConnection; data: Uint8Array<ArrayBuffer> } };

/** Two bare peer connections in one page, connected as the app's are (a control channel first). */
async function setUpLimit(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const sender = new RTCPeerConnection();
    const receiver = new RTCPeerConnection();
    sender.addEventListener('icecandidate', ({ candidate }) => void receiver.addIceCandidate(candidate));
    receiver.addEventListener('icecandidate', ({ candidate }) => void sender.addIceCandidate(candidate));
    receiver.addEventListener('datachannel', ({ channel }) => {
      channel.binaryType = 'arraybuffer';
    });
    sender.createDataChannel('control', { ordered: true });
    await sender.setLocalDescription();
    await receiver.setRemoteDescription(sender.localDescription as RTCSessionDescription);
    await receiver.setLocalDescription();
    await sender.setRemoteDescription(receiver.localDescription as RTCSessionDescription);
    await (window as unknown as ProbedWindow).__bench.when('ice connected', 10_000);
    // getRandomValues fills at most 64 KiB at a time; one MiB, sent over and over.
    const data = new Uint8Array(1024 * 1024);
    for (let offset = 0; offset < data.byteLength; offset += 65_536)
      crypto.getRandomValues(data.subarray(offset, offset + 65_536));
    (window as unknown as LimitWindow).__limit = { sender, data };
  });
}

/** The app's sending loop without the app: a JSON header, then chunks under the same back-pressure rule. */
async function limitTransfer(page: Page, bytes: number): Promise<Timing> {
  const [marks, cpu] = await withCpu(() =>
    page.evaluate(
      async ([bytes, { chunkBytes, highWaterBytes, lowWaterBytes }, timeoutMs]) => {
        const bench = (window as unknown as ProbedWindow).__bench;
        const { sender, data } = (window as unknown as LimitWindow).__limit;
        bench.reset();
        bench.mark('start');
        const channel = sender.createDataChannel(`file:${crypto.randomUUID()}`, { ordered: true });
        channel.binaryType = 'arraybuffer';
        channel.bufferedAmountLowThreshold = lowWaterBytes;
        const until = (event: 'open' | 'bufferedamountlow') =>
          new Promise<void>((resolve) => {
            const done = () => {
              channel.removeEventListener(event, done);
              channel.removeEventListener('close', done);
              resolve();
            };
            channel.addEventListener(event, done);
            channel.addEventListener('close', done);
          });
        await until('open');
        channel.send(JSON.stringify({ size: bytes }));
        for (let offset = 0; offset < bytes; offset += chunkBytes) {
          if (channel.bufferedAmount > highWaterBytes - chunkBytes) await until('bufferedamountlow');
          const start = offset % data.byteLength;
          channel.send(data.subarray(start, start + Math.min(chunkBytes, bytes - offset)));
        }
        await bench.when('last byte', timeoutMs);
        channel.close();
        return { ...bench.marks };
      },
      [bytes, transferRule, timeoutFor(bytes)] as const,
    ),
  );
  return {
    total: between(marks, 'start', 'last byte'),
    beforeChannel: 0,
    opening: between(marks, 'out channel', 'out open'),
    bytes: between(marks, 'out open', 'last byte'),
    afterLastByte: 0,
    ...(await refillsOf(page)),
    cpu,
  };
}

const megabytesPerSecond = (bytes: number, ms: number) => bytes / 1_000_000 / (ms / 1000);

/** A Target's `measure`: one transfer, MB/s as `requestsPerSecond` and its milliseconds as the latencies. */
function measured(label: string, bytes: number, timings: Timing[], transfer: () => Promise<Timing>) {
  return async (): Promise<LoadResult> => {
    try {
      const timing = await transfer();
      timings.push(timing);
      const rate = megabytesPerSecond(bytes, timing.total);
      return { url: label, requestsPerSecond: rate, p50: timing.total, p99: timing.total, problems: [] };
    } catch (error) {
      const problem = `${label}: ${error instanceof Error ? error.message : String(error)}`;
      return {
        url: label,
        requestsPerSecond: Number.NaN,
        p50: Number.NaN,
        p99: Number.NaN,
        problems: [problem],
      };
    }
  };
}

const cpuKinds = ['renderer', 'network', 'browser', 'other'];

function findings(bytes: number, subject: Timing[], limit: Timing[]): string[] {
  const of = (timings: Timing[], part: Exclude<keyof Timing, 'cpu'>) =>
    median(timings.map((timing) => timing[part]));
  const cpuOf = (timings: Timing[], kind: string) => median(timings.map((timing) => timing.cpu[kind] ?? 0));
  const cpuTotal = (timings: Timing[]) => cpuKinds.reduce((sum, kind) => sum + cpuOf(timings, kind), 0);
  const busy = (timings: Timing[]) => cpuTotal(timings) / (of(timings, 'total') / 1000);
  const ms = (value: number) => `${Math.round(value)} ms`;
  const flow = (timings: Timing[]) => {
    const took = of(timings, 'bytes');
    return `${(took / 1000).toFixed(2)} s (${megabytesPerSecond(bytes, took).toFixed(1)} MB/s)`;
  };
  const refills = (timings: Timing[]) =>
    `${(of(timings, 'refillMs') / of(timings, 'refills')).toFixed(1)} ms each, ` +
    `the queue already empty at ${of(timings, 'ranDry')} of ${of(timings, 'refills')}`;
  const cpu = (timings: Timing[]) =>
    `${cpuTotal(timings).toFixed(2)} s, ${busy(timings).toFixed(1)} cores busy ` +
    `(${cpuKinds.map((kind) => `${kind} ${cpuOf(timings, kind).toFixed(2)}`).join(', ')})`;
  // How long the 256 KiB left at `bufferedamountlow` keep the channel busy at the limit's rate.
  const lowWaterMs = transferRule.lowWaterBytes / (bytes / of(limit, 'bytes'));
  const checksums = of(subject, 'beforeChannel') + of(subject, 'afterLastByte');
  const checksumShare = Math.round((100 * checksums) / of(subject, 'total'));
  const flowRatio = (of(limit, 'bytes') / of(subject, 'bytes')).toFixed(2);
  const cores = availableParallelism();
  const cpuBound = busy(subject) > 0.8 * cores && busy(limit) > 0.8 * cores;
  const extra = cpuKinds
    .map((kind) => ({ kind, seconds: cpuOf(subject, kind) - cpuOf(limit, kind) }))
    .filter(({ seconds }) => seconds >= 0.05)
    .sort((a, b) => b.seconds - a.seconds)
    .map(({ kind, seconds }) => `${kind} +${seconds.toFixed(2)} s`)
    .join(', ');
  return [
    'where the time goes (medians of the runs):',
    `  subject: before its channel ${ms(of(subject, 'beforeChannel'))}, ` +
      `channel open ${ms(of(subject, 'opening'))}, bytes ${flow(subject)}, ` +
      `last byte -> done shown (SHA-256, Blob) ${ms(of(subject, 'afterLastByte'))}`,
    `  limit:   channel open ${ms(of(limit, 'opening'))}, bytes ${flow(limit)}`,
    `  refilling the queue after bufferedamountlow (256 KiB left, ${lowWaterMs.toFixed(0)} ms of sending ` +
      `at the limit's rate): subject ${refills(subject)}; limit ${refills(limit)}`,
    `  CPU of all the browser's processes per transfer (${cores} cores): subject ${cpu(subject)}; ` +
      `limit ${cpu(limit)}`,
    `finding: the time before the first and after the last byte takes ${checksumShare} % of the app's ` +
      `time and its bytes flow at ${flowRatio} of the limit's rate; it costs the browser ` +
      `${(cpuTotal(subject) / cpuTotal(limit)).toFixed(1)}x the limit's CPU (${extra || 'no kind more'})` +
      (cpuBound ? ', and as both keep the cores busy, the CPU, not the channel, sets the pace' : ''),
  ];
}

export const w1: Benchmark = {
  name: 'W1',
  description:
    'remote-support file transfer browser->browser (MB/s) over one bare DataChannel in the same browser',
  goal: { op: '>=', value: 0.8 },
  async run(options) {
    requireBrowserSetup();
    const bytes = Math.round(options.duration * bytesPerSecond);
    const kontor = await startKontor({
      ...options,
      webRoot: builtWebRoot,
      env: { REMOTE_SUPPORT_MAX_FILE_BYTES: String(Math.max(100 * 1024 * 1024, bytes)) },
    });
    const browser = await launchBrowser();
    const host = await signedInHost(browser, kontor);
    const client = await readyClient(browser, kontor.baseUrl, await startSession(host, kontor.baseUrl));
    await connect(host, client);
    const limitPage = await (await probedContext(browser)).newPage();
    // Kontor's origin, as the app's pages have (a secure context); the document is a plain JSON answer.
    await limitPage.goto(`${kontor.baseUrl}/healthz`);
    await setUpLimit(limitPage);
    const dir = makeTempDir('kontor-w1-');
    let sent = 0;
    const file = () => path.join(dir, `w1-${++sent}.bin`);
    const warmBytes = Math.min(bytes, bytesPerSecond);
    const [warmSubject, warmLimit] = [
      await throughKontor(host, client, file(), warmBytes),
      await limitTransfer(limitPage, warmBytes),
    ];
    const rate = (timing: Timing) => megabytesPerSecond(warmBytes, timing.total).toFixed(1);
    console.log(
      `  warm-up  ${warmBytes / 1_000_000} MB: kontor ${rate(warmSubject)} MB/s, one DataChannel ` +
        `${rate(warmLimit)} MB/s; measuring ${bytes / 1_000_000} MB`,
    );
    const subjectTimings: Timing[] = [];
    const limitTimings: Timing[] = [];
    const comparison = await compareAlternating({
      ...options,
      limit: {
        label: 'one DataChannel, one page',
        measure: measured('limit', bytes, limitTimings, () => limitTransfer(limitPage, bytes)),
      },
      subject: {
        label: 'kontor host -> client',
        measure: measured('subject', bytes, subjectTimings, () => throughKontor(host, client, file(), bytes)),
      },
      ratio: {
        label: 'subject/limit MB/s',
        of: (subject, limit) => subject.requestsPerSecond / limit.requestsPerSecond,
      },
      format: (run) =>
        `${run.requestsPerSecond.toFixed(1).padStart(6)} MB/s  ${(run.p50 / 1000).toFixed(2)} s`,
    });
    const complete = subjectTimings.length > 0 && limitTimings.length > 0;
    return { ...comparison, notes: complete ? findings(bytes, subjectTimings, limitTimings) : [] };
  },
};
