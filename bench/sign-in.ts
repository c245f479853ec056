// L1–L3: sign-in is argon2id-bound by design, so its limit is argon2id itself with the same parameters.
import { hashPassword } from '../src/shared/passwords.ts';
import { argon2Verifies } from './lib/argon2.ts';
import type { Benchmark, BenchmarkOptions } from './lib/benchmark.ts';
import { loadPaced, loadSequential } from './lib/client.ts';
import { compareAlternating, formatRun } from './lib/compare.ts';
import {
  accountOf,
  openDatabase,
  registerAccount,
  seedUsers,
  signInRequests,
  strongPassword,
} from './lib/kontor.ts';
import { type LoadOptions, load } from './lib/load.ts';
import { startKontor } from './lib/servers.ts';

/** Kontor with one account of `users` members who sign in with user<user number>@bench.test and the strong password. */
async function kontorWithUsers(options: BenchmarkOptions, users: number) {
  const kontor = await startKontor(options);
  const db = openDatabase(kontor.databaseUrl);
  const owner = await registerAccount(kontor.baseUrl, db);
  const emails = await seedUsers(db, await accountOf(db, owner), users, await hashPassword(strongPassword));
  return { kontor, db, emails };
}

export const l1: Benchmark = {
  name: 'L1',
  description: 'successful sign-ins/s over raw argon2id verifies/s (same parameters and worker pool)',
  goal: { op: '>=', value: 0.85 },
  async run(options) {
    // Twenty users, so concurrent sign-ins are not all for one row.
    const { kontor, emails } = await kontorWithUsers(options, 20);
    return compareAlternating({
      ...options,
      limit: {
        label: `argon2id verify x${options.connections}`,
        measure: argon2Verifies(options.connections),
      },
      subject: { label: 'kontor POST sign-in', ...signInRequests(kontor.baseUrl, emails) },
    });
  },
};

export const l2: Benchmark = {
  name: 'L2',
  description: 'p99 sign-in latency at half the full sign-in rate over the latency of one argon2id verify',
  goal: { op: '<=', value: 3 },
  async run(options) {
    const { kontor, emails } = await kontorWithUsers(options, 20);
    const signIns = signInRequests(kontor.baseUrl, emails);
    const full = await load(signIns.url, options, signIns.request);
    const rate = Math.max(1, Math.round(full.requestsPerSecond / 2));
    console.log(`  full sign-in load  ${formatRun(full)}; measuring at ${rate} req/s`);
    const comparison = await compareAlternating({
      ...options,
      limit: { label: 'one argon2id verify', measure: argon2Verifies(1) },
      subject: {
        label: `kontor POST sign-in ${rate}/s`,
        measure: (loadOptions) => loadPaced(signIns.url, loadOptions, rate, signIns.request),
      },
      ratio: { label: 'p99 sign-in / p50 verify', of: (subject, limit) => subject.p99 / limit.p50 },
    });
    return { ...comparison, problems: [...full.problems, ...comparison.problems] };
  },
};

// brute-force.ts: from the 10th failure in a row a user must wait, and then no password is checked at all.
const freeFailures = 9;

export const l3: Benchmark = {
  name: 'L3',
  description: 'p50 sign-in latency, unknown e-mail over known e-mail with a wrong password',
  goal: { op: 'between', min: 0.9, max: 1.1 },
  async run(options) {
    const { kontor, db, emails } = await kontorWithUsers(options, 200);
    // One request at a time, as someone timing answers would; under saturation p50 would only show queueing.
    console.log(`  note: L3 sends one request at a time (--connections ${options.connections} ignored)`);
    const unknown = signInRequests(
      kontor.baseUrl,
      emails.map((email) => `nobody-${email}`),
    );
    const wrong = signInRequests(kontor.baseUrl, emails, `wrong ${strongPassword}`);
    // Each run starts every identifier, known or not, at zero failures, as a success in between would;
    // an identifier that had to wait would answer 429 without any password check and skew the ratio.
    const measureFailures = (requests: typeof wrong) => async (loadOptions: LoadOptions) => {
      await db.deleteFrom('signInThrottles').execute();
      const result = await loadSequential(requests.url, loadOptions, {
        ...requests.request,
        expectStatus: 401,
      });
      const { most } = await db
        .selectFrom('signInThrottles')
        .select((eb) => eb.fn.max('failedSignIns').as('most'))
        .executeTakeFirstOrThrow();
      if (Number(most) > freeFailures) {
        result.problems.push(`an identifier failed ${most} times and had to wait; seed more users`);
      }
      return result;
    };
    return compareAlternating({
      ...options,
      limit: { label: 'kontor sign-in wrong password', measure: measureFailures(wrong) },
      subject: { label: 'kontor sign-in unknown e-mail', measure: measureFailures(unknown) },
      ratio: { label: 'p50 unknown / p50 wrong password', of: (subject, limit) => subject.p50 / limit.p50 },
    });
  },
};
