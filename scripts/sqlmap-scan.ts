// Issue 9, item 6: Debian's sqlmap against every parameter of every route of the OpenAPI document, signed
// in as whoever the route admits. Not part of `npm test` (it takes long); see docs/SECURITY.md.
//   apt-get install sqlmap && node --import tsx scripts/sqlmap-scan.ts [--thorough] [--only <substring>]
// DATABASE_URL picks the database (a throw-away SQLite file by default).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import fc from 'fast-check';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { createDatabase } from '../src/db/kysely.ts';
import { migrateToLatest } from '../src/db/migrator.ts';
import { operationsOf, operator, tenant } from '../test/helpers/api-surface.ts';
import type { TestApp } from '../test/helpers/build-test-app.ts';
import { validValue } from '../test/helpers/schema-arbitrary.ts';
import type { TestClient } from '../test/helpers/test-client.ts';

const { values } = parseArgs({ options: { thorough: { type: 'boolean' }, only: { type: 'string' } } });
// Routes that would end the scanning session, or the scan's own access.
const skipped = ['/sign-out', '/revoke-others', '/api/v1/auth/sessions/:sessionId', '/owner'];

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kontor-sqlmap-'));
const config = loadConfig({
  DATABASE_URL: process.env.DATABASE_URL ?? `sqlite:${path.join(work, 'kontor.db')}`,
  PUBLIC_URL: 'http://127.0.0.1:0',
  LOG_LEVEL: 'silent',
  KONTOR_WEB_ROOT: path.join(work, 'no-web-app'),
  RATE_LIMIT_PER_MINUTE: '100000000',
  SIGN_IN_RATE_LIMIT_PER_MINUTE: '100000000',
});
const db = createDatabase(config.database);
await migrateToLatest(db);
const app = await buildApp(config, { db });
const address = await app.listen({ host: '127.0.0.1', port: 0 });
const t = { app, db } as unknown as TestApp;
const a = await tenant(t, 'scan');
const staff = await operator(t);

const cookieOf = (client: TestClient) =>
  [...client.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
const headersOf = (client: TestClient) =>
  `Cookie: ${cookieOf(client)}\nX-CSRF-Token: ${client.cookies.get('kontor_csrf') ?? ''}\nOrigin: ${address}`;

const findings: string[] = [];
const untested: string[] = [];
let scanned = 0;
// Deletions last: they remove the objects the other routes are aimed at.
const ordered = operationsOf(t).sort((x, y) => Number(x.method === 'DELETE') - Number(y.method === 'DELETE'));
for (const operation of ordered) {
  const name = `${operation.method} ${operation.url}`;
  if (skipped.some((part) => operation.url.includes(part)) || (values.only && !name.includes(values.only)))
    continue;
  const caller =
    operation.access.kind === 'operator' ? staff : operation.access.kind === 'public' ? null : a.admin;
  // Path parameters are marked for injection (*); query and JSON body parameters sqlmap finds itself.
  const url = operation.url.replace(/:([A-Za-z]+)/g, (_m, param: string) => `${a.ids[param] ?? 'x'}*`);
  const query = operation.query.map(
    ({ name: key, schema }) => `${key}=${encodeURIComponent(String(fc.sample(validValue(schema), 1)[0]))}`,
  );
  const body = operation.body
    ? JSON.stringify(fc.sample(validValue(operation.body), { numRuns: 1, seed: 1 })[0])
    : undefined;
  const args = [
    '-u',
    `${address}${url}${query.length ? `?${query.join('&')}` : ''}`,
    '--method',
    operation.method,
    ...(body && operation.method !== 'GET' && operation.method !== 'DELETE' ? ['--data', body] : []),
    ...(caller ? ['--headers', headersOf(caller)] : []),
    // Links and sign-ins with made-up tokens answer 404 and 401: probe every parameter anyway.
    '--ignore-code',
    '401,404',
    '--batch',
    '--flush-session',
    '--disable-coloring',
    '--output-dir',
    path.join(work, 'sqlmap'),
    '--level',
    values.thorough ? '3' : '1',
    '--risk',
    '1',
    '--dbms',
    config.database.dialect === 'postgres' ? 'PostgreSQL' : 'SQLite',
    ...(values.thorough ? [] : ['--smart']),
  ];
  let output = '';
  try {
    // Asynchronously: the server answering sqlmap runs in this very process.
    output = (await promisify(execFile)('sqlmap', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }))
      .stdout;
  } catch (error) {
    output = String((error as { stdout?: string }).stdout ?? error);
  }
  scanned += 1;
  const vulnerable = /is vulnerable|sqlmap identified the following injection point/i.test(output);
  const tested = /do not appear to be injectable|not injectable/i.test(output);
  if (vulnerable) findings.push(name);
  if (!vulnerable && !tested) untested.push(name);
  const verdict = vulnerable ? 'INJECTABLE' : tested ? 'clean' : 'untested';
  const reason = tested ? '' : (output.match(/\[(?:CRITICAL|ERROR)\][^\n]*/)?.[0] ?? '');
  console.log(`${verdict.padEnd(10)}  ${name}  ${reason}`);
}
console.log(
  `\nsqlmap ${values.thorough ? 'level 3' : 'level 1 --smart'}: ${scanned} routes scanned, ` +
    `${findings.length} injectable${findings.length ? ` (${findings.join(', ')})` : ''}, ${untested.length} not testable`,
);
await app.close();
await db.destroy();
process.exitCode = findings.length ? 1 : 0;
