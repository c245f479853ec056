import { insertAccessKey } from '../src/modules/invoices/invoice-test-data.ts';
import type { Benchmark } from './lib/benchmark.ts';
import { compareAlternating } from './lib/compare.ts';
import { accountOf, openDatabase, registerAccount } from './lib/kontor.ts';
import { type KontorServer, startBareFastify, startKontor } from './lib/servers.ts';

/** The desktop program's `me` call with the owner's program credentials (a key written straight in). */
async function programMe(kontor: KontorServer) {
  const db = openDatabase(kontor.databaseUrl);
  const email = await registerAccount(kontor.baseUrl, db);
  const accountId = await accountOf(db, email);
  const owner = await db
    .selectFrom('users')
    .innerJoin('accounts', 'accounts.id', 'users.homeAccountId')
    .select(['users.id', 'users.userNumber', 'accounts.customerNumber'])
    .where('users.email', '=', email)
    .executeTakeFirstOrThrow();
  const accessKey = await insertAccessKey(db, owner.id);
  const headers = { authorization: `Bearer ${owner.customerNumber}.${owner.userNumber}.${accessKey}` };
  const url = `${kontor.baseUrl}/api/program/v1/me`;
  // A wrong setup would otherwise be measured as a fast 401.
  const me = (await (await fetch(url, { headers })).json()) as { userNumber?: string };
  if (me.userNumber !== owner.userNumber)
    throw new Error(`program me failed in ${accountId}: ${JSON.stringify(me)}`);
  return { url, request: { headers } };
}

export const k1: Benchmark = {
  name: 'K1',
  description: 'Kontor GET /api/program/v1/me (program credentials) req/s over a bare Fastify hello-world',
  goal: { op: '>=', value: 0.3 },
  async run(options) {
    const bare = await startBareFastify();
    const me = await programMe(await startKontor(options));
    return compareAlternating({
      ...options,
      limit: { label: 'bare-fastify GET /', url: `${bare.baseUrl}/` },
      subject: { label: 'kontor GET program me', ...me },
    });
  },
};
