// W1 and W2: a remote-support session in Chromium as the e2e spec drives it (the host, an account's owner,
// starts it; the client joins at /support after the connection check; the host admits; the client shares),
// and a probe in every page that stamps what happens on one clock: performance.timeOrigin +
// performance.now(), the same wall clock in every page of the browser.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from '@playwright/test';
import { chromiumArgs, chromiumMissing, chromiumMissingReason, chromiumPath } from '../../e2e/chromium.ts';
import { registerCleanup } from './cleanup.ts';
import { openDatabase, registerAccount, strongPassword } from './kontor.ts';
import { repoRoot } from './process.ts';
import type { KontorServer } from './servers.ts';

export const builtWebRoot = path.join(repoRoot, 'dist/web');
const clientName = 'Anna Berger';

/** Fails early and plainly where a browser benchmark cannot run. */
export function requireBrowserSetup(): void {
  if (!existsSync(path.join(builtWebRoot, 'index.html')))
    throw new Error(`${builtWebRoot}/index.html is missing: run "npx vite build" first.`);
  if (chromiumMissing) throw new Error(chromiumMissingReason);
}

/** Chromium with playwright.config.ts's flags (the fake picker shares a made-up screen); closed on cleanup. */
export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: chromiumArgs,
  });
  // Playwright kills the browsers it launched when the process exits, so there is nothing to do in 'exit'.
  registerCleanup({ run: () => browser.close(), runSync: () => {} });
  return browser;
}

/** Clock ticks per second of /proc/<pid>/stat's times (getconf CLK_TCK; 100 on Linux). */
const clockTicks = 100;

/**
 * CPU seconds (user and system) used so far by this process's Chromium descendants, by process kind:
 * `renderer` (the pages), `network` (the network service: the sockets WebRTC sends through), `browser`, `other`.
 */
export function browserCpuSeconds(): Record<string, number> {
  const parents = new Map<number, number>();
  const stats = new Map<number, string[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command name, in parentheses, may hold spaces: the fields after it are split on their own.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(entry), Number(fields[1]));
      stats.set(Number(entry), fields);
    } catch {
      // Gone between readdir and read.
    }
  }
  const descends = (pid: number): boolean => {
    const parent = parents.get(pid);
    return parent === process.pid || (parent !== undefined && parent > 1 && descends(parent));
  };
  const seconds: Record<string, number> = {};
  for (const [pid, fields] of stats) {
    if (!descends(pid)) continue;
    let commandLine = '';
    try {
      commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (!commandLine.includes('chrom')) continue;
    const kind = commandLine.includes('--type=renderer')
      ? 'renderer'
      : commandLine.includes('NetworkService')
        ? 'network'
        : commandLine.includes('--type=')
          ? 'other'
          : 'browser';
    // utime and stime are the 12th and 13th fields after the command name.
    const used = (Number(fields[11]) + Number(fields[12])) / clockTicks;
    seconds[kind] = (seconds[kind] ?? 0) + used;
  }
  return seconds;
}

const catalog = JSON.parse(readFileSync(path.join(repoRoot, 'locales/en/web.json'), 'utf8')) as object;

/** A text of the web app in English with its {{params}} filled in, as the page shows it. */
export function text(key: string, params: Record<string, string> = {}): string {
  const found = key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], catalog);
  if (typeof found !== 'string') throw new Error(`locales/en/web.json has no ${key}`);
  return found.replace(/\{\{(\w+)\}\}/g, (_, name: string) => params[name] ?? '');
}

interface Probe {
  marks: Record<string, number>;
  /** Sums since the last reset: `refills`, `refill ms`, `ran dry` (see watchChannel). */
  counters: Record<string, number>;
  mark: (name: string) => void;
  reset: () => void;
  /** Marks `name` once an element matching `selector` contains every one of `texts`. */
  watch: (name: string, selector: string, texts: string[]) => void;
  /** Marks `frame <label>` at the first frame presented by a video of that aria-label. */
  watchFrames: (label: string) => void;
  when: (name: string, timeoutMs: number) => Promise<number>;
}
export type ProbedWindow = Window & { __bench: Probe };

/**
 * Runs in every page before the app. Marks, each at its first occurrence: `click <button text>`, `chosen
 * <file name>` (a file input's change), `sent <type>` / `received <type>` (signalling frames), `ice
 * connected`, `track added`, `track received`, and for a data channel whose label starts `file:` (the app's
 * transfers): `out channel` / `out open` where it was created, `in channel`, `first byte` and `last byte`
 * (the size from its JSON header) where it arrived.
 */
function pageProbe(): void {
  const marks: Record<string, number> = {};
  const waiters = new Map<string, (() => void)[]>();
  let watches: { name: string; selector: string; texts: string[] }[] = [];
  const frameLabels = new Set<string>();
  const framed = new WeakSet<HTMLVideoElement>();
  const counters: Record<string, number> = {};
  // The app's frames and channel messages are JSON; anything else must not throw inside its page.
  const parsed = (data: string): Record<string, unknown> => {
    try {
      return JSON.parse(data) as Record<string, unknown>;
    } catch {
      return {};
    }
  };
  const count = (name: string, amount: number) => {
    counters[name] = (counters[name] ?? 0) + amount;
  };
  const mark = (name: string) => {
    if (name in marks) return;
    marks[name] = performance.timeOrigin + performance.now();
    for (const wake of waiters.get(name) ?? []) wake();
    waiters.delete(name);
  };
  const check = () => {
    watches = watches.filter(({ name, selector, texts }) => {
      const found = [...document.querySelectorAll(selector)].some((element) =>
        texts.every((each) => element.textContent?.includes(each)),
      );
      if (found) mark(name);
      return !found;
    });
    for (const label of frameLabels) {
      for (const video of document.querySelectorAll<HTMLVideoElement>(
        `video[aria-label="${CSS.escape(label)}"]`,
      )) {
        if (framed.has(video)) continue;
        framed.add(video);
        video.requestVideoFrameCallback(() => mark(`frame ${label}`));
      }
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
  // Capture phase: before React's own listeners, so the mark is the moment the page got the click.
  document.addEventListener(
    'click',
    (event) => {
      const button = event.target instanceof Element ? event.target.closest('button') : null;
      if (button) mark(`click ${button.textContent?.trim()}`);
    },
    true,
  );
  document.addEventListener(
    'change',
    (event) => {
      const input = event.target;
      if (input instanceof HTMLInputElement)
        for (const file of input.files ?? []) mark(`chosen ${file.name}`);
    },
    true,
  );
  const watchChannel = (channel: RTCDataChannel, side: 'out' | 'in') => {
    if (!channel.label.startsWith('file:')) return;
    mark(`${side} channel`);
    channel.addEventListener('open', () => mark(`${side} open`));
    if (side === 'out') {
      // How the sender refills the queue after `bufferedamountlow`: how long it took, and whether it ran dry.
      let lowAt: number | null = null;
      channel.addEventListener('bufferedamountlow', () => {
        lowAt = performance.now();
      });
      const send = channel.send.bind(channel) as (data: unknown) => void;
      Object.assign(channel, {
        send: (data: unknown) => {
          if (lowAt !== null) {
            count('refills', 1);
            count('refill ms', performance.now() - lowAt);
            if (channel.bufferedAmount === 0) count('ran dry', 1);
            lowAt = null;
          }
          send(data);
        },
      });
      return;
    }
    let size = Number.POSITIVE_INFINITY;
    let received = 0;
    channel.addEventListener('message', ({ data }) => {
      if (typeof data === 'string') {
        const header = parsed(data);
        if (received === 0 && typeof header.size === 'number') size = header.size;
        return;
      }
      if (received === 0) mark('first byte');
      received += data instanceof ArrayBuffer ? data.byteLength : (data as Blob).size;
      if (received >= size) mark('last byte');
    });
  };
  // The signalling frames each side sent and received, by type (`sent admit`, `received knock`, …).
  const NativeSocket = window.WebSocket;
  class ProbedSocket extends NativeSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      this.addEventListener('message', ({ data }) => {
        if (typeof data === 'string') mark(`received ${parsed(data).type}`);
      });
    }
    override send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
      if (typeof data === 'string') mark(`sent ${parsed(data).type}`);
      super.send(data);
    }
  }
  window.WebSocket = ProbedSocket;
  const Native = window.RTCPeerConnection;
  class ProbedConnection extends Native {
    constructor(configuration?: RTCConfiguration) {
      super(configuration);
      this.addEventListener('iceconnectionstatechange', () => {
        if (this.iceConnectionState === 'connected' || this.iceConnectionState === 'completed')
          mark('ice connected');
      });
      this.addEventListener('datachannel', ({ channel }) => watchChannel(channel, 'in'));
      this.addEventListener('track', () => mark('track received'));
    }
    override createDataChannel(label: string, options?: RTCDataChannelInit): RTCDataChannel {
      const channel = super.createDataChannel(label, options);
      watchChannel(channel, 'out');
      return channel;
    }
    override addTrack(track: MediaStreamTrack, ...streams: MediaStream[]): RTCRtpSender {
      mark('track added');
      return super.addTrack(track, ...streams);
    }
  }
  window.RTCPeerConnection = ProbedConnection;
  const probe: Probe = {
    marks,
    counters,
    mark,
    reset: () => {
      for (const name of Object.keys(marks)) delete marks[name];
      for (const name of Object.keys(counters)) delete counters[name];
      watches = [];
    },
    watch: (name, selector, texts) => {
      watches.push({ name, selector, texts });
      check();
    },
    watchFrames: (label) => {
      frameLabels.add(label);
      check();
    },
    when: (name, timeoutMs) =>
      new Promise((resolve, reject) => {
        const at = marks[name];
        if (at !== undefined) return resolve(at);
        const timer = setTimeout(() => reject(new Error(`no "${name}" within ${timeoutMs} ms`)), timeoutMs);
        waiters.set(name, [
          ...(waiters.get(name) ?? []),
          () => {
            clearTimeout(timer);
            resolve(marks[name] ?? Number.NaN);
          },
        ]);
      }),
  };
  (window as unknown as ProbedWindow).__bench = probe;
}

/** A browser context of its own (one side of a session, or the limit's page) with the probe in every page. */
export async function probedContext(browser: Browser, locale = 'en-US'): Promise<BrowserContext> {
  // Options of playwright.config.ts reach only Playwright's test contexts; Mantine skips transitions with it.
  const context = await browser.newContext({ locale, reducedMotion: 'reduce' });
  // tsx (esbuild's keepNames) wraps named functions in __name(), which pages do not have.
  await context.addInitScript({ content: 'globalThis.__name = (target) => target;' });
  await context.addInitScript(pageProbe);
  return context;
}

export const marksOf = (page: Page) =>
  page.evaluate(() => ({ ...(window as unknown as ProbedWindow).__bench.marks }));
export const countersOf = (page: Page) =>
  page.evaluate(() => ({ ...(window as unknown as ProbedWindow).__bench.counters }));
export const resetMarks = (page: Page) =>
  page.evaluate(() => (window as unknown as ProbedWindow).__bench.reset());
export const watchText = (page: Page, name: string, selector: string, texts: string[]) =>
  page.evaluate(
    ([name, selector, texts]) => (window as unknown as ProbedWindow).__bench.watch(name, selector, texts),
    [name, selector, texts] as const,
  );
export const waitForMark = (page: Page, name: string, timeoutMs: number) =>
  page.evaluate(([name, timeoutMs]) => (window as unknown as ProbedWindow).__bench.when(name, timeoutMs), [
    name,
    timeoutMs,
  ] as const);

/** The account's owner (who holds "host remote support"), signed in in a context of its own. */
export async function signedInHost(browser: Browser, kontor: KontorServer): Promise<Page> {
  const email = await registerAccount(kontor.baseUrl, openDatabase(kontor.databaseUrl));
  const context = await probedContext(browser);
  // The context's request client shares its cookies: the pages are signed in.
  const response = await context.request.post(`${kontor.baseUrl}/api/v1/auth/sign-in`, {
    data: { email, password: strongPassword },
  });
  if (!response.ok()) throw new Error(`sign-in answered ${response.status()}: ${await response.text()}`);
  return context.newPage();
}

/** Starts a Support session on the host's page (a fresh document each time); returns its number. */
export async function startSession(host: Page, baseUrl: string): Promise<string> {
  await host.goto(`${baseUrl}/account/remote-support`);
  await host.getByRole('button', { name: text('remoteSupport.start.submit') }).click();
  // The session page's link carries the number (the start page lists earlier sessions' numbers too).
  const link = await host.getByRole('link', { name: /\/support\?number=\d{6}$/ }).getAttribute('href');
  const number = /number=(\d{6})$/.exec(link ?? '')?.[1];
  if (!number) throw new Error(`no session number in the link ${link}`);
  return number;
}

/** The client's page at /support once its connection check is done, the number and a name filled in. */
export async function readyClient(browser: Browser, baseUrl: string, number: string): Promise<Page> {
  const client = await (await probedContext(browser)).newPage();
  await client.goto(`${baseUrl}/support`);
  await client.getByText(text('remoteSupport.check.signalling.ok')).waitFor({ timeout: 15_000 });
  await client.getByRole('textbox', { name: text('remoteSupport.number'), exact: true }).fill(number);
  await client
    .getByRole('textbox', { name: text('remoteSupport.client.name'), exact: true })
    .fill(clientName);
  return client;
}

export const viewerLabel = text('remoteSupport.screen.remoteVideo', { name: clientName });

/**
 * The client clicks Connect; the harness admits on the host's page and says yes on the client's as soon as
 * each appears; resolves at the host's first video frame. Both pages are marked (`knock shown`, `consent
 * shown`, the clicks, `frame <viewerLabel>`).
 */
export async function connect(host: Page, client: Page, timeoutMs = 20_000): Promise<void> {
  const admit = text('remoteSupport.host.admit');
  const yes = text('remoteSupport.consent.yes');
  await watchText(host, 'knock shown', 'button', [admit]);
  await host.evaluate((label) => (window as unknown as ProbedWindow).__bench.watchFrames(label), viewerLabel);
  await watchText(client, 'consent shown', '[role="dialog"]', [yes]);
  // Each click as soon as its button is there: the probe's mark wakes the harness at once, where Playwright's
  // own waiting polls ever more slowly (up to 500 ms apart), and `force` skips its wait for a button that
  // stopped moving (React handles the click from the moment the button is in the page).
  const clickOnce = (page: Page, shown: string, button: Locator) =>
    waitForMark(page, shown, timeoutMs).then(() => button.click({ timeout: timeoutMs, force: true }));
  const clicks = Promise.all([
    clickOnce(host, 'knock shown', host.getByRole('button', { name: admit })),
    clickOnce(client, 'consent shown', client.getByRole('dialog').getByRole('button', { name: yes })),
  ]);
  clicks.catch(() => {}); // awaited below; only so a failing Connect click leaves no unhandled rejection
  await client.getByRole('button', { name: text('remoteSupport.client.join') }).click();
  await clicks;
  await waitForMark(host, `frame ${viewerLabel}`, timeoutMs);
}
