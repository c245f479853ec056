// A real TURN relay for the remote-support specs: Debian's coturn on 127.0.0.1, checking Kontor's
// short-lived credentials with the shared secret (use-auth-secret, the TURN REST API scheme).
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './fixtures.ts';

export interface Coturn {
  url: string;
  secret: string;
  stop(): Promise<void>;
}

export async function startCoturn(): Promise<Coturn> {
  const port = await freePort();
  const secret = randomBytes(24).toString('hex');
  const relayPorts = 49_152 + Math.floor(Math.random() * 10_000);
  const dir = await mkdtemp(path.join(tmpdir(), 'kontor-coturn-'));
  const child: ChildProcess = spawn(
    'turnserver',
    [
      '-n', // no configuration file
      '--listening-ip=127.0.0.1',
      '--relay-ip=127.0.0.1',
      `--listening-port=${port}`,
      `--min-port=${relayPorts}`,
      `--max-port=${relayPorts + 100}`,
      '--use-auth-secret',
      `--static-auth-secret=${secret}`,
      '--realm=kontor.test',
      '--fingerprint',
      '--no-tls',
      '--no-dtls',
      '--no-cli',
      '--allow-loopback-peers', // both browsers are on this machine
      '--log-file=stdout',
      '--simple-log',
      `--pidfile=${path.join(dir, 'turnserver.pid')}`,
      `--userdb=${path.join(dir, 'turndb')}`,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const started = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`coturn did not start:\n${output}`)), 10_000);
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (/Total General servers/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.once('exit', (code) => reject(new Error(`coturn exited with ${code}:\n${output}`)));
  });
  await started.catch(async (error) => {
    child.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
    throw error;
  });
  // A worker that dies without its teardown must not leave the relay running.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  return {
    url: `turn:127.0.0.1:${port}?transport=udp`,
    secret,
    async stop() {
      process.off('exit', killOnExit);
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
