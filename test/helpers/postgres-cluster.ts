// A throw-away PostgreSQL cluster for one test run: initdb + pg_ctl in a temp dir, a free port on 127.0.0.1.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface PostgresCluster {
  url: string;
  stop(): void;
}

function findBinary(name: string): string | undefined {
  const candidates = [
    ...(process.env.PATH ?? '').split(':').map((dir) => path.join(dir, name)),
    ...(fs.existsSync('/usr/lib/postgresql')
      ? fs.readdirSync('/usr/lib/postgresql').map((version) => `/usr/lib/postgresql/${version}/bin/${name}`)
      : []),
  ];
  return candidates.find((candidate) => fs.existsSync(candidate));
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** initdb refuses to run as root, so as root the cluster belongs to an unprivileged system user. */
function runAsUser(): string | undefined {
  if (process.getuid?.() !== 0) return undefined;
  return spawnSync('id', ['-u', 'postgres']).status === 0 ? 'postgres' : 'nobody';
}

export async function startPostgresCluster(): Promise<PostgresCluster | null> {
  const initdb = findBinary('initdb');
  const pgCtl = findBinary('pg_ctl');
  if (!initdb || !pgCtl) return null;
  const user = runAsUser();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kontor-pg-'));
  fs.chmodSync(dir, 0o755);
  const dataDir = path.join(dir, 'data');
  if (user) execFileSync('chown', [user, dir]);
  const run = (binary: string, args: string[]) =>
    user
      ? execFileSync('runuser', ['-u', user, '--', binary, ...args], { stdio: 'pipe' })
      : execFileSync(binary, args, { stdio: 'pipe' });

  const port = await freePort();
  run(initdb, ['-D', dataDir, '-U', 'kontor', '--auth=trust', '--encoding=UTF8', '--no-sync']);
  run(pgCtl, [
    '-D',
    dataDir,
    '-l',
    path.join(dir, 'server.log'),
    '-w',
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300`,
    'start',
  ]);
  return {
    url: `postgres://kontor@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run(pgCtl, ['-D', dataDir, '-m', 'immediate', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
