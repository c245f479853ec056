// `kontor invoices run --month` as an operator types it: it bills the month, prints what it issued in plain
// lines when not on a terminal, and refuses (exit code 1, a message in DEFAULT_LOCALE) while the seller is
// missing or the month still running. The command runs on the real clock, so the month is one long closed.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildTestApp, describeEachDatabase, type TestApp } from '../../test/helpers/build-test-app.ts';
import { readPdf } from '../../test/helpers/pdf-read.ts';
import { accountIdOf, signedInOwner } from '../../test/helpers/test-client.ts';
import {
  insertService,
  insertUsage,
  testSeller,
  type UsageUser,
  usersOf,
} from '../modules/invoices/invoice-test-data.ts';

const run = promisify(execFile);

describeEachDatabase('kontor invoices run', (dialect) => {
  let t: TestApp;
  let databaseUrl: string;
  beforeEach(async () => {
    t = await buildTestApp({ db: dialect });
    const database = t.app.kontor.config.database;
    databaseUrl = database.dialect === 'sqlite' ? `sqlite:${database.filename}` : database.connectionString;
  });
  afterEach(() => t.close());

  async function kontor(...args: string[]) {
    const env = {
      PATH: process.env.PATH ?? '',
      LOG_LEVEL: 'warn',
      DATABASE_URL: databaseUrl,
      PUBLIC_URL: 'http://kontor.test',
      DEFAULT_LOCALE: 'en',
    };
    try {
      const { stdout, stderr } = await run(process.execPath, [path.resolve('bin/kontor.js'), ...args], {
        env,
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  it('bills a closed month, and refuses while the seller is missing or the month is running', {
    timeout: 120_000,
  }, async () => {
    const owner = await signedInOwner(t.app);
    const accountId = await accountIdOf(owner.client);
    const [user] = (await usersOf(t.db, accountId)) as [UsageUser];
    const serviceId = await insertService(t.db, { code: 'address-lookup', netCents: 150 });
    await insertUsage(t.db, {
      accountId,
      user,
      serviceId,
      occurredAt: '2025-06-10T10:00:00Z',
      unitNetCents: 150,
    });

    const refused = await kontor('invoices', 'run', '--month', '2025-06');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Invoices cannot be issued yet: the seller data is incomplete');
    expect(refused.stderr).toContain('Missing: name, street, postalCode, city, country, email, vatId');

    await t.app.kontor.services.provider.updateSeller(testSeller, {
      type: 'system',
      id: null,
      ipAddress: null,
    });
    const future = await kontor('invoices', 'run', '--month', '2999-01');
    expect(future.code).toBe(1);
    expect(future.stderr).toContain('The month 2999-01 has not ended yet.');

    const billed = await kontor('invoices', 'run', '--month', '2025-06');
    expect(billed.stderr).toBe('');
    expect(billed.code).toBe(0);
    expect(billed.stdout).toContain('1/1 accounts billed');
    expect(billed.stdout).toMatch(
      /Issued 1 invoice\(s\) for 2025-06: (\d{4})-000001 to \1-000001, in \d+\.\d s\./,
    );
    const invoices = await t.db.selectFrom('invoices').select(['accountId', 'billingMonth']).execute();
    expect(invoices).toEqual([{ accountId, billingMonth: '2025-06' }]);
    // Rendered by the CLI's worker threads: the PDF names the number and embeds the XML.
    const number = /Issued 1 invoice\(s\) for 2025-06: (\d{4}-000001)/.exec(billed.stdout)?.[1] as string;
    const stored = await t.db.selectFrom('invoiceDocuments').select(['pdf', 'xml']).executeTakeFirstOrThrow();
    const pdf = await readPdf(Buffer.from(stored.pdf));
    expect(pdf.text).toContain(number);
    expect(Buffer.from(pdf.attachments['factur-x.xml']?.content ?? []).toString('utf8')).toBe(stored.xml);
    expect(stored.xml).toContain(`<ram:ID>${number}</ram:ID>`);
    expect((await kontor('invoices', 'run', '--month', '2025-06')).stdout).toContain(
      'No invoices to issue for 2025-06.',
    );
  });
});
