// The `kontor` command as an operator types it, on both databases.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import nodemailer from 'nodemailer';
import { afterEach, expect, it } from 'vitest';
import { describeEachDatabase, freshDatabaseUrl } from './helpers/build-test-app.ts';
import { freePort } from './helpers/postgres-cluster.ts';

const run = promisify(execFile);
const kontor = path.resolve('bin/kontor.js');
const baseEnv = { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', KONTOR_WEB_ROOT: '/nonexistent' };

async function cli(args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(process.execPath, [kontor, ...args], {
      env: { ...baseEnv, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

it('explains itself with --help on every level', async () => {
  const top = await cli(['--help'], {});
  for (const command of ['serve', 'migrate', 'operator', 'catalogue', 'mail', 'backup', 'restore'])
    expect(top.stdout).toContain(command);
  expect((await cli(['operator', '--help'], {})).stdout).toContain('create');
  expect((await cli(['mail', 'list', '--help'], {})).stdout).toContain('--limit');
});

it('refuses to start on a bad configuration, listing every bad variable', async () => {
  const result = await cli(['migrate'], { PORT: 'x', DATABASE_URL: 'mysql://localhost/kontor' });
  expect(result.code).toBe(78);
  expect(result.stderr).toContain('PORT="x"');
  expect(result.stderr).toContain('DATABASE_URL="mysql://localhost/kontor"');
});

it('receives support mail when INBOUND_SMTP_PORT is set, and stops receiving on shutdown', async () => {
  const [port, smtpPort] = [await freePort(), await freePort()];
  const env = {
    ...baseEnv,
    LOG_LEVEL: 'info',
    DATABASE_URL: await freshDatabaseUrl('sqlite'),
    PORT: String(port),
    PUBLIC_URL: 'http://kontor.test',
    INBOUND_SMTP_PORT: String(smtpPort),
  };
  const server = spawn(process.execPath, [kontor, 'serve'], { env });
  let output = '';
  const printed = (pattern: RegExp) =>
    new Promise<void>((resolve, reject) => {
      const check = () => pattern.test(output) && resolve();
      server.stdout?.on('data', (chunk) => {
        output += chunk;
        check();
      });
      server.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
      check();
    });
  try {
    await printed(
      new RegExp(
        `Support mail for support@kontor\\.test is received over SMTP on 127\\.0\\.0\\.1:${smtpPort}`,
      ),
    );
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort, ignoreTLS: true });
    const info = await transport.sendMail({
      from: 'ann@customer.example',
      to: 'support@kontor.test',
      subject: 'Please call me',
      text: 'Thanks',
    });
    transport.close();
    expect(info.response).toMatch(/^250 /);
    // A stranger: accepted (250, nothing bounces), nothing filed, no reply.
    await printed(/"from":"ann@customer\.example".*"outcome":"unknown-sender","msg":"support mail filed"/);
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
    const refused = await new Promise((resolve) =>
      net
        .connect(smtpPort, '127.0.0.1')
        .once('error', resolve)
        .once('connect', () => resolve(null)),
    );
    expect(refused).toMatchObject({ code: 'ECONNREFUSED' });
  } finally {
    server.kill();
  }
});

describeEachDatabase('kontor CLI', (dialect) => {
  let server: ChildProcess | undefined;
  afterEach(() => {
    server?.kill();
    server = undefined;
  });

  it('migrates, prints operator links and lists the mailbox', async () => {
    const env = { DATABASE_URL: await freshDatabaseUrl(dialect), PUBLIC_URL: 'http://kontor.test' };
    expect((await cli(['migrate'], env)).stdout).toContain('Applied: 2026-11-23T00_foundation');
    expect((await cli(['migrate'], env)).stdout).toContain('up to date');
    const created = await cli(['operator', 'create'], env);
    expect(created.stdout).toMatch(/http:\/\/kontor\.test\/setup#token=[\w-]{43}/);
    expect((await cli(['mail', 'list'], env)).stdout).toContain('No e-mails yet.');
  });

  it('fills an empty catalogue with the demo services, once', async () => {
    const env = { DATABASE_URL: await freshDatabaseUrl(dialect), PUBLIC_URL: 'http://kontor.test' };
    expect((await cli(['catalogue', 'seed-demo'], env)).stdout).toContain(
      'Added 5 demo services: address-lookup, person-information, company-information, insurer-correspondence, sms.',
    );
    expect((await cli(['catalogue', 'seed-demo'], env)).stdout).toContain('nothing was added');
  });

  it('serves on first run, prints the set-up link, and the link creates an operator whose e-mail is listed', async () => {
    const port = await freePort();
    const env = {
      ...baseEnv,
      DATABASE_URL: await freshDatabaseUrl(dialect),
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
    };
    server = spawn(process.execPath, [kontor, 'serve'], { env });
    const link = await new Promise<string>((resolve, reject) => {
      let output = '';
      server?.stdout?.on('data', (chunk) => {
        output += chunk;
        const match = output.match(/http:\/\/127\.0\.0\.1:\d+\/setup#token=[\w-]+/);
        if (match) resolve(match[0]);
      });
      server?.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
    });
    const base = `http://127.0.0.1:${port}`;
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    const setup = await fetch(`${base}/api/v1/operator/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        token: new URL(link).hash.slice('#token='.length),
        name: 'Erste Betreiberin',
        email: 'erste@kontor.test',
        password: 'correct horse battery staple',
        locale: 'de',
      }),
    });
    expect(setup.status).toBe(201);
    const listed = await cli(['mail', 'list'], env);
    expect(listed.stdout).toMatch(
      /mailbox\s+\S+\s+erste@kontor\.test\s+Ihr Betreiberzugang ist eingerichtet/,
    );
    const id = listed.stdout.match(/mailbox\s+(\S+)/)?.[1] ?? '';
    expect((await cli(['mail', 'list', '--show', id], env)).stdout).toContain(`${base}/operator/sign-in`);
  });
});
