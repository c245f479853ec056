// U1: usage events recorded per second through the batch endpoint (100 events a request, every key new, so
// every event is checked for idempotency and recorded), over a raw Kysely insert of the same rows, 100 a
// statement, into the same database (bench/usage-insert.ts in a child process).

import type { Db } from '../src/db/kysely.ts';
import { insertAccessKey, insertSubscription } from '../src/modules/invoices/invoice-test-data.ts';
import type { Benchmark } from './lib/benchmark.ts';
import { compareAlternating, formatRatio, median } from './lib/compare.ts';
import { accountOf, openDatabase, registerAccount, seedUsers } from './lib/kontor.ts';
import { type LoadOptions, type LoadResult, load } from './lib/load.ts';
import { runToEnd } from './lib/process.ts';
import { startKontor } from './lib/servers.ts';

export const eventsPerRequest = 100;
const minimumEventsPerSecond = 10_000;

/** An account with ten users and a subscribed, priced service; the owner's program key written straight in. */
async function meteredAccount(db: Db, baseUrl: string) {
  const email = await registerAccount(baseUrl, db);
  const accountId = await accountOf(db, email);
  await seedUsers(db, accountId, 10);
  const owner = await db
    .selectFrom('users')
    .innerJoin('accounts', 'accounts.id', 'users.homeAccountId')
    .select(['users.id', 'users.userNumber', 'accounts.customerNumber'])
    .where('users.email', '=', email)
    .executeTakeFirstOrThrow();
  const userNumbers = (
    await db.selectFrom('users').select('userNumber').where('homeAccountId', '=', accountId).execute()
  ).map((user) => user.userNumber);
  const accessKey = await insertAccessKey(db, owner.id);
  const at = '2020-01-01T00:00:00.000Z';
  const serviceId = crypto.randomUUID();
  await db
    .insertInto('services')
    .values({
      id: serviceId,
      code: 'bench-sms',
      nameDe: 'SMS',
      nameEn: 'SMS',
      nameHu: 'SMS',
      unit: 'message',
      adapter: 'demo',
      providerUrl: null,
      createdAt: at,
      updatedAt: at,
    })
    .execute();
  await db
    .insertInto('prices')
    .values({
      id: crypto.randomUUID(),
      serviceId,
      netCents: 9,
      vatRateBp: 1900,
      validFrom: at,
      createdAt: at,
    })
    .execute();
  await insertSubscription(db, { accountId, serviceId, at });
  return {
    accountId,
    owner,
    serviceId,
    userNumbers,
    authorization: `Bearer ${owner.customerNumber}.${owner.userNumber}.${accessKey}`,
  };
}

export const u1: Benchmark = {
  name: 'U1',
  description: `usage events/s through POST /api/program/v1/usage-events (${eventsPerRequest} a request, new keys) over a raw Kysely insert of the same rows`,
  goal: { op: '>=', value: 0.5 },
  async run(options) {
    const kontor = await startKontor(options);
    const db = openDatabase(kontor.databaseUrl);
    const account = await meteredAccount(db, kontor.baseUrl);
    const url = `${kontor.baseUrl}/api/program/v1/usage-events`;
    let bodies = 0;
    let run = 0;
    const body = () => {
      const batch = `${run}-${bodies++}`;
      const occurredAt = new Date().toISOString();
      return JSON.stringify({
        events: Array.from({ length: eventsPerRequest }, (_, index) => ({
          idempotencyKey: `u1-${batch}-${index}`,
          serviceCode: 'bench-sms',
          userNumber: account.userNumbers[index % account.userNumbers.length],
          quantity: 1 + (index % 3),
          occurredAt,
          reference: `Akte ${batch}-${index}`,
        })),
      });
    };
    const post = async () =>
      (await (
        await fetch(url, {
          method: 'POST',
          headers: { authorization: account.authorization, 'content-type': 'application/json' },
          body: body(),
        })
      ).json()) as { accepted?: number };
    // A wrong setup (a refusal per event is a 200 too) would otherwise be measured as fast.
    const check = await post();
    if (check.accepted !== eventsPerRequest) throw new Error(`batch not accepted: ${JSON.stringify(check)}`);
    // Every pooled connection opened and its statements prepared before the first (1 s) warm-up.
    for (let round = 0; round < 3; round++) {
      await Promise.all(Array.from({ length: options.connections }, post));
    }

    /** The endpoint under load; every event a request carried must be in the table afterwards. */
    const throughEndpoint = async (loadOptions: LoadOptions): Promise<LoadResult> => {
      run += 1;
      const bodiesBefore = bodies;
      const result = await load(url, loadOptions, {
        method: 'POST',
        headers: { authorization: account.authorization, 'content-type': 'application/json' },
        nextBody: body,
        expectStatus: 200,
      });
      // By this run's keys: a request of the run before may still have been answered after it ended.
      const { count } = await db
        .selectFrom('usageEvents')
        .select((eb) => eb.fn.countAll().as('count'))
        .where('idempotencyKey', 'like', `batch:u1-${run}-%`)
        .executeTakeFirstOrThrow();
      const recorded = Number(count);
      const sent = (bodies - bodiesBefore) * eventsPerRequest;
      // Requests still in flight when autocannon stops may not have been answered.
      if (recorded > sent || recorded < sent - loadOptions.connections * eventsPerRequest) {
        result.problems.push(`${sent} events sent, ${recorded} recorded`);
      }
      return result;
    };
    const rawInsert = async ({ duration, connections, warmup = 1 }: LoadOptions): Promise<LoadResult> => {
      const output = await runToEnd(process.execPath, [
        '--import',
        'tsx',
        'bench/usage-insert.ts',
        ...['--database-url', kontor.databaseUrl, '--account', account.accountId],
        ...[
          '--user',
          account.owner.id,
          '--user-number',
          account.owner.userNumber,
          '--service',
          account.serviceId,
        ],
        ...['--batch-size', String(eventsPerRequest), '--concurrency', String(connections)],
        ...['--duration', String(duration), '--warmup', String(warmup)],
      ]);
      const { batchesPerSecond, p50, p99 } = JSON.parse(output) as Record<string, number>;
      return {
        url: 'raw insert',
        requestsPerSecond: batchesPerSecond ?? Number.NaN,
        p50: p50 ?? Number.NaN,
        p99: p99 ?? Number.NaN,
        problems: [],
      };
    };

    const comparison = await compareAlternating({
      ...options,
      limit: { label: `kysely insert ${eventsPerRequest} rows`, measure: rawInsert },
      subject: { label: `kontor POST ${eventsPerRequest} events`, measure: throughEndpoint },
      ratio: {
        label: 'subject/limit events/s',
        of: (subject, limit) => subject.requestsPerSecond / limit.requestsPerSecond,
      },
    });
    const eventsPerSecond = (runs: LoadResult[]) =>
      median(runs.map((run) => run.requestsPerSecond)) * eventsPerRequest;
    const endpoint = eventsPerSecond(comparison.subject.runs);
    const raw = eventsPerSecond(comparison.limit.runs);
    comparison.notes = [
      `events/s: endpoint ${Math.round(endpoint)}, raw insert ${Math.round(raw)} (ratio of medians ${formatRatio(endpoint / raw)})`,
      `endpoint events/s ${Math.round(endpoint)} (goal >= ${minimumEventsPerSecond}): ${endpoint >= minimumEventsPerSecond ? 'met' : 'MISSED'}`,
    ];
    return comparison;
  },
};
