// M1: what a Kontor costs in memory when nobody uses it, after it has served each kind of request once
// (sign-up, sign-in with argon2id, a users page), so lazily loaded code is counted; and what 1,000 open
// remote-support signalling sockets add to that (clients connected, waiting to say `join`).
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import WebSocket from 'ws';
import { usersPage } from './g1-user-list.ts';
import type { Benchmark } from './lib/benchmark.ts';
import { median } from './lib/compare.ts';
import { startKontor } from './lib/servers.ts';

/** Resident set size of a process in MB (Linux). */
function residentMegabytes(pid: number): number {
  const kilobytes = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  if (!kilobytes) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kilobytes) / 1024;
}

const sockets = 1_000;
/** Per 1,000 open signalling sockets (PERFORMANCE.md). */
const perThousandGoal = 30;

async function openSockets(baseUrl: string, count: number): Promise<WebSocket[]> {
  const url = `${baseUrl.replace(/^http/, 'ws')}/api/v1/remote-support/socket`;
  const opened: WebSocket[] = [];
  // In batches, as clients arrive: a thousand handshakes at once would only measure the backlog.
  for (let start = 0; start < count; start += 100) {
    const batch = Array.from({ length: Math.min(100, count - start) }, () => new WebSocket(url));
    await Promise.all(
      batch.map(
        (socket) =>
          new Promise<void>((resolve, reject) => {
            socket.once('open', () => resolve());
            socket.once('error', reject);
          }),
      ),
    );
    opened.push(...batch);
  }
  return opened;
}

export const m1: Benchmark = {
  name: 'M1',
  description:
    'resident memory (MB) of an idle Kontor after one request of each kind, a fresh server per round',
  goal: { op: '<', value: 150 },
  async run(options) {
    const values: number[] = [];
    const perThousand: number[] = [];
    for (let round = 1; round <= options.rounds; round++) {
      const kontor = await startKontor(options);
      const page = await usersPage(kontor);
      await (await fetch(page.url, page.request)).arrayBuffer();
      await sleep(options.duration * 1000); // idle
      const megabytes = residentMegabytes(kontor.process.pid);
      values.push(megabytes);
      const open = await openSockets(kontor.baseUrl, sockets);
      await sleep(2_000); // settled
      const added = ((residentMegabytes(kontor.process.pid) - megabytes) * 1_000) / sockets;
      perThousand.push(added);
      for (const socket of open) socket.terminate();
      console.log(
        `  round ${round}/${options.rounds}  idle RSS ${megabytes.toFixed(0)} MB, ${added.toFixed(1)} MB more with ${sockets} open signalling sockets`,
      );
      await kontor.process.stop();
    }
    const added = median(perThousand);
    const verdict = added < perThousandGoal ? 'met' : 'MISSED';
    return {
      label: 'idle RSS',
      unit: 'MB',
      values,
      value: median(values),
      problems: [],
      notes: [
        `per 1,000 open signalling sockets: ${added.toFixed(1)} MB (goal < ${perThousandGoal} MB): ${verdict}`,
      ],
      resultNote: `${added.toFixed(1)} MB per 1,000 signalling sockets (goal < ${perThousandGoal} MB)`,
    };
  },
};
