import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { watchAccessibility } from './accessibility.ts';

export { expect, type Page };

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
// KONTOR_E2E_WEB_ROOT: a build of one's own (`npx vite build --outDir …`) while others rebuild dist/web.
const webRoot = process.env.KONTOR_E2E_WEB_ROOT ?? path.join(repoRoot, 'dist/web');
const setupLinkPattern = /\/setup#token=[A-Za-z0-9_-]+/;

export interface Kontor {
  baseUrl: string;
  /** The first-operator set-up link Kontor printed on start. */
  setupLink: string;
  /** Kontor's own SMTP listener for support mail, and the address it receives. */
  supportMail: { port: number; address: string };
  /** Its SQLite database, for specs that put in what another system would (usage of online services). */
  databaseUrl: string;
}

/** One Kontor server with a fresh SQLite database, shared by all tests of a worker. */
export const test = base.extend<
  { failOnBrowserErrors: undefined; accessible: undefined },
  { kontor: Kontor; kontorServer: string; kontorEnv: Record<string, string> }
>({
  // A spec that needs a Kontor of its own (e.g. one that uses up the set-up link) sets its own name with
  // test.use({ kontorServer: '…' }); Playwright then runs it in its own worker, with its own server.
  kontorServer: ['shared', { scope: 'worker', option: true }],
  // Settings of that server beyond the defaults (such a spec sets its own kontorServer too).
  kontorEnv: [{}, { scope: 'worker', option: true }],
  // Uncaught exceptions and console errors (CSP violations, React warnings) fail the test. Failed
  // requests are left out: the session check answers 401 whenever nobody is signed in.
  failOnBrowserErrors: [
    async ({ context }, use) => {
      const errors: string[] = [];
      context.on('weberror', (error) => errors.push(error.error().message));
      context.on('console', (message) => {
        if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
          errors.push(message.text());
        }
      });
      await use(undefined);
      expect(errors, 'errors in the browser').toEqual([]);
    },
    { auto: true },
  ],
  // axe-core on every page the test visits (e2e/accessibility.ts): any WCAG 2.1 A/AA violation fails it.
  accessible: [
    async ({ context }, use) => {
      const watch = watchAccessibility(context);
      await use(undefined);
      expect(await watch.finish(), 'WCAG 2.1 A/AA violations').toEqual([]);
    },
    { auto: true },
  ],
  kontor: [
    async ({ kontorServer, kontorEnv }, use) => {
      if (!existsSync(path.join(webRoot, 'index.html'))) {
        throw new Error(`${webRoot}/index.html is missing: run "npx vite build" before the browser tests.`);
      }
      const dataDir = await mkdtemp(path.join(tmpdir(), `kontor-e2e-${kontorServer}-`));
      const port = await freePort();
      const baseUrl = `http://127.0.0.1:${port}`;
      const supportMail = { port: await freePort(), address: 'support@kontor.example' };
      const databaseUrl = `sqlite:${path.join(dataDir, 'kontor.db')}`;
      const server = startKontor({
        INBOUND_SMTP_PORT: String(supportMail.port),
        INBOUND_RECIPIENTS: supportMail.address,
        PORT: String(port),
        HOST: '127.0.0.1',
        PUBLIC_URL: baseUrl,
        DATABASE_URL: databaseUrl,
        KONTOR_WEB_ROOT: webRoot,
        LOG_LEVEL: 'warn',
        ...kontorEnv,
      });
      try {
        const setupPath = await server.waitFor(setupLinkPattern);
        await waitUntilListening(baseUrl, server);
        await use({ baseUrl, setupLink: `${baseUrl}${setupPath}`, supportMail, databaseUrl });
      } finally {
        await server.stop();
        await rm(dataDir, { recursive: true, force: true });
      }
    },
    { scope: 'worker', timeout: 60_000 },
  ],
});

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

interface RunningKontor {
  process: ChildProcess;
  output: () => string;
  waitFor: (pattern: RegExp, timeoutMs?: number) => Promise<string>;
  stop: () => Promise<void>;
}

function startKontor(settings: Record<string, string>): RunningKontor {
  const env: NodeJS.ProcessEnv = { ...process.env, ...settings };
  // The tests expect the built-in mailbox and the documented defaults, whatever the developer's shell has.
  for (const name of ['SMTP_URL', 'DEFAULT_LOCALE', 'TRUST_PROXY', 'MAIL_FROM']) delete env[name];
  const child = spawn(process.execPath, ['bin/kontor.js', 'serve'], { cwd: repoRoot, env });
  let output = '';
  const waiters = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    for (const waiter of waiters) waiter();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const waitFor = (pattern: RegExp, timeoutMs = 30_000) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(output);
        if (match) finish(() => resolve(match[0]));
      };
      const timer = setTimeout(
        () =>
          finish(() =>
            reject(new Error(`Kontor did not print ${pattern} within ${timeoutMs} ms.\n${output}`)),
          ),
        timeoutMs,
      );
      const finish = (settle: () => void) => {
        clearTimeout(timer);
        waiters.delete(check);
        settle();
      };
      void exited.then(() =>
        finish(() =>
          reject(
            new Error(`Kontor exited with code ${child.exitCode} before printing ${pattern}.\n${output}`),
          ),
        ),
      );
      waiters.add(check);
      check();
    });

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const stopped = await Promise.race([exited.then(() => true), delay(5_000).then(() => false)]);
    if (!stopped) {
      child.kill('SIGKILL');
      await exited;
    }
  };

  return { process: child, output: () => output, waitFor, stop };
}

async function waitUntilListening(baseUrl: string, server: RunningKontor, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const response = await fetch(`${baseUrl}/healthz`).catch(() => undefined);
    if (response?.ok) return;
    await delay(100);
  }
  throw new Error(`Kontor did not answer ${baseUrl}/healthz within ${timeoutMs} ms.\n${server.output()}`);
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The header's language switcher, whatever language the page is in. */
export async function switchLanguage(page: Page, language: 'Deutsch' | 'English' | 'Magyar'): Promise<void> {
  await page
    .getByRole('banner')
    .getByLabel(/^(Language|Sprache|Nyelv)$/)
    .click();
  // Mantine renders the options in a listbox outside the header.
  await page.getByRole('listbox').getByRole('option', { name: language, exact: true }).click();
}

export const pageHeading = (page: Page) => page.getByRole('heading', { level: 1 });

/** A text or password field by its label (the role query ignores the required-field asterisk). */
export const field = (scope: Page | Locator, label: string) =>
  scope.getByRole('textbox', { name: label, exact: true });

/** The server's catalog of a language as it is now (its texts change more often than the tests). */
export function serverCatalog(locale: 'de' | 'en' | 'hu'): {
  errors: Record<string, string>;
  email: Record<string, { subject: string }>;
} {
  return JSON.parse(readFileSync(path.join(repoRoot, 'locales', locale, 'server.json'), 'utf8'));
}

/** The server's message for an error code in a language. */
export function serverMessage(locale: 'de' | 'en' | 'hu', code: string): string {
  const message = serverCatalog(locale).errors[code];
  if (!message) throw new Error(`locales/${locale}/server.json has no errors.${code}`);
  return message;
}

/** A text of the web app's catalog in a language, with its {{params}} filled in, as the page shows it. */
export function webText(
  locale: 'de' | 'en' | 'hu',
  key: string,
  params: Record<string, string | number> = {},
): string {
  let node: unknown = JSON.parse(readFileSync(path.join(repoRoot, 'locales', locale, 'web.json'), 'utf8'));
  // Keys may hold dots themselves ("audit.actions.invitation.accepted"): the longest one that exists wins.
  let rest = key.split('.');
  while (rest.length > 0 && typeof node === 'object' && node !== null) {
    const record = node as Record<string, unknown>;
    const length = [...rest.keys()].reverse().find((index) => rest.slice(0, index + 1).join('.') in record);
    if (length === undefined) break;
    node = record[rest.slice(0, length + 1).join('.')];
    rest = rest.slice(length + 1);
  }
  if (typeof node !== 'string' || rest.length > 0)
    throw new Error(`locales/${locale}/web.json has no ${key}`);
  return node.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
}
