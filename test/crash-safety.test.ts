// Issue 9, item 4: the real server (`node bin/kontor.js serve`) takes a burst of registrations (each an
// account, its owner, an audit event and a queued e-mail) and of an owner's changes to their own name, is
// killed with SIGKILL in the middle, and is started again. Every registration it answered 202 is there and whole, nothing is half-written, and every
// queued e-mail reaches the SMTP peer under one Message-ID: a delivery cut off by the kill may arrive twice,
// with the same Message-ID, so the receiver drops the copy. Also with the SMTP peer down during the burst.
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { createDatabase, type Db } from '../src/db/kysely.ts';
import { buildTestApp, describeEachDatabase, freshDatabaseUrl } from './helpers/build-test-app.ts';
import { freePort } from './helpers/postgres-cluster.ts';
import { SmtpPeer } from './helpers/smtp-peer.ts';
import { registeredOwner } from './helpers/test-client.ts';

const kontor = path.resolve('bin/kontor.js');
const registrations = 40;
const killAfter = 15;

async function start(env: Record<string, string>): Promise<ChildProcess> {
  const server = spawn(process.execPath, [kontor, 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const base = env.PUBLIC_URL as string;
  for (let attempt = 0; attempt < 200; attempt += 1) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
    const ready = await fetch(`${base}/readyz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return server;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('server did not become ready');
}

const killed = (server: ChildProcess) =>
  new Promise<void>((resolve) => {
    server.once('exit', () => resolve());
    server.kill('SIGKILL');
  });

/** The cookies and CSRF header of a sign-in against the real server. */
async function signIn(base: string, email: string, password: string) {
  const response = await fetch(`${base}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  expect(response.status).toBe(200);
  const cookies = response.headers.getSetCookie().map((cookie) => cookie.split(';')[0] as string);
  const csrf =
    cookies.find((cookie) => cookie.startsWith('kontor_csrf='))?.slice('kontor_csrf='.length) ?? '';
  return { cookie: cookies.join('; '), 'x-csrf-token': csrf };
}

/**
 * Batches of three registrations and one change of the signed-in owner's last name ("Burst <batch>"), until
 * the server is gone. Returns the addresses answered 202 and the last batch whose change was answered 200.
 */
async function burst(base: string, session: Record<string, string>, onAnswered: (answered: number) => void) {
  const acknowledged: string[] = [];
  let lastRename = -1;
  const send = (url: string, method: string, body: object, headers: Record<string, string> = {}) =>
    fetch(`${base}${url}`, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    }).catch(() => null);
  const register = async (index: number) => {
    const email = `owner${index}@crash.test`;
    const response = await send('/api/v1/auth/register', 'POST', {
      companyName: `Kanzlei ${index}`,
      firstName: 'Eva',
      lastName: `Berger ${index}`,
      username: 'eva',
      email,
      password: 'correct horse battery staple 42',
      locale: 'de',
    });
    if (response?.status === 202) {
      acknowledged.push(email);
      onAnswered(acknowledged.length);
    }
  };
  const rename = async (batch: number) => {
    const response = await send('/api/v1/me', 'PATCH', { lastName: `Burst ${batch}` }, session);
    if (response?.status === 200) lastRename = Math.max(lastRename, batch);
  };
  for (let batch = 0; batch * 3 < registrations; batch += 1) {
    await Promise.all([...[0, 1, 2].map((offset) => register(batch * 3 + offset)), rename(batch)]);
  }
  return { acknowledged, lastRename };
}

async function whenAllSent(db: Db, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await db.selectFrom('outboxEmails').select('id').where('status', '=', 'pending').execute();
    if (open.length === 0 || Date.now() > deadline) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describeEachDatabase('crash safety', (dialect) => {
  let server: ChildProcess | undefined;
  let peer: SmtpPeer | undefined;
  afterEach(async () => {
    server?.kill('SIGKILL');
    await peer?.down();
  });

  for (const smtp of ['up', 'down during the burst'] as const) {
    it(`keeps every answered write and sends every e-mail once per Message-ID, SMTP ${smtp}`, async () => {
      const databaseUrl = await freshDatabaseUrl(dialect, { migrated: true });
      peer = await SmtpPeer.start();
      if (smtp !== 'up') await peer.down();
      const port = await freePort();
      const env = {
        PATH: process.env.PATH ?? '',
        DATABASE_URL: databaseUrl,
        PORT: String(port),
        PUBLIC_URL: `http://127.0.0.1:${port}`,
        SMTP_URL: peer.url,
        MAIL_WORKER_INTERVAL_MS: '50',
        MAIL_LEASE_MS: '2000', // an e-mail claimed at the kill is tried again after this
        MAIL_RETRY_FIRST_MS: '2000', // and one that failed while SMTP was down
        RATE_LIMIT_PER_MINUTE: '100000',
        SIGN_IN_RATE_LIMIT_PER_MINUTE: '100000',
        LOG_LEVEL: 'error',
        KONTOR_WEB_ROOT: '/nonexistent',
      };
      // An owner made beforehand (her e-mails stay in the mailbox), who changes her name during the burst.
      const prepared = await buildTestApp({ db: dialect, env: { DATABASE_URL: databaseUrl } });
      const owner = await registeredOwner(prepared.app, { email: 'anna@vorher.test' });
      await prepared.close();
      const running = await start(env);
      server = running;
      const session = await signIn(env.PUBLIC_URL, owner.email, owner.password);
      let kill: Promise<void> | undefined;
      const { acknowledged, lastRename } = await burst(env.PUBLIC_URL, session, (answered) => {
        if (answered === killAfter) kill = killed(running);
      });
      await kill;
      expect(acknowledged.length).toBeGreaterThanOrEqual(killAfter);
      expect(lastRename).toBeGreaterThanOrEqual(0);

      if (smtp !== 'up') await peer.up();
      server = await start(env);
      const db = createDatabase(loadConfig({ DATABASE_URL: databaseUrl }).database);
      try {
        // A delivery that failed before the kill waits out its first back-off before it is tried again.
        await whenAllSent(db, 20_000);
        const everyone = await db
          .selectFrom('users')
          .select(['id', 'email', 'homeAccountId', 'lastName'])
          .execute();
        const found = new Set(everyone.map((user) => user.email));
        expect(acknowledged.filter((email) => !found.has(email))).toEqual([]);
        // The owner's name is the last answered change, or one sent after it that committed unanswered.
        const renamed = Number(
          everyone.find((user) => user.email === owner.email)?.lastName.replace('Burst ', ''),
        );
        expect(renamed).toBeGreaterThanOrEqual(lastRename);
        const users = everyone.filter((user) => user.email !== owner.email);

        // Whole: every user has its account and owner membership, every account exactly one owner.
        const memberships = await db
          .selectFrom('memberships')
          .select(['accountId', 'userId', 'role'])
          .execute();
        const accounts = await db.selectFrom('accounts').select('id').execute();
        for (const user of everyone) {
          expect(memberships).toContainEqual({
            accountId: user.homeAccountId,
            userId: user.id,
            role: 'owner',
          });
        }
        for (const account of accounts) {
          expect(memberships.filter((m) => m.accountId === account.id && m.role === 'owner')).toHaveLength(1);
        }
        expect(accounts).toHaveLength(everyone.length);

        const outbox = await db
          .selectFrom('outboxEmails')
          .select(['messageId', 'toAddress', 'status'])
          .where('status', '!=', 'mailbox') // the prepared owner's, from before SMTP
          .execute();
        expect(outbox.filter((email) => email.status !== 'sent')).toEqual([]);
        expect(outbox.map((email) => email.toAddress).sort()).toEqual(users.map((user) => user.email).sort());
        const idsAtPeer = peer.received.map((email) => /^Message-ID: (<[^>]+>)/im.exec(email.raw)?.[1]);
        const queued = new Set(outbox.map((email) => email.messageId));
        expect(idsAtPeer.filter((id) => !queued.has(id as string))).toEqual([]);
        expect(new Set(idsAtPeer).size).toBe(queued.size);
        const copies = idsAtPeer.length - queued.size;
        console.info(
          `[${dialect}, SMTP ${smtp}] registrations answered ${acknowledged.length}, found ${users.length} after ` +
            `restart; name changes answered up to ${lastRename}, found ${renamed}; ` +
            `e-mails queued ${queued.size}, received ${idsAtPeer.length} (${copies} repeated Message-IDs)`,
        );
        expect(copies).toBeLessThanOrEqual(4); // at most the deliveries in flight at the kill
      } finally {
        await db.destroy();
      }
    }, 90_000);
  }
});
