import { hashPassword } from '../src/shared/passwords.ts';
import type { Benchmark } from './lib/benchmark.ts';
import { compareAlternating } from './lib/compare.ts';
import { accountOf, openDatabase, registerAccount, seedUsers, signIn, strongPassword } from './lib/kontor.ts';
import type { KontorServer } from './lib/servers.ts';
import { startBareFastify, startKontor } from './lib/servers.ts';

const users = 5000;

/**
 * The G1 request on a running Kontor: the owner's session and the first page of a 5,000-user account.
 * `signInUsers` of them get the strong password (for G2's sign-in load); their e-mails come back.
 */
export async function usersPage(kontor: KontorServer, { signInUsers = 0 } = {}) {
  const db = openDatabase(kontor.databaseUrl);
  const owner = await registerAccount(kontor.baseUrl, db);
  const accountId = await accountOf(db, owner);
  const emails = signInUsers
    ? await seedUsers(db, accountId, signInUsers, await hashPassword(strongPassword))
    : [];
  await seedUsers(db, accountId, users - 1 - signInUsers);
  const { cookie } = await signIn(kontor.baseUrl, owner);
  const url = `${kontor.baseUrl}/api/v1/accounts/${accountId}/users?page=1&pageSize=50`;
  // A wrong setup (no session, too few users) would otherwise be measured as a fast answer.
  const page = (await (await fetch(url, { headers: { cookie } })).json()) as {
    items?: unknown[];
    total?: number;
  };
  if (page.items?.length !== 50 || page.total !== users) {
    throw new Error(`expected 50 of ${users} users, got ${JSON.stringify(page).slice(0, 300)}`);
  }
  return { url, request: { headers: { cookie } }, emails };
}

export const g1: Benchmark = {
  name: 'G1',
  description: `Kontor GET of a 50-user page in a ${users}-user account (signed in) req/s over a bare Fastify hello-world`,
  goal: { sqlite: { op: '>=', value: 0.35 }, postgres: { op: '>=', value: 0.25 } },
  async run(options) {
    const bare = await startBareFastify();
    const page = await usersPage(await startKontor(options));
    return compareAlternating({
      ...options,
      limit: { label: 'bare-fastify GET /', url: `${bare.baseUrl}/` },
      subject: { label: 'kontor GET users page 1', ...page },
    });
  },
};
