// The limit of U1: the rows the batch endpoint writes, 100 per statement, as a raw Kysely multi-row insert
// into the same database, `concurrency` inserts in flight, in a process of its own. Prints one JSON line.
// node --import tsx bench/usage-insert.ts --database-url … --account … --user … --user-number … --service …
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.ts';
import { createDatabase } from '../src/db/kysely.ts';

const { values } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    account: { type: 'string' },
    user: { type: 'string' },
    'user-number': { type: 'string' },
    service: { type: 'string' },
    'batch-size': { type: 'string', default: '100' },
    concurrency: { type: 'string', default: '10' },
    duration: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '1' },
  },
});
const db = createDatabase(loadConfig({ DATABASE_URL: values['database-url'] }).database);
const batchSize = Number(values['batch-size']);
const run = randomUUID().slice(0, 8);
let batches = 0;

function rows() {
  const at = new Date().toISOString();
  const batch = batches++;
  return Array.from({ length: batchSize }, (_, index) => ({
    id: randomUUID(),
    accountId: values.account ?? '',
    userId: values.user ?? '',
    userNumber: values['user-number'] ?? '',
    userName: 'Olivia Owner',
    serviceId: values.service ?? '',
    quantity: 1 + (index % 3),
    unitNetCents: 9,
    vatRateBp: 1900,
    occurredAt: at,
    billingMonth: at.slice(0, 7),
    recordedAt: at,
    source: 'batch' as const,
    idempotencyKey: `batch:limit-${run}-${batch}-${index}`,
    reference: `Akte ${batch}-${index}`,
  }));
}

async function insertFor(seconds: number, concurrency: number) {
  const latencies: number[] = [];
  const start = performance.now();
  const end = start + seconds * 1000;
  const worker = async () => {
    while (performance.now() < end) {
      const before = performance.now();
      await db.insertInto('usageEvents').values(rows()).execute();
      latencies.push(performance.now() - before);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { latencies, seconds: (performance.now() - start) / 1000 };
}

const concurrency = Number(values.concurrency);
await insertFor(Number(values.warmup), concurrency);
const { latencies, seconds } = await insertFor(Number(values.duration), concurrency);
await db.destroy();
latencies.sort((a, b) => a - b);
const percentile = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
console.log(
  JSON.stringify({
    batchesPerSecond: latencies.length / seconds,
    p50: percentile(0.5),
    p99: percentile(0.99),
  }),
);
