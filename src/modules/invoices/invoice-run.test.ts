// B1, B2: the invoice run bills each account's usage once, per service and price with the appendix per user,
// rounds VAT per rate, counts months in the account's time zone, puts late usage on the next invoice as a
// dated line, numbers without gaps per year even with two runs at once, and e-mails the invoice category.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildTestApp, describeEachDatabase, type TestApp } from '../../../test/helpers/build-test-app.ts';
import {
  accountIdOf,
  signedInOwner,
  signedInUser,
  type TestClient,
} from '../../../test/helpers/test-client.ts';
import { insertService, insertUsage, testSeller, type UsageUser, usersOf } from './invoice-test-data.ts';

const operatorActor = { type: 'system' as const, id: null, ipAddress: null };

describeEachDatabase('invoice run', (dialect) => {
  let t: TestApp;
  let owner: TestClient;
  let accountId: string;
  let justus: UsageUser;
  let lookup: string;
  let sms: string;
  beforeEach(async () => {
    t = await buildTestApp({ db: dialect });
    owner = (await signedInOwner(t.app)).client;
    accountId = await accountIdOf(owner);
    [justus] = (await usersOf(t.db, accountId)) as [UsageUser];
    await t.app.kontor.services.provider.updateSeller(testSeller, operatorActor);
    lookup = await insertService(t.db, { code: 'address-lookup', name: 'Adressauskunft', netCents: 150 });
    sms = await insertService(t.db, {
      code: 'sms',
      name: 'SMS',
      netCents: 9,
      vatRateBp: 1900,
      unit: 'message',
    });
  });
  afterEach(() => t.close());

  const at = (instant: string) => t.clock.advance(Date.parse(instant) - t.clock.now().getTime());
  const run = (month: string) => t.app.kontor.services.invoiceRun.run({ month });
  const use = (occurredAt: string, serviceId: string, unitNetCents: number, extra: object = {}) =>
    insertUsage(t.db, { accountId, user: justus, serviceId, occurredAt, unitNetCents, ...extra });
  const invoicesOf = (account: string) =>
    t.db.selectFrom('invoices').selectAll().where('accountId', '=', account).orderBy('number').execute();
  const linesOf = (invoiceId: string) =>
    t.db
      .selectFrom('invoiceLines')
      .selectAll()
      .where('invoiceId', '=', invoiceId)
      .orderBy('position')
      .execute();
  const appendixOf = (invoiceId: string) =>
    t.db.selectFrom('invoiceAppendix').selectAll().where('invoiceId', '=', invoiceId).execute();

  it('bills lines per service and price, an appendix per user, and totals that add up', async () => {
    const mia = await signedInUser(t.app, owner, accountId, { username: 'mia', email: 'mia@jura.test' });
    const miaUser = { id: mia.user.id, userNumber: mia.user.userNumber, name: 'Mia Muster' };
    await use('2026-02-03T10:00:00Z', lookup, 150);
    await use('2026-02-04T10:00:00Z', lookup, 150, { user: miaUser });
    await use('2026-02-05T10:00:00Z', lookup, 150, { user: miaUser, quantity: 2 });
    await use('2026-02-20T10:00:00Z', lookup, 175); // the price changed: a line of its own
    await use('2026-02-21T10:00:00Z', sms, 9, { quantity: 3 });
    const other = await signedInOwner(t.app, {
      email: 'chef@leer.test',
      companyName: 'Leer GmbH',
      username: 'chef',
    });
    const otherId = await accountIdOf(other.client);
    at('2026-03-10T09:00:00Z');

    const result = await run('2026-02');
    expect(result).toMatchObject({ month: '2026-02', issued: 1, firstNumber: '2026-000001' });
    const [invoice] = await invoicesOf(accountId);
    expect(invoice).toMatchObject({
      kind: 'invoice',
      number: '2026-000001',
      billingMonth: '2026-02',
      issueDate: '2026-03-10',
      periodFrom: '2026-02-01',
      periodTo: '2026-02-28',
      dueDate: '2026-03-24',
      sellerName: 'Muster Hosting GmbH',
      sellerVatId: 'DE123456789',
      buyerName: 'Kanzlei Jura & Partner',
      buyerCountry: 'DE',
      status: 'issued',
    });
    const lines = await linesOf(invoice?.id ?? '');
    expect(lines.map((line) => [line.serviceCode, line.quantity, line.unitNetCents, line.netCents])).toEqual([
      ['address-lookup', 4, 150, 600],
      ['address-lookup', 1, 175, 175],
      ['sms', 3, 9, 27],
    ]);
    expect(lines[0]?.description).toBe('Adressauskunft (de)');
    const net = lines.reduce((sum, line) => sum + line.netCents, 0);
    expect(invoice?.netCents).toBe(802);
    expect(net).toBe(invoice?.netCents);
    expect(invoice?.vatCents).toBe(152); // 19 % of 802 = 152.38
    expect(invoice?.grossCents).toBe(954);
    const appendix = await appendixOf(invoice?.id ?? '');
    expect(appendix.reduce((sum, entry) => sum + entry.netCents, 0)).toBe(invoice?.netCents);
    expect(
      appendix.map((entry) => [entry.userNumber, entry.serviceCode, entry.quantity, entry.netCents]).sort(),
    ).toEqual(
      [
        [justus.userNumber, 'address-lookup', 2, 325],
        [justus.userNumber, 'sms', 3, 27],
        [miaUser.userNumber, 'address-lookup', 3, 450],
      ].sort(),
    );
    const uninvoiced = await t.db
      .selectFrom('usageEvents')
      .select('id')
      .where('invoiceId', 'is', null)
      .execute();
    expect(uninvoiced).toEqual([]);
    expect(await invoicesOf(otherId)).toEqual([]); // no usage, no invoice
    // Run again: nothing left to bill, no number taken.
    expect((await run('2026-02')).issued).toBe(0);
    const series = await t.db.selectFrom('invoiceNumberSeries').selectAll().execute();
    expect(series).toEqual([{ kind: 'invoice', year: 2026, lastNumber: 1 }]);
  });

  it('rounds VAT half up once per rate on the rate’s net sum, not per line', async () => {
    const reduced = await insertService(t.db, { code: 'books', netCents: 50, vatRateBp: 700 });
    const tiny = await insertService(t.db, { code: 'ping', netCents: 2 });
    const tinier = await insertService(t.db, { code: 'pong', netCents: 2 });
    await use('2026-02-03T10:00:00Z', reduced, 50, { vatRateBp: 700 }); // 3.5 ct VAT → 4
    await use('2026-02-03T10:00:00Z', tiny, 2); // 0.38 ct each: per line 0 + 0 + 0
    await use('2026-02-03T11:00:00Z', tinier, 2);
    await use('2026-02-03T12:00:00Z', sms, 2);
    at('2026-03-10T09:00:00Z');
    await run('2026-02');
    const [invoice] = await invoicesOf(accountId);
    expect(JSON.parse(invoice?.vatBreakdown ?? '[]')).toEqual([
      { vatRateBp: 1900, netCents: 6, vatCents: 1 }, // 1.14 ct on the sum
      { vatRateBp: 700, netCents: 50, vatCents: 4 },
    ]);
    expect(invoice).toMatchObject({ netCents: 56, vatCents: 5, grossCents: 61 });
  });

  it('counts the month in the account’s time zone: 23:30 UTC on 31 January is February in Berlin', async () => {
    const london = await signedInOwner(t.app, {
      email: 'lord@london.test',
      companyName: 'London Ltd',
      username: 'lord',
    });
    const londonId = await accountIdOf(london.client);
    await t.db
      .updateTable('accounts')
      .set({ timezone: 'Europe/London' })
      .where('id', '=', londonId)
      .execute();
    const [lord] = (await usersOf(t.db, londonId)) as [UsageUser];
    await use('2026-01-31T23:30:00Z', lookup, 150); // Berlin: 1 February, 00:30
    await insertUsage(t.db, {
      accountId: londonId,
      user: lord,
      serviceId: lookup,
      occurredAt: '2026-01-31T23:30:00Z',
      unitNetCents: 150,
      timeZone: 'Europe/London',
    });
    at('2026-02-10T09:00:00Z');
    expect((await run('2026-01')).issued).toBe(1);
    expect((await invoicesOf(londonId)).map((invoice) => invoice.billingMonth)).toEqual(['2026-01']);
    expect(await invoicesOf(accountId)).toEqual([]);
    at('2026-03-10T09:00:00Z');
    await run('2026-02');
    const [february] = await invoicesOf(accountId);
    expect(february).toMatchObject({ billingMonth: '2026-02', netCents: 150 });
  });

  it('puts usage that arrives after its month was billed on the next invoice, as a dated line of its own', async () => {
    await use('2026-01-20T10:00:00Z', lookup, 150);
    at('2026-02-10T09:00:00Z');
    await run('2026-01');
    await use('2026-01-28T10:00:00Z', lookup, 150, { quantity: 2 }); // a meter reports late
    await use('2026-02-02T10:00:00Z', lookup, 150);
    expect((await run('2026-01')).issued).toBe(0); // January is billed once
    at('2026-03-10T09:00:00Z');
    await run('2026-02');
    const [january, february] = await invoicesOf(accountId);
    expect(january?.netCents).toBe(150);
    const lines = await linesOf(february?.id ?? '');
    expect(lines.map((line) => [line.quantity, line.netCents, line.periodFrom, line.periodTo])).toEqual([
      [1, 150, null, null],
      [2, 300, '2026-01-01', '2026-01-31'],
    ]);
    expect(february).toMatchObject({ number: '2026-000002', netCents: 450, periodFrom: '2026-02-01' });
  });

  it('gives two runs at once each account one invoice and numbers without gap or duplicate', async () => {
    const accounts = [accountId];
    for (const name of ['b', 'c', 'd', 'e']) {
      const extra = await signedInOwner(t.app, {
        email: `owner@${name}.test`,
        companyName: `Firma ${name}`,
        username: name,
      });
      accounts.push(await accountIdOf(extra.client));
    }
    for (const account of accounts) {
      const [user] = (await usersOf(t.db, account)) as [UsageUser];
      await insertUsage(t.db, {
        accountId: account,
        user,
        serviceId: lookup,
        occurredAt: '2026-02-03T10:00:00Z',
        unitNetCents: 150,
      });
    }
    at('2026-03-10T09:00:00Z');
    const results = await Promise.all([run('2026-02'), run('2026-02'), run('2026-02')]);
    expect(results.reduce((sum, result) => sum + result.issued, 0)).toBe(5);
    const invoices = await t.db.selectFrom('invoices').select(['accountId', 'number']).execute();
    expect(invoices.map((invoice) => invoice.number).sort()).toEqual(
      [1, 2, 3, 4, 5].map((n) => `2026-00000${n}`),
    );
    expect(new Set(invoices.map((invoice) => invoice.accountId)).size).toBe(5);
    const series = await t.db.selectFrom('invoiceNumberSeries').selectAll().execute();
    expect(series).toEqual([{ kind: 'invoice', year: 2026, lastNumber: 5 }]);
  });

  it('starts the numbers again each year', async () => {
    await use('2026-11-03T10:00:00Z', lookup, 150);
    await use('2026-12-03T10:00:00Z', lookup, 150);
    at('2026-12-10T09:00:00Z');
    await run('2026-11');
    at('2027-01-10T09:00:00Z');
    await run('2026-12');
    expect((await invoicesOf(accountId)).map((invoice) => [invoice.billingMonth, invoice.number])).toEqual([
      ['2026-11', '2026-000001'],
      ['2026-12', '2027-000001'],
    ]);
  });

  it('refuses a month that has not ended, and runs without a complete seller', async () => {
    await use('2026-02-03T10:00:00Z', lookup, 150);
    at('2026-02-27T09:00:00Z');
    await expect(run('2026-02')).rejects.toMatchObject({ code: 'INVOICE_MONTH_OPEN' });
    await expect(run('2026-13')).rejects.toMatchObject({ code: 'INVOICE_MONTH_INVALID' });
    at('2026-03-10T09:00:00Z');
    await t.app.kontor.services.provider.updateSeller(
      { ...testSeller, vatId: null, street: null },
      operatorActor,
    );
    await expect(run('2026-02')).rejects.toMatchObject({
      code: 'INVOICE_SELLER_INCOMPLETE',
      options: { details: [{ field: 'street' }, { field: 'vatId' }] },
    });
    await t.app.kontor.services.provider.updateSeller(
      { ...testSeller, vatId: null, taxNumber: '22/815/08150' },
      operatorActor,
    );
    // The e-invoice needs the VAT id (EN 16931 BR-CO-26): a tax number alone is not enough.
    await expect(run('2026-02')).rejects.toMatchObject({
      code: 'INVOICE_SELLER_INCOMPLETE',
      options: { details: [{ field: 'vatId' }] },
    });
    await t.app.kontor.services.provider.updateSeller(
      { ...testSeller, taxNumber: '22/815/08150' },
      operatorActor,
    );
    expect((await run('2026-02')).issued).toBe(1);
    expect(
      await t.db.selectFrom('usageEvents').select('invoiceId').where('invoiceId', 'is', null).execute(),
    ).toEqual([]);
  });

  it('bills by hand in the grace period; the scheduled run waits until the month is closed', async () => {
    await use('2026-02-27T10:00:00Z', lookup, 150);
    at('2026-03-02T09:00:00Z'); // February in grace until 4 March
    const schedule = t.app.kontor.invoiceSchedule;
    expect(await schedule.runDue()).toEqual([]);
    expect(await invoicesOf(accountId)).toEqual([]);
    at('2026-03-04T09:00:00Z');
    const [scheduled] = await schedule.runDue();
    expect(scheduled).toMatchObject({ month: '2026-02', issued: 1 });
    await use('2026-03-01T10:00:00Z', lookup, 150);
    at('2026-04-02T09:00:00Z');
    expect((await run('2026-03')).issued).toBe(1);
  });

  it('e-mails the invoice to the invoice category: the primary address, members and contacts who chose it', async () => {
    const mia = await signedInUser(t.app, owner, accountId, { username: 'mia', email: 'mia@jura.test' });
    await mia.client.put(`/api/v1/accounts/${accountId}/my-notifications`, { categories: ['invoice'] });
    await signedInUser(t.app, owner, accountId, { username: 'max', email: 'max@jura.test' });
    const contacts = `/api/v1/accounts/${accountId}/contacts`;
    const accountant = {
      name: 'Kovács Anna',
      email: 'anna@konyvelo.test',
      locale: 'hu',
      categories: ['invoice'],
    };
    expect((await owner.post(contacts, accountant)).statusCode).toBe(201);
    await owner.post(contacts, {
      name: 'Tech',
      email: 'tech@jura.test',
      locale: 'de',
      categories: ['support'],
    });
    await use('2026-02-03T10:00:00Z', lookup, 150);
    at('2026-03-10T09:00:00Z');
    await run('2026-02');
    const mails = await t.db
      .selectFrom('outboxEmails')
      .select(['toAddress', 'subject', 'textBody'])
      .where('subject', 'like', '%2026-000001%')
      .execute();
    expect(mails.map((mail) => mail.toAddress).sort()).toEqual([
      'anna@konyvelo.test',
      'justus@jura.test',
      'mia@jura.test',
    ]);
    const anna = mails.find((mail) => mail.toAddress === 'anna@konyvelo.test');
    expect(anna?.subject).toBe('2026-000001 számú számla – 2026. február');
    expect(anna?.textBody).toContain('http://kontor.test/account/invoices');
    expect(mails.find((mail) => mail.toAddress === 'justus@jura.test')?.subject).toBe(
      'Rechnung 2026-000001 für Februar 2026',
    );
    const audit = await t.db
      .selectFrom('auditEvents')
      .select(['action', 'accountId'])
      .where('action', 'like', 'invoice.%')
      .execute();
    expect(audit).toContainEqual({ action: 'invoice.issued', accountId });
  });
});
