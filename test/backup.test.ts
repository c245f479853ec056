// Issue 9, item 5: `kontor backup` of a populated database while it is open, `kontor restore` into an
// empty one, and every table compared row by row; a restore never overwrites a Kontor by accident.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { expect, it, vi } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { createDatabase, type Db } from '../src/db/kysely.ts';
import { buildTestApp, describeEachDatabase, freshDatabaseUrl } from './helpers/build-test-app.ts';
import { accountIdOf, signedInOperator, signedInOwner, signedInUser } from './helpers/test-client.ts';

const run = promisify(execFile);
const kontor = path.resolve('bin/kontor.js');

async function cli(args: string[], databaseUrl: string) {
  const env = { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', DATABASE_URL: databaseUrl };
  try {
    const { stdout, stderr } = await run(process.execPath, [kontor, ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** Every table of the database with its rows in a stable order. */
async function contents(db: Db): Promise<Record<string, unknown[]>> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  const result: Record<string, unknown[]> = {};
  for (const table of tables) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table.name)}`.execute(db);
    result[table.name] = rows.map((row) => JSON.stringify(row)).sort();
  }
  return result;
}

const open = (url: string) => createDatabase(loadConfig({ DATABASE_URL: url }).database);

// Each CLI call starts Kontor anew (3–8 s on a busy 2-core machine), and a test makes up to five.
vi.setConfig({ testTimeout: 120_000 });

describeEachDatabase('backup and restore', (dialect) => {
  it('restores a populated database into an empty one, table for table', async () => {
    const sourceUrl = await freshDatabaseUrl(dialect, { migrated: true });
    const t = await buildTestApp({ db: dialect, env: { DATABASE_URL: sourceUrl } });
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kontor-backup-')), 'kontor.backup');
    try {
      await signedInOperator(t.app);
      const owner = await signedInOwner(t.app);
      const accountId = await accountIdOf(owner.client);
      await signedInUser(t.app, owner.client, accountId, { username: 'mia', email: 'mia@jura.test' });
      await owner.client.post(`/api/v1/accounts/${accountId}/invitations`, {
        email: 'eva@steuer.test',
        permissions: ['audit.read'],
      });

      // Taken while the app still has the database open.
      const backup = await cli(['backup', file], sourceUrl);
      expect(backup.stdout, backup.stderr).toContain('Backed up to');
      expect((await cli(['backup', file], sourceUrl)).stderr).toContain('exists already');
      const original = await contents(t.db);
      expect(original.users).toHaveLength(2);
      expect(original.audit_events?.length).toBeGreaterThan(3);

      const targetUrl = await freshDatabaseUrl(dialect);
      const restored = await cli(['restore', file], targetUrl);
      expect(restored.stdout, restored.stderr).toContain('Restored');
      const target = open(targetUrl);
      try {
        expect(await contents(target)).toEqual(original);
      } finally {
        await target.destroy();
      }

      // A second restore into the now populated database needs --replace.
      const refused = await cli(['restore', file], targetUrl);
      expect([refused.code, refused.stderr]).toEqual([1, expect.stringContaining('--replace')]);
      expect((await cli(['restore', file, '--replace'], targetUrl)).stdout).toContain('Restored');
    } finally {
      await t.close();
    }
  });

  it('refuses a file that is no Kontor backup and leaves the database alone', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kontor-backup-')), 'notes.txt');
    fs.writeFileSync(file, 'not a database');
    const targetUrl = await freshDatabaseUrl(dialect);
    const refused = await cli(['restore', file], targetUrl);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Restore failed/);
  });
});
