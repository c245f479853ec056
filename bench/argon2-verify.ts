// The limit of L1 and L2: raw argon2id verifies with Kontor's parameters, in a process of its own, through
// the server's own verifyPassword and so its worker pool (one thread per core). Prints one JSON line.
// node --import tsx bench/argon2-verify.ts --concurrency 10 --duration 5 --warmup 1
import { parseArgs } from 'node:util';
import { hashPassword, verifyPassword } from '../src/shared/passwords.ts';

const { values } = parseArgs({
  options: {
    concurrency: { type: 'string', default: '10' },
    duration: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '1' },
  },
});
const password = 'correct horse battery staple 42';
const passwordHash = await hashPassword(password);

/** `concurrency` verifies in flight at any time for `seconds`; the latency of each. */
async function verifyFor(seconds: number, concurrency: number) {
  const latencies: number[] = [];
  const start = performance.now();
  const end = start + seconds * 1000;
  const worker = async () => {
    while (performance.now() < end) {
      const before = performance.now();
      if (!(await verifyPassword(passwordHash, password))) throw new Error('verify failed');
      latencies.push(performance.now() - before);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { latencies, seconds: (performance.now() - start) / 1000 };
}

const concurrency = Number(values.concurrency);
await verifyFor(Number(values.warmup), concurrency);
const { latencies, seconds } = await verifyFor(Number(values.duration), concurrency);
latencies.sort((a, b) => a - b);
const percentile = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
console.log(
  JSON.stringify({
    verifiesPerSecond: latencies.length / seconds,
    p50: percentile(0.5),
    p99: percentile(0.99),
  }),
);
