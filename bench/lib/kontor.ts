// Setting up a running Kontor for a benchmark: an account through the API, its users straight into the database.
import { randomUUID } from 'node:crypto';
import { type Insertable, PostgresAdapter, sql } from 'kysely';
import { loadConfig } from '../../src/config.ts';
import { createDatabase, type Db } from '../../src/db/kysely.ts';
import type { UsersTable } from '../../src/db/schema.ts';
import { registerCleanup } from './cleanup.ts';
import type { RequestOptions } from './load.ts';

export const strongPassword = 'correct horse battery staple 42';

// Sent like the web app does: a CSRF cookie already exists, so Kontor does not mint one per response.
const csrf = 'bench-csrf-token';
const jsonHeaders = {
  'content-type': 'application/json',
  cookie: `kontor_csrf=${csrf}`,
  'x-csrf-token': csrf,
};

/** The bench process's own connection to Kontor's database, closed on cleanup. */
export function openDatabase(databaseUrl: string): Db {
  const db = createDatabase(loadConfig({ DATABASE_URL: databaseUrl }).database);
  registerCleanup({ run: () => db.destroy(), runSync: () => {} });
  return db;
}

async function post(baseUrl: string, path: string, body: object, expectStatus: number): Promise<Response> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: jsonHeaders,
    body: JSON.stringify(body),
  });
  if (response.status !== expectStatus) {
    throw new Error(
      `POST ${path} answered ${response.status}, expected ${expectStatus}: ${await response.text()}`,
    );
  }
  return response;
}

/** Registers an account and confirms it with the link of the welcome e-mail; returns the owner's e-mail. */
export async function registerAccount(baseUrl: string, db: Db, email = 'owner@bench.test'): Promise<string> {
  await post(
    baseUrl,
    '/api/v1/auth/register',
    {
      companyName: 'Bench GmbH',
      firstName: 'Olivia',
      lastName: 'Owner',
      username: 'owner',
      email,
      password: strongPassword,
      locale: 'en',
    },
    202,
  );
  const welcome = await db
    .selectFrom('outboxEmails')
    .select('textBody')
    .where('toAddress', '=', email)
    .executeTakeFirstOrThrow();
  const token = /\/confirm-email#token=([\w-]+)/.exec(welcome.textBody)?.[1];
  if (!token) throw new Error(`no confirmation link in the welcome e-mail:\n${welcome.textBody}`);
  await post(baseUrl, '/api/v1/auth/confirm-email', { token }, 200);
  return email;
}

/** Signs in; returns the account the session acts in and the Cookie header a browser would send. */
export async function signIn(baseUrl: string, email: string): Promise<{ accountId: string; cookie: string }> {
  const response = await post(baseUrl, '/api/v1/auth/sign-in', { email, password: strongPassword }, 200);
  const session = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0])
    .find((pair) => pair?.startsWith('kontor_session='));
  if (!session) throw new Error('sign-in set no kontor_session cookie');
  const { account } = (await response.json()) as { account: { id: string } };
  return { accountId: account.id, cookie: `${session}; kontor_csrf=${csrf}` };
}

export async function accountOf(db: Db, email: string): Promise<string> {
  const user = await db
    .selectFrom('users')
    .select('homeAccountId')
    .where('email', '=', email)
    .executeTakeFirst();
  if (!user?.homeAccountId) throw new Error(`${email} is no account's user`);
  return user.homeAccountId;
}

const firstNames = [
  'Anna',
  'Bernd',
  'Clara',
  'Dieter',
  'Emma',
  'Felix',
  'Greta',
  'Hans',
  'Ida',
  'Jonas',
  'Kira',
];
const lastNames = [
  'Müller',
  'Schmidt',
  'Schneider',
  'Fischer',
  'Weber',
  'Meyer',
  'Wagner',
  'Becker',
  'Schulz',
];

/**
 * Adds `count` active members to the account in a few multi-row inserts (the API would take minutes for 5,000).
 * With a password hash they get e-mails user<user number>@bench.test to sign in with, which it returns.
 */
export async function seedUsers(
  db: Db,
  accountId: string,
  count: number,
  passwordHash: string | null = null,
): Promise<string[]> {
  const taken = new Set(
    (await db.selectFrom('users').select('userNumber').execute()).map((user) => user.userNumber),
  );
  const now = new Date().toISOString();
  const users: Insertable<UsersTable>[] = [];
  for (let number = 1_000_000; users.length < count; number++) {
    if (taken.has(String(number))) continue;
    const index = users.length;
    users.push({
      id: randomUUID(),
      homeAccountId: accountId,
      userNumber: String(number),
      username: `user${number}`,
      salutation: null,
      title: null,
      firstName: firstNames[index % firstNames.length] ?? 'Anna',
      // Many distinct names, so the list's sort has real work to do.
      lastName: `${lastNames[index % lastNames.length]}-${(index * 7919) % count}`,
      email: passwordHash ? `user${number}@bench.test` : null,
      emailConfirmedAt: passwordHash ? now : null,
      passwordHash,
      status: 'active',
      locale: null,
      createdAt: now,
      updatedAt: now,
    });
  }
  await db.transaction().execute(async (transaction) => {
    for (let start = 0; start < users.length; start += 500) {
      const batch = users.slice(start, start + 500);
      await transaction.insertInto('users').values(batch).execute();
      await transaction
        .insertInto('memberships')
        .values(
          batch.map((user) => ({ accountId, userId: user.id, role: 'member' as const, createdAt: now })),
        )
        .execute();
    }
    await transaction
      .updateTable('accounts')
      .set((eb) => ({ seatsUsed: eb('seatsUsed', '+', count), seatLimit: eb('seatsUsed', '+', count) }))
      .where('id', '=', accountId)
      .execute();
  });
  // Statistics and visibility as autovacuum would leave them a minute later; without them PostgreSQL plans the users
  // page for an empty table (a hash join and a sort of all 5,000 rows) and keeps that plan.
  if (db.getExecutor().adapter instanceof PostgresAdapter) await sql`vacuum analyze`.execute(db);
  return users.flatMap((user) => (user.email ? [user.email] : []));
}

/** POST /api/v1/auth/sign-in, each request with the next e-mail of the list, round robin. */
export function signInRequests(baseUrl: string, emails: string[], password = strongPassword) {
  let next = 0;
  const request: RequestOptions = {
    method: 'POST',
    headers: jsonHeaders,
    nextBody: () => JSON.stringify({ email: emails[next++ % emails.length], password }),
  };
  return { url: `${baseUrl}/api/v1/auth/sign-in`, request };
}
