// M1: what a Kontor costs in memory when nobody uses it, after it has served each kind of request once
// (sign-up, sign-in with argon2id, a users page), so lazily loaded code is counted.
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
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

export const m1: Benchmark = {
  name: 'M1',
  description:
    'resident memory (MB) of an idle Kontor after one request of each kind, a fresh server per round',
  goal: { op: '<', value: 150 },
  async run(options) {
    const values: number[] = [];
    for (let round = 1; round <= options.rounds; round++) {
      const kontor = await startKontor(options);
      const page = await usersPage(kontor);
      await (await fetch(page.url, page.request)).arrayBuffer();
      await sleep(options.duration * 1000); // idle
      const megabytes = residentMegabytes(kontor.process.pid);
      values.push(megabytes);
      console.log(`  round ${round}/${options.rounds}  idle RSS ${megabytes.toFixed(0)} MB`);
      await kontor.process.stop();
    }
    return { label: 'idle RSS', unit: 'MB', values, value: median(values), problems: [] };
  },
};
