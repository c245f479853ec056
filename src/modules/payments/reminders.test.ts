// P5: payment reminders with the controllable clock. The test clock starts on 5 January 2026, when December
// 2025 is billed: 238.00 gross, due after the default 14 days on 19 January. The first reminder is due 7
// days later (26 January), the second 14 days after the first (9 February); there is no third.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildTestApp, describeEachDatabase, type TestApp } from '../../../test/helpers/build-test-app.ts';
import {
  accountIdOf,
  signedInOperator,
  signedInOwner,
  signedInUser,
  strongPassword,
  TestClient,
} from '../../../test/helpers/test-client.ts';
import {
  insertService,
  insertUsage,
  testSeller,
  type UsageUser,
  usersOf,
} from '../invoices/invoice-test-data.ts';

const settings = {
  bankAccountHolder: 'Kontor Online-Dienste GmbH',
  iban: 'DE02120300000000202051',
  bic: 'BYLADEM1001',
  creditorId: null,
  firstReminderDays: 7,
  secondReminderDays: 14,
  directDebitNoticeDays: 5,
};

describeEachDatabase('payment reminders', (dialect) => {
  let t: TestApp;
  let owner: TestClient;
  let operator: TestClient;
  let accountId: string;
  let base: string;
  let lookup: string;
  beforeEach(async () => {
    t = await buildTestApp({ db: dialect });
    owner = (await signedInOwner(t.app)).client;
    accountId = await accountIdOf(owner);
    base = `/api/v1/accounts/${accountId}`;
    operator = (await signedInOperator(t.app)).client;
    expect((await operator.put('/api/v1/operator/provider/seller', testSeller)).statusCode).toBe(200);
    expect((await operator.put('/api/v1/operator/payment-settings', settings)).statusCode).toBe(200);
    lookup = await insertService(t.db, { code: 'address-lookup', netCents: 10_000 });
    await use(accountId);
  });
  afterEach(() => t.close());

  /** 2 × 100.00 net + 19 % = 238.00 gross in December 2025. */
  async function use(account: string) {
    const [user] = (await usersOf(t.db, account)) as [UsageUser];
    await insertUsage(t.db, {
      accountId: account,
      user,
      serviceId: lookup,
      unitNetCents: 10_000,
      quantity: 2,
      occurredAt: '2025-12-10T10:00:00Z',
    });
  }
  const bill = async () => {
    await t.app.kontor.services.invoiceRun.run({ month: '2025-12' });
    const [invoice] = (await owner.get(`${base}/invoices`)).json().items;
    return invoice as { id: string; number: string; dueDate: string };
  };
  /** To a day at 09:00 UTC (10:00 in Berlin). */
  const at = (day: string) => {
    const target = new Date(`${day}T09:00:00.000Z`).getTime();
    t.clock.advance(target - t.clock.now().getTime());
  };
  // The service, not the route: sessions end while the clock moves weeks ahead (see signInAgain).
  const run = async () => (await t.app.kontor.services.payments.reminders.runReminders()).sent;
  /** After weeks on the clock the sessions have ended: fresh ones for the owner and the operator. */
  async function signInAgain() {
    owner = new TestClient(t.app);
    const member = await owner.post('/api/v1/auth/sign-in', {
      email: 'justus@jura.test',
      password: strongPassword,
    });
    expect(member.statusCode, member.body).toBe(200);
    operator = new TestClient(t.app);
    const staff = await operator.post('/api/v1/operator/sign-in', {
      email: 'operator@kontor.test',
      password: strongPassword,
    });
    expect(staff.statusCode, staff.body).toBe(200);
  }
  const reminderMails = () =>
    t.db
      .selectFrom('outboxEmails')
      .select(['toAddress', 'subject', 'textBody', 'locale'])
      .where((eb) =>
        eb.or([
          eb('subject', 'like', '%rinnerung%'),
          eb('subject', 'like', '%Mahnung%'),
          eb('subject', 'like', '%emlékeztető%'),
          eb('subject', 'like', '%felszólítás%'),
          eb('subject', 'like', '%reminder%'),
        ]),
      )
      .orderBy('createdAt')
      .execute();
  const rows = (invoiceId: string) =>
    t.db
      .selectFrom('paymentReminders')
      .select(['level', 'openCents'])
      .where('invoiceId', '=', invoiceId)
      .orderBy('level')
      .execute();
  const terms = (remindersPaused: boolean) =>
    t.app.kontor.services.payments.core.updateAccountTerms(
      accountId,
      { paymentTermDays: 14, remindersPaused },
      { type: 'system', id: null, ipAddress: null },
    );

  it('reminds after the due date plus the first days, then after the second interval, never a third, each recipient in their language', async () => {
    const contacts = `${base}/contacts`;
    const anna = { name: 'Kovács Anna', email: 'anna@konyvelo.test', locale: 'hu', categories: ['invoice'] };
    const erika = { name: 'Erika Steuer', email: 'erika@steuer.test', locale: 'de', categories: ['invoice'] };
    const tech = { name: 'Tech', email: 'tech@jura.test', locale: 'en', categories: ['support'] };
    for (const contact of [anna, erika, tech])
      expect((await owner.post(contacts, contact)).statusCode).toBe(201);
    const invoice = await bill();
    expect(invoice.dueDate).toBe('2026-01-19');

    expect(await run()).toBe(0); // not due yet
    at('2026-01-25'); // overdue, but the first days are not over
    expect(await run()).toBe(0);
    expect(await reminderMails()).toEqual([]);

    at('2026-01-26');
    expect(await run()).toBe(1);
    expect(await rows(invoice.id)).toEqual([{ level: 1, openCents: 23_800 }]);
    const first = await reminderMails();
    expect(first.map((mail) => mail.toAddress).sort()).toEqual([
      'anna@konyvelo.test',
      'erika@steuer.test',
      'justus@jura.test',
    ]);
    const toAnna = first.find((mail) => mail.toAddress === 'anna@konyvelo.test');
    expect(toAnna?.subject).toBe(`Fizetési emlékeztető: ${invoice.number} számú számla`);
    expect(toAnna?.textBody).toMatch(/Nyitott összeg: 238,00\sEUR/u);
    expect(toAnna?.textBody).toContain('DE02 1203 0000 0000 2020 51');
    const toErika = first.find((mail) => mail.toAddress === 'erika@steuer.test');
    expect(toErika?.subject).toBe(`Zahlungserinnerung: Rechnung ${invoice.number}`);
    expect(toErika?.textBody).toMatch(/Offener Betrag: 238,00\s€/u);
    for (const text of [
      'freundliche Erinnerung',
      '05.01.2026', // issue date
      '19.01.2026', // due date
      'DE02 1203 0000 0000 2020 51',
      'BYLADEM1001',
      'Kontor Online-Dienste GmbH',
      `http://kontor.test/account/invoices/${invoice.id}`,
    ])
      expect(toErika?.textBody).toContain(text);

    expect(await run()).toBe(0); // the same day again: nothing twice
    at('2026-02-08');
    expect(await run()).toBe(0); // 13 days after the first
    at('2026-02-09');
    expect(await run()).toBe(1);
    const second = (await reminderMails()).slice(3);
    expect(second.map((mail) => mail.toAddress).sort()).toEqual([
      'anna@konyvelo.test',
      'erika@steuer.test',
      'justus@jura.test',
    ]);
    expect(second.find((mail) => mail.toAddress === 'justus@jura.test')?.subject).toBe(
      `Zweite Mahnung: Rechnung ${invoice.number} ist überfällig`,
    );
    at('2026-06-01');
    expect(await run()).toBe(0); // no third level
    expect(await rows(invoice.id)).toEqual([
      { level: 1, openCents: 23_800 },
      { level: 2, openCents: 23_800 },
    ]);
    expect(await reminderMails()).toHaveLength(6);
    // Each level once in the account's audit log, by the system.
    const logged = await t.db
      .selectFrom('auditEvents')
      .select(['actorType', 'targetId', 'details'])
      .where('accountId', '=', accountId)
      .where('action', '=', 'payment.reminder_sent')
      .execute();
    expect(
      logged.map((row) => [row.actorType, row.targetId, JSON.parse(row.details ?? '{}').level]).sort(),
    ).toEqual([
      ['system', invoice.id, 1],
      ['system', invoice.id, 2],
    ]);
  });

  it('sends none for a paid invoice, and logs the open amount after a partial payment', async () => {
    const invoice = await bill();
    at('2026-01-20');
    await t.db.transaction().execute((transaction) =>
      t.app.kontor.services.payments.ledger.book(transaction, {
        invoiceId: invoice.id,
        amountCents: 23_800,
        currency: 'EUR',
        method: 'bank_transfer',
        bookedOn: '2026-01-20',
        actor: { type: 'system', id: null, ipAddress: null },
      }),
    );
    at('2026-01-26');
    expect(await run()).toBe(0);
    at('2026-03-01');
    expect(await run()).toBe(0);
    expect(await rows(invoice.id)).toEqual([]);
    expect(await reminderMails()).toEqual([]);

    // A second account's invoice, paid in part: the reminder names what is still open.
    at('2026-03-02'); // the other account's December is billed now, due 16 March
    await signInAgain();
    const other = await signedInOwner(t.app, {
      email: 'chef@andere.test',
      companyName: 'Andere',
      username: 'chef',
    });
    const otherId = await accountIdOf(other.client);
    await use(otherId);
    await t.app.kontor.services.invoiceRun.run({ month: '2025-12' });
    const [theirs] = (await other.client.get(`/api/v1/accounts/${otherId}/invoices`)).json().items;
    const booked = await operator.post(`/api/v1/operator/invoices/${theirs.id}/payments`, {
      amountCents: 3_800,
      currency: 'EUR',
      bookedOn: '2026-03-02',
      method: 'manual',
      note: null,
    });
    expect(booked.statusCode, booked.body).toBe(200);
    at('2026-03-23'); // due 16 March + 7
    expect(await run()).toBe(1);
    expect(await rows(theirs.id)).toEqual([{ level: 1, openCents: 20_000 }]);
  });

  it('sends none while the account is paused, and resumes after unpausing', async () => {
    const invoice = await bill();
    expect(await terms(true)).toEqual({ paymentTermDays: 14, remindersPaused: true });
    at('2026-01-26');
    expect(await run()).toBe(0);
    at('2026-03-01');
    expect(await run()).toBe(0);
    expect(await rows(invoice.id)).toEqual([]);
    await terms(false);
    expect(await run()).toBe(1);
    expect(await rows(invoice.id)).toMatchObject([{ level: 1 }]);
    // The second waits its interval from the first actually sent.
    at('2026-03-14');
    expect(await run()).toBe(0);
    at('2026-03-15');
    expect(await run()).toBe(1);
  });

  it('sends a level once when two runs race', async () => {
    const invoice = await bill();
    at('2026-01-26');
    const reminders = t.app.kontor.services.payments.reminders;
    const results = await Promise.all([
      reminders.runReminders(),
      reminders.runReminders(),
      reminders.runReminders(),
    ]);
    expect(results.reduce((total, result) => total + result.sent, 0)).toBe(1);
    expect(await rows(invoice.id)).toEqual([{ level: 1, openCents: 23_800 }]);
    expect((await reminderMails()).map((mail) => mail.toAddress)).toEqual(['justus@jura.test']);
  });

  it('shows the log to members with "view invoices" and to operators, nothing across accounts', async () => {
    const invoice = await bill();
    const path = `${base}/invoices/${invoice.id}/reminders`;
    expect((await owner.get(path)).json()).toEqual({ items: [] });
    at('2026-01-25');
    await signInAgain();
    expect((await operator.post('/api/v1/operator/payment-reminders/run')).json()).toEqual({ sent: 0 });
    at('2026-01-26');
    await signInAgain();
    expect((await operator.post('/api/v1/operator/payment-reminders/run')).json()).toEqual({ sent: 1 });
    const log = (await owner.get(path)).json();
    expect(log).toEqual({
      items: [{ level: 1, sentAt: '2026-01-26T09:00:00.000Z', openCents: 23_800 }],
    });
    expect((await operator.get(`/api/v1/operator/invoices/${invoice.id}/reminders`)).json()).toEqual(log);

    const viewer = await signedInUser(t.app, owner, accountId, { username: 'mia', email: 'mia@jura.test' });
    const plain = await signedInUser(t.app, owner, accountId, { username: 'max', email: 'max@jura.test' });
    await owner.put(`${base}/users/${viewer.user.id}/permissions`, { permissions: ['invoices.view'] });
    expect((await viewer.client.get(path)).json()).toEqual(log);
    expect((await plain.client.get(path)).statusCode).toBe(403);
    expect((await new TestClient(t.app).get(path)).statusCode).toBe(401);
    expect((await operator.get(path)).statusCode).toBe(401);
    expect((await owner.get(`/api/v1/operator/invoices/${invoice.id}/reminders`)).statusCode).toBe(401);
    expect((await owner.post('/api/v1/operator/payment-reminders/run')).statusCode).toBe(401);

    // Another account's invoice, asked through one's own account: as if it did not exist.
    const other = await signedInOwner(t.app, {
      email: 'chef@andere.test',
      companyName: 'Andere',
      username: 'chef',
    });
    const otherId = await accountIdOf(other.client);
    const theirPath = `/api/v1/accounts/${otherId}/invoices/${invoice.id}/reminders`;
    expect((await other.client.get(theirPath)).statusCode).toBe(404);
    expect((await owner.get(`${base}/invoices/${'0'.repeat(26)}/reminders`)).statusCode).toBe(404);
  });
});
