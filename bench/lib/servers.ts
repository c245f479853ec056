import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Database } from './benchmark.ts';
import { startPostgresDatabase } from './postgres.ts';
import { findFreePort, makeTempDir, type ProcessHandle, startProcess } from './process.ts';

export interface Server {
  process: ProcessHandle;
  /** http://127.0.0.1:<port> */
  baseUrl: string;
}

export interface KontorServer extends Server {
  /** For seeding from the bench process. */
  databaseUrl: string;
  /** With `eventLoopProbe`: GET it for the event-loop delay since the last `?reset` (servers/event-loop-probe.ts). */
  probeUrl?: string;
}

// The same node binary as the runner, so limit and subject never differ by runtime version.
const node = process.execPath;

export async function startBareFastify(): Promise<Server> {
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const handle = await startProcess(
    node,
    ['--import', 'tsx', 'bench/servers/bare-fastify.ts'],
    { PORT: String(port) },
    { readyUrl: `${baseUrl}/` },
  );
  return { process: handle, baseUrl };
}

/**
 * `kontor serve` on a fresh database (SQLite file or throw-away PostgreSQL cluster) and an empty web root, or
 * `webRoot` (the built web app, for benchmarks in a browser); `env` adds or overrides settings.
 */
export async function startKontor({
  db,
  cpuProf,
  eventLoopProbe = false,
  webRoot,
  env = {},
}: {
  db: Database;
  cpuProf?: string;
  eventLoopProbe?: boolean;
  webRoot?: string;
  env?: Record<string, string>;
}): Promise<KontorServer> {
  const dir = makeTempDir('kontor-bench-');
  // A separate web root, so the database file can never be served as a static file.
  const emptyWebRoot = path.join(dir, 'web');
  mkdirSync(emptyWebRoot);
  const databaseUrl =
    db === 'postgres' ? await startPostgresDatabase() : `sqlite:${path.join(dir, 'kontor.db')}`;
  // Only after PostgreSQL has taken its own port.
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const probePort = eventLoopProbe ? await findFreePort() : undefined;
  const handle = await startProcess(
    node,
    [
      ...(cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(cpuProf)}`] : []),
      ...(probePort ? ['--import', 'tsx', '--import', './bench/servers/event-loop-probe.ts'] : []),
      'bin/kontor.js',
      'serve',
    ],
    {
      ...(probePort && { BENCH_PROBE_PORT: String(probePort) }),
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: baseUrl,
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'warn',
      KONTOR_WEB_ROOT: webRoot ?? emptyWebRoot,
      // Benchmarks must never meet the rate limiter; 1,000,000 is the most the configuration accepts.
      RATE_LIMIT_PER_MINUTE: '1000000',
      SIGN_IN_RATE_LIMIT_PER_MINUTE: '1000000',
      // W2 joins a remote-support session once a round, all from 127.0.0.1 (10,000 is the most per address).
      REMOTE_SUPPORT_JOINS_PER_ADDRESS: '10000',
      REMOTE_SUPPORT_JOINS_PER_MINUTE: '1000000',
      ...env,
    },
    { readyUrl: `${baseUrl}/healthz` },
  );
  const probeUrl = probePort ? `http://127.0.0.1:${probePort}/` : undefined;
  return { process: handle, baseUrl, databaseUrl, probeUrl };
}
