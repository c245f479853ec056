// I1: the monthly invoice run, `kontor invoices run` in a process of its own on a seeded database: one
// invoice per account with lines, appendix, VAT, number, documents, audit and e-mail in one transaction
// each. Measured at 100,000 events (1,000 accounts) and at 1,000,000 events (10,000 accounts), 100 events
// per account, each on a freshly seeded database. The ratio is the time per event at the large size over
// the time per event at the small one: linear scaling is at most 1.1 (10× the events in at most 11× the
// time); the large run must also finish in under two minutes.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { type Insertable, PostgresAdapter, sql } from 'kysely';
import type { Db } from '../src/db/kysely.ts';
import { migrateToLatest } from '../src/db/migrator.ts';
import type { UsageEventsTable } from '../src/db/schema.ts';
import type { Benchmark, Database } from './lib/benchmark.ts';
import { openDatabase } from './lib/kontor.ts';
import { startPostgresDatabase } from './lib/postgres.ts';
import { makeTempDir } from './lib/process.ts';

const month = '2025-06';
const eventsPerAccount = 100;
const usersPerAccount = 5;
const services = ['address-lookup', 'person-search', 'company-search', 'insurer-letter', 'sms'];
const limitSeconds = 120;

interface Size {
  accounts: number;
  events: number;
}

/** The full size, or BENCH_I1_ACCOUNTS accounts for a smoke run. */
export function sizes(env = process.env): [Size, Size] {
  const accounts = Number(env.BENCH_I1_ACCOUNTS ?? 10_000);
  const small = Math.max(1, Math.round(accounts / 10));
  return [
    { accounts: small, events: small * eventsPerAccount },
    { accounts, events: accounts * eventsPerAccount },
  ];
}

async function freshDatabase(db: Database): Promise<string> {
  if (db === 'postgres') return startPostgresDatabase();
  return `sqlite:${path.join(makeTempDir('kontor-bench-i1-'), 'kontor.db')}`;
}

/** Accounts with an owner (who receives the invoice e-mail) and four more users; usage in multi-row inserts. */
export async function seed(db: Db, size: Size) {
  const now = new Date().toISOString();
  const serviceIds = services.map(() => randomUUID());
  await db
    .insertInto('services')
    .values(
      services.map((code, index) => ({
        id: serviceIds[index] as string,
        code,
        nameDe: `Dienst ${code}`,
        nameEn: `Service ${code}`,
        nameHu: `Szolgáltatás ${code}`,
        unit: 'request',
        adapter: 'demo' as const,
        providerUrl: null,
        createdAt: now,
        updatedAt: now,
      })),
    )
    .execute();
  await db
    .updateTable('providerProfile')
    .set({
      sellerName: 'Bench Hosting GmbH',
      sellerStreet: 'Hafenstraße 1',
      sellerPostalCode: '20457',
      sellerCity: 'Hamburg',
      sellerCountry: 'DE',
      sellerVatId: 'DE123456789',
      sellerEmail: 'rechnung@bench.example',
    })
    .execute();
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  // Parameters per statement: SQLite takes 32,766, PostgreSQL 65,535.
  const rowsPerInsert = postgres ? 3_000 : 1_500;
  const accountsPerBatch = 500;
  for (let first = 0; first < size.accounts; first += accountsPerBatch) {
    await db.transaction().execute(async (transaction) => {
      const accounts = [];
      const users = [];
      const memberships = [];
      const events: Insertable<UsageEventsTable>[] = [];
      for (let index = first; index < Math.min(size.accounts, first + accountsPerBatch); index++) {
        const accountId = randomUUID();
        accounts.push({
          id: accountId,
          customerNumber: `B${String(index).padStart(7, '0')}`,
          name: `Kanzlei ${index}`,
          status: 'active' as const,
          seatLimit: 10,
          seatsUsed: usersPerAccount,
          locale: ['de', 'en', 'hu'][index % 3] as string,
          timezone: 'Europe/Berlin',
          billingStreet: `Musterweg ${index}`,
          billingPostalCode: '10115',
          billingCity: 'Berlin',
          billingCountry: 'DE',
          vatId: null,
          createdAt: now,
          updatedAt: now,
        });
        const accountUsers = Array.from({ length: usersPerAccount }, (_, number) => ({
          id: randomUUID(),
          homeAccountId: accountId,
          userNumber: String(1_000_000 + index * usersPerAccount + number),
          username: `user${index}-${number}`,
          salutation: null,
          title: null,
          firstName: 'Anna',
          lastName: `Nutzer ${number}`,
          email: number === 0 ? `owner${index}@bench.example` : null,
          emailConfirmedAt: number === 0 ? now : null,
          passwordHash: null,
          status: 'active' as const,
          locale: null,
          createdAt: now,
          updatedAt: now,
        }));
        users.push(...accountUsers);
        memberships.push(
          ...accountUsers.map((user, number) => ({
            accountId,
            userId: user.id,
            role: number === 0 ? ('owner' as const) : ('member' as const),
            createdAt: now,
          })),
        );
        for (let event = 0; event < eventsPerAccount; event++) {
          const user = accountUsers[event % usersPerAccount] as (typeof accountUsers)[number];
          const service = event % services.length;
          const id = randomUUID();
          const occurredAt = new Date(Date.UTC(2025, 5, 1 + (event % 28), 8, event % 60)).toISOString();
          events.push({
            id,
            accountId,
            userId: user.id,
            userNumber: user.userNumber,
            userName: `${user.firstName} ${user.lastName}`,
            serviceId: serviceIds[service] as string,
            quantity: 1 + (event % 3),
            unitNetCents: [150, 220, 250, 90, 9][service] as number,
            vatRateBp: 1900,
            occurredAt,
            billingMonth: month,
            recordedAt: occurredAt,
            source: 'batch',
            idempotencyKey: id,
            reference: `Anfrage ${event}`,
            invoiceId: null,
          });
        }
      }
      await transaction.insertInto('accounts').values(accounts).execute();
      for (let start = 0; start < users.length; start += 1_000)
        await transaction
          .insertInto('users')
          .values(users.slice(start, start + 1_000))
          .execute();
      for (let start = 0; start < memberships.length; start += 1_000)
        await transaction
          .insertInto('memberships')
          .values(memberships.slice(start, start + 1_000))
          .execute();
      for (let start = 0; start < events.length; start += rowsPerInsert)
        await transaction
          .insertInto('usageEvents')
          .values(events.slice(start, start + rowsPerInsert))
          .execute();
    });
  }
  // Statistics as autovacuum would leave them a minute later.
  if (postgres) await sql`vacuum analyze`.execute(db);
}

const run = promisify(execFile);

/** Seeds a fresh database, then bills it with `kontor invoices run` as an operator would; its time as printed. */
async function measure(database: Database, size: Size, cpuProf?: string) {
  const databaseUrl = await freshDatabase(database);
  const db = openDatabase(databaseUrl);
  await migrateToLatest(db);
  const seeding = performance.now();
  await seed(db, size);
  const seeded = (performance.now() - seeding) / 1000;
  const { stdout } = await run(
    process.execPath,
    [
      // The main thread's profile only: Piscina ends its render threads before they write theirs.
      ...(cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(cpuProf)}`] : []),
      path.resolve('bin/kontor.js'),
      'invoices',
      'run',
      '--month',
      month,
    ],
    {
      env: {
        PATH: process.env.PATH ?? '',
        DATABASE_URL: databaseUrl,
        PUBLIC_URL: 'http://kontor.bench',
        LOG_LEVEL: 'warn',
      },
      maxBuffer: 10_000_000,
      timeout: 30 * 60_000,
    },
  );
  const seconds = Number(/, in ([\d.]+) s\./.exec(stdout)?.[1] ?? Number.NaN);
  const count = async (table: 'invoices' | 'invoiceDocuments' | 'outboxEmails') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('count'))
          .executeTakeFirstOrThrow()
      ).count,
    );
  const [invoices, documents, emails] = [
    await count('invoices'),
    await count('invoiceDocuments'),
    await count('outboxEmails'),
  ];
  const problems = [];
  if (invoices !== size.accounts) problems.push(`${size.accounts} accounts but ${invoices} invoices`);
  if (Number.isNaN(seconds)) problems.push(`kontor invoices run printed no time:\n${stdout}`);
  console.log(
    `  ${size.events.toLocaleString('en')} events, ${size.accounts.toLocaleString('en')} accounts: seeded in ` +
      `${seeded.toFixed(1)} s, billed in ${seconds.toFixed(1)} s (${((seconds / size.events) * 1e6).toFixed(1)} µs ` +
      `per event); ${documents} PDFs, ${emails} e-mails`,
  );
  await db.destroy();
  return { seconds, perEvent: seconds / size.events, problems };
}

export const i1: Benchmark = {
  name: 'I1',
  description:
    'invoice run, PDFs included: time per event at 1,000,000 events over at 100,000 (100 per account)',
  goal: { op: '<=', value: 1.1 },
  async run(options) {
    const [small, large] = sizes();
    const smallRun = await measure(options.db, small);
    const largeRun = await measure(options.db, large, options.cpuProf);
    const ratio = largeRun.perEvent / smallRun.perEvent;
    const fast = largeRun.seconds < limitSeconds;
    const micro = (perEvent: number) => `${(perEvent * 1e6).toFixed(1)} µs`;
    return {
      label: `time per event at ${large.events.toLocaleString('en')} over at ${small.events.toLocaleString('en')}`,
      unit: '',
      values: [ratio],
      value: ratio,
      digits: 2,
      problems: [...smallRun.problems, ...largeRun.problems],
      notes: [
        `${large.events.toLocaleString('en')} events billed in ${largeRun.seconds.toFixed(1)} s: goal < ${limitSeconds} s ${fast ? 'met' : 'MISSED'}`,
      ],
      resultNote: `${micro(smallRun.perEvent)}/event at ${small.events.toLocaleString('en')}, ${micro(largeRun.perEvent)}/event at ${large.events.toLocaleString('en')}, ${largeRun.seconds.toFixed(0)} s for ${large.events.toLocaleString('en')} (goal < ${limitSeconds} s)`,
    };
  },
};
