// P4: incoming payments from camt.053 bank statements. Credits naming an invoice are booked on it (exactly,
// partly, over, or split over several invoices of one account); nothing is booked twice, never across
// accounts; what cannot be matched waits for the operator, who assigns it, reverses a mistake and assigns
// again. The test clock stands on 5 January 2026; December 2025 is billed (238.00 gross per account).
import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildTestApp, describeEachDatabase, type TestApp } from '../../../test/helpers/build-test-app.ts';
import { asUpload, camt053, type TestCredit } from '../../../test/helpers/camt-statements.ts';
import {
  accountIdOf,
  signedInOperator,
  signedInOwner,
  type TestClient,
} from '../../../test/helpers/test-client.ts';
import {
  insertService,
  insertUsage,
  testSeller,
  type UsageUser,
  usersOf,
} from '../invoices/invoice-test-data.ts';

interface Invoice {
  id: string;
  number: string;
  openCents: number;
  paymentState: string;
}

describeEachDatabase('bank statement import', (dialect) => {
  let t: TestApp;
  let operator: TestClient;
  let owners: TestClient[];
  let accountIds: string[];
  beforeEach(async () => {
    t = await buildTestApp({ db: dialect });
    operator = (await signedInOperator(t.app)).client;
    expect((await operator.put('/api/v1/operator/provider/seller', testSeller)).statusCode).toBe(200);
    const lookup = await insertService(t.db, { code: 'address-lookup', netCents: 10_000 });
    owners = [
      (await signedInOwner(t.app)).client,
      (await signedInOwner(t.app, { email: 'eva@kovacs.test', companyName: 'Kovács Kft.' })).client,
    ];
    accountIds = [];
    for (const owner of owners) {
      const accountId = await accountIdOf(owner);
      accountIds.push(accountId);
      const [user] = (await usersOf(t.db, accountId)) as [UsageUser];
      await insertUsage(t.db, {
        accountId,
        user,
        serviceId: lookup,
        unitNetCents: 10_000,
        quantity: 2,
        occurredAt: '2025-12-10T10:00:00Z',
      });
    }
    await t.app.kontor.services.invoiceRun.run({ month: '2025-12' });
  });
  afterEach(() => t.close());

  /** The only invoice of the n-th account, as its owner sees it now. */
  const invoiceOf = async (n: number): Promise<Invoice> =>
    (await owners[n]?.get(`/api/v1/accounts/${accountIds[n]}/invoices`))?.json().items[0];
  const upload = (entries: TestCredit[], version?: '02' | '08') =>
    operator.post('/api/v1/operator/bank-statements', asUpload(camt053({ entries, version })));
  const unmatched = async () =>
    (await operator.get('/api/v1/operator/bank-statement-entries?state=unmatched')).json().items;

  it('books a credit naming an invoice on it, and the same file or the same entry never twice', async () => {
    const first = await invoiceOf(0);
    const xml = camt053({
      entries: [
        {
          amount: '238.00',
          reference: 'BANK-1',
          debtorName: 'Jura & Partner',
          remittance: [`Rechnung ${first.number}`],
        },
        { amount: '50.00', debit: true, remittance: [`Miete ${first.number}`] },
        { amount: '10.00', status: 'PDNG', remittance: [first.number] },
      ],
    });
    const imported = await operator.post('/api/v1/operator/bank-statements', asUpload(xml));
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toMatchObject({
      version: 'camt.053.001.02',
      entries: 1,
      matched: 1,
      unmatched: 0,
      skippedDebits: 1,
      skippedOther: 1,
      bookedCents: 23_800,
      items: [{ state: 'matched', debtorName: 'Jura & Partner', reason: null }],
    });
    expect(await invoiceOf(0)).toMatchObject({ openCents: 0, paymentState: 'paid' });

    const again = await operator.post('/api/v1/operator/bank-statements', asUpload(xml), {
      'accept-language': 'de',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'BANK_STATEMENT_ALREADY_IMPORTED' });
    expect(again.json().message).toMatch(/already been imported/);
    // The next day's statement repeats the entry (same bank reference): counted, not booked.
    const overlap = await upload([{ amount: '238.00', reference: 'BANK-1', remittance: [first.number] }]);
    expect(overlap.json()).toMatchObject({ entries: 0, duplicates: 1, bookedCents: 0 });
    const payments = await t.db.selectFrom('payments').select(['amountCents', 'method']).execute();
    expect(payments).toEqual([{ amountCents: 23_800, method: 'bank_transfer' }]);
  });

  it('books partial payments, over-payments and one transfer for two invoices of the same account', async () => {
    const first = await invoiceOf(0);
    await upload([{ amount: '100.00', remittance: [`RE ${first.number}`] }]);
    expect(await invoiceOf(0)).toMatchObject({ openCents: 13_800, paymentState: 'open' });
    // Version 001.08, the number cut by the bank's 35-character lines: read joined.
    const cut = first.number.length - 3;
    await upload(
      [{ amount: '150.00', remittance: [`Rest ${first.number.slice(0, cut)}`, first.number.slice(cut)] }],
      '08',
    );
    expect(await invoiceOf(0)).toMatchObject({ openCents: -1_200, paymentState: 'paid' });

    // A second December invoice for the same account, then one transfer naming both.
    await t.db.updateTable('invoices').set({ number: '2025-999999' }).where('id', '=', first.id).execute();
    const second = await invoiceOf(1);
    await t.db
      .updateTable('invoices')
      .set({ accountId: accountIds[0] as string, billingMonth: '2025-11' })
      .where('id', '=', second.id)
      .execute();
    const both = await upload([{ amount: '300.00', remittance: [`${second.number}, 2025-999999`] }]);
    expect(both.json()).toMatchObject({ matched: 1, bookedCents: 30_000 });
    const shares = await t.db
      .selectFrom('payments')
      .select(['invoiceId', 'amountCents'])
      .where('sourceKey', 'like', 'camt:%')
      .orderBy('createdAt')
      .execute();
    // In the order named: the second invoice up to what it owes, the rest on the last one named.
    expect(shares.slice(2)).toEqual([
      { invoiceId: second.id, amountCents: 23_800 },
      { invoiceId: first.id, amountCents: 6_200 },
    ]);
  });

  it('leaves for the operator what it cannot match safely, never booking across accounts', async () => {
    const [first, second] = [await invoiceOf(0), await invoiceOf(1)];
    const result = await upload([
      { amount: '238.00', debtorName: 'Anonym', remittance: ['Danke'] },
      { amount: '476.00', remittance: [`${first.number} ${second.number}`] },
      { amount: '238.00', remittance: ['2026-777777'] },
      { amount: '238.00', currency: 'USD', remittance: [first.number] },
    ]);
    expect(result.json()).toMatchObject({ entries: 4, matched: 0, unmatched: 4, bookedCents: 0 });
    expect(result.json().items.map((item: { reason: string }) => item.reason)).toEqual([
      'no_invoice_number',
      'accounts_differ',
      'unknown_invoice',
      'currency',
    ]);
    expect(await t.db.selectFrom('payments').select('id').execute()).toEqual([]);
    const waiting = await unmatched();
    expect(waiting).toHaveLength(4);
    const anonymous = waiting.find((entry: { debtorName: string }) => entry.debtorName === 'Anonym');
    // Suggested: the open invoices that owe exactly its amount, of either account.
    expect(anonymous.suggestions.map((invoice: { id: string }) => invoice.id).sort()).toEqual(
      [first.id, second.id].sort(),
    );
  });

  it('assigns an unmatched credit with one click, reverses a wrong one and assigns it again', async () => {
    const [first, second] = [await invoiceOf(0), await invoiceOf(1)];
    await upload([{ amount: '238.00', remittance: ['Überweisung Dezember'] }]);
    const [entry] = await unmatched();
    const assign = (invoiceId: string) =>
      operator.post(`/api/v1/operator/bank-statement-entries/${entry.id}/assignment`, { invoiceId });
    const assigned = await assign(first.id);
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json()).toMatchObject({
      state: 'assigned',
      payments: [{ amountCents: 23_800, reversed: false }],
    });
    expect(await invoiceOf(0)).toMatchObject({ paymentState: 'paid' });
    const twice = await assign(second.id);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('BANK_STATEMENT_ENTRY_NOT_UNMATCHED');
    expect(await invoiceOf(1)).toMatchObject({ paymentState: 'open' });

    const paymentId = assigned.json().payments[0].id;
    const reversed = await operator.post(`/api/v1/operator/payments/${paymentId}/reversal`, {
      note: 'Falsches Konto',
    });
    expect(reversed.statusCode, reversed.body).toBe(200);
    expect(await invoiceOf(0)).toMatchObject({ openCents: 23_800, paymentState: 'open' });
    const [again] = await unmatched();
    expect(again).toMatchObject({ id: entry.id, payments: [{ id: paymentId, reversed: true }] });
    const byNumber = (invoiceNumber: string) =>
      operator.post(`/api/v1/operator/bank-statement-entries/${entry.id}/assignment`, { invoiceNumber });
    const unknown = await byNumber('2026-424242');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'INVOICE_NUMBER_UNKNOWN', message: expect.any(String) });
    expect((await byNumber(` ${second.number} `)).statusCode).toBe(200);
    expect(await invoiceOf(1)).toMatchObject({ openCents: 0, paymentState: 'paid' });
    expect(await unmatched()).toEqual([]);
    const audit = await t.db
      .selectFrom('auditEvents')
      .select('action')
      .where('accountId', '=', accountIds[1] as string)
      .execute();
    expect(audit.map((row) => row.action)).toContain('payment.booked');
  });

  it('refuses what is not a bank statement with a clear message, and only operators import', async () => {
    const refused = await operator.post('/api/v1/operator/bank-statements', {
      data: Buffer.from('<Document><Nope/></Document>').toString('base64'),
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'BANK_STATEMENT_INVALID' });
    expect(refused.json().message).toContain('camt053');
    const broken = camt053({ entries: [{ amount: '12,50', remittance: ['x'] }] });
    const badAmount = await operator.post('/api/v1/operator/bank-statements', asUpload(broken));
    expect(badAmount.statusCode).toBe(400);
    expect(badAmount.json().message).toContain('Ntry 1/Amt');
    expect(await t.db.selectFrom('bankStatements').select('id').execute()).toEqual([]);

    const owner = owners[0] as TestClient;
    const statement = asUpload(camt053({ entries: [] }));
    expect((await owner.post('/api/v1/operator/bank-statements', statement)).statusCode).toBe(401);
    expect((await owner.get('/api/v1/operator/bank-statement-entries')).statusCode).toBe(401);
  });
});
