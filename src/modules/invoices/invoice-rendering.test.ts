// The run renders documents ahead with the numbers it predicts, and stores them only when the invoice got
// that number and billed that usage; otherwise it renders again. Whatever happens alongside (another run,
// usage arriving while rendering), every stored document names its own invoice's number and totals.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildTestApp, describeEachDatabase, type TestApp } from '../../../test/helpers/build-test-app.ts';
import { accountIdOf, signedInOwner } from '../../../test/helpers/test-client.ts';
import type { InvoiceDocument } from './invoice-document.ts';
import type { InvoiceRenderer } from './invoice-renderer.ts';
import { createInvoiceRun } from './invoice-run.ts';
import { insertService, insertUsage, testSeller, type UsageUser, usersOf } from './invoice-test-data.ts';

describeEachDatabase('rendering ahead in the invoice run', (dialect) => {
  let t: TestApp;
  let lookup: string;
  const accounts: { id: string; user: UsageUser }[] = [];
  let rendered: InvoiceDocument[];
  let duringRender: (document: InvoiceDocument) => Promise<void>;
  const renderer: InvoiceRenderer = {
    async render(document) {
      rendered.push(document);
      await duringRender(document);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return {
        pdf: Buffer.from(`%PDF ${document.number} ${document.grossCents}`),
        xml: `<n>${document.number}</n>`,
      };
    },
    close: async () => {},
  };
  const runOf = () => {
    const { services, config } = t.app.kontor;
    return createInvoiceRun({
      db: t.db,
      clock: t.clock,
      config,
      audit: services.audit,
      provider: services.provider,
      notifications: services.notifications,
      renderer,
    });
  };

  beforeEach(async () => {
    t = await buildTestApp({ db: dialect });
    rendered = [];
    duringRender = async () => {};
    accounts.length = 0;
    await t.app.kontor.services.provider.updateSeller(testSeller, {
      type: 'system',
      id: null,
      ipAddress: null,
    });
    lookup = await insertService(t.db, { code: 'address-lookup', netCents: 150 });
    for (const name of ['a', 'b', 'c', 'd', 'e', 'f']) {
      const owner = await signedInOwner(t.app, {
        email: `owner@${name}.test`,
        companyName: `Firma ${name}`,
        username: name,
      });
      const id = await accountIdOf(owner.client);
      const [user] = (await usersOf(t.db, id)) as [UsageUser];
      accounts.push({ id, user });
      await insertUsage(t.db, {
        accountId: id,
        user,
        serviceId: lookup,
        occurredAt: '2025-12-10T10:00:00Z',
        unitNetCents: 150,
      });
    }
  });
  afterEach(() => t.close());

  /** Every stored document against its invoice row. */
  const stored = async () => {
    const rows = await t.db
      .selectFrom('invoices')
      .innerJoin('invoiceDocuments', 'invoiceDocuments.invoiceId', 'invoices.id')
      .select(['invoices.number', 'invoices.grossCents', 'invoiceDocuments.pdf', 'invoiceDocuments.xml'])
      .orderBy('invoices.number')
      .execute();
    return rows.map((row) => ({
      number: row.number,
      matches:
        Buffer.from(row.pdf).toString() === `%PDF ${row.number} ${row.grossCents}` &&
        row.xml === `<n>${row.number}</n>`,
    }));
  };

  it('renders each invoice once when nothing else happens, and stores it with the invoice', async () => {
    const result = await runOf().run({ month: '2025-12' });
    expect(result.issued).toBe(6);
    expect(rendered.map((document) => document.number)).toEqual(
      [1, 2, 3, 4, 5, 6].map((n) => `2026-00000${n}`),
    );
    expect(await stored()).toEqual(
      [1, 2, 3, 4, 5, 6].map((n) => ({ number: `2026-00000${n}`, matches: true })),
    );
  });

  it('renders again when another run took the predicted numbers', async () => {
    await Promise.all([runOf().run({ month: '2025-12' }), runOf().run({ month: '2025-12' })]);
    const documents = await stored();
    expect(documents).toHaveLength(6);
    expect(documents.every((document) => document.matches)).toBe(true);
    expect(rendered.length).toBeGreaterThan(6); // some predictions were wrong, and rendered again
  });

  it('renders again when usage arrived while the invoice was being rendered', async () => {
    const late = accounts[2] as { id: string; user: UsageUser };
    duringRender = async (document) => {
      if (document.buyer.name !== 'Firma c' || document.grossCents !== 179) return;
      await insertUsage(t.db, {
        accountId: late.id,
        user: late.user,
        serviceId: lookup,
        occurredAt: '2025-12-30T10:00:00Z',
        unitNetCents: 150,
      });
    };
    await runOf().run({ month: '2025-12' });
    const invoice = await t.db
      .selectFrom('invoices')
      .selectAll()
      .where('accountId', '=', late.id)
      .executeTakeFirstOrThrow();
    expect(invoice.netCents).toBe(300); // both requests billed
    expect((await stored()).every((document) => document.matches)).toBe(true);
    expect(
      rendered.filter((document) => document.buyer.name === 'Firma c').map((document) => document.grossCents),
    ).toEqual([179, 357]);
  });
});
