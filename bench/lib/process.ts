import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { registerCleanup } from './cleanup.ts';

export const repoRoot = path.resolve(import.meta.dirname, '../..');

export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** A fresh temp dir, removed on cleanup. */
export function makeTempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  registerCleanup({
    run: () => rm(dir, { recursive: true, force: true }),
    runSync: () => rmSync(dir, { recursive: true, force: true }),
  });
  return dir;
}

export interface ProcessHandle {
  pid: number;
  /** Output tail, for error messages. */
  output: () => string;
  /** null while running. */
  exitCode: () => number | string | null;
  stop: () => Promise<void>;
}

export interface StartOptions {
  /** Polled until it answers 200. */
  readyUrl: string;
  timeoutMs?: number;
}

const outputTailChars = 4000;

/** Starts `cmd args` in the repo root with `env` added to the current environment, waits until ready. */
export async function startProcess(
  cmd: string,
  args: string[],
  env: Record<string, string>,
  { readyUrl, timeoutMs = 60_000 }: StartOptions,
): Promise<ProcessHandle> {
  const child = spawn(cmd, args, {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-outputTailChars);
  };
  // Pipes must be drained or a chatty child blocks on a full pipe.
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let exitCode: number | string | null = null;
  child.once('exit', (code, signal) => {
    exitCode = code ?? signal;
  });
  const spawnError = new Promise<never>((_, reject) => child.once('error', reject));
  spawnError.catch(() => {});

  const unregister = registerCleanup({ run: () => stop(), runSync: () => child.kill('SIGKILL') });
  async function stop(): Promise<void> {
    unregister();
    if (exitCode !== null || child.pid === undefined) return;
    child.kill('SIGTERM');
    // Unref'd: a pending grace timer must not keep the runner alive for 5 s after a clean stop.
    const grace = sleep(5000, false, { ref: false });
    const stopped = await Promise.race([exited.then(() => true), grace]);
    if (!stopped) {
      child.kill('SIGKILL');
      await exited;
    }
  }

  const commandLine = `${cmd} ${args.join(' ')}`;
  const deadline = Date.now() + timeoutMs;
  try {
    await Promise.race([waitForOk(child, readyUrl, deadline, () => exitCode), spawnError]);
  } catch (error) {
    await stop();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${commandLine} did not get ready: ${reason}\n--- its output ---\n${output}`);
  }
  return {
    pid: child.pid ?? -1,
    output: () => output,
    exitCode: () => exitCode,
    stop,
  };
}

async function waitForOk(
  child: ChildProcess,
  url: string,
  deadline: number,
  exitCode: () => number | string | null,
): Promise<void> {
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (exitCode() !== null) throw new Error(`exited with ${exitCode()} (pid ${child.pid})`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      if (response.status === 200) return;
      last = `GET ${url} answered ${response.status}`;
    } catch (error) {
      last = `GET ${url} failed: ${error instanceof Error ? error.message : String(error)}`;
    }
    await sleep(100);
  }
  throw new Error(`timed out; ${last}`);
}

/** Runs `cmd args` in the repo root to its end and returns its stdout; killed if the benchmark is stopped. */
export async function runToEnd(cmd: string, args: string[]): Promise<string> {
  const child = spawn(cmd, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  const kill = () => void child.kill('SIGKILL');
  const unregister = registerCleanup({ run: async () => kill(), runSync: kill });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-outputTailChars);
  });
  try {
    const code = await new Promise<number | string | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (exitCode, signal) => resolve(exitCode ?? signal));
    });
    if (code !== 0)
      throw new Error(`${cmd} ${args.join(' ')} exited with ${code}\n--- its stderr ---\n${stderr}`);
    return stdout;
  } finally {
    unregister();
  }
}
