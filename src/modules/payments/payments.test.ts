// P1, P2, P4: payment terms per account decide the due date; the invoice list and detail show what is paid,
// credited and open; operators book and reverse payments (nothing is deleted); members read how to pay by
// bank transfer. The test clock stands on 5 January 2026; December 2025 is billed.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildTestApp, describeEachDatabase, type TestApp } from '../../../test/helpers/build-test-app.ts';
import {
  accountIdOf,
  signedInOperator,
  signedInOwner,
  type TestClient,
} from '../../../test/helpers/test-client.ts';
import { days } from '../../shared/clock.ts';
import {
  insertService,
  insertUsage,
  testSeller,
  type UsageUser,
  usersOf,
} from '../invoices/invoice-test-data.ts';
import { testPaymentSettings } from './payment-test-data.ts';

describeEachDatabase('payments on invoices', (dialect) => {
  let t: TestApp;
  let owner: TestClient;
  let operator: TestClient;
  let accountId: string;
  let base: string;
  beforeEach(async () => {
    t = await buildTestApp({ db: dialect });
    owner = (await signedInOwner(t.app)).client;
    accountId = await accountIdOf(owner);
    base = `/api/v1/accounts/${accountId}`;
    operator = (await signedInOperator(t.app)).client;
    expect((await operator.put('/api/v1/operator/provider/seller', testSeller)).statusCode).toBe(200);
    const [justus] = (await usersOf(t.db, accountId)) as [UsageUser];
    const lookup = await insertService(t.db, { code: 'address-lookup', netCents: 10_000 });
    // 2 × 100.00 net + 19 % = 238.00 gross
    await insertUsage(t.db, {
      accountId,
      user: justus,
      serviceId: lookup,
      unitNetCents: 10_000,
      quantity: 2,
      occurredAt: '2025-12-10T10:00:00Z',
    });
  });
  afterEach(() => t.close());

  const settings = (body: object) => operator.put('/api/v1/operator/payment-settings', body);
  const terms = (body: object, id = accountId) =>
    operator.put(`/api/v1/operator/accounts/${id}/payment-terms`, body);
  const bill = async () => {
    await t.app.kontor.services.invoiceRun.run({ month: '2025-12' });
    const [invoice] = (await owner.get(`${base}/invoices`)).json().items;
    return invoice as { id: string; number: string };
  };
  const book = (invoiceId: string, body: object) =>
    operator.post(`/api/v1/operator/invoices/${invoiceId}/payments`, body);
  const payment = (amountCents: number, extra: object = {}) => ({
    amountCents,
    currency: 'EUR',
    bookedOn: '2026-01-10',
    method: 'bank_transfer',
    note: null,
    ...extra,
  });

  it('dues an invoice by the payment terms of its account and prints the bank account it was issued with', async () => {
    expect((await settings(testPaymentSettings)).json()).toMatchObject({
      iban: 'DE02120300000000202051',
      creditorId: 'DE98ZZZ09999999999',
    });
    const changed = await terms({ paymentTermDays: 30, remindersPaused: false });
    expect(changed.json()).toEqual({ paymentTermDays: 30, remindersPaused: false });
    const invoice = await bill();
    const detail = (await owner.get(`${base}/invoices/${invoice.id}`)).json();
    expect(detail).toMatchObject({
      issueDate: '2026-01-05',
      dueDate: '2026-02-04',
      grossCents: 23_800,
      paidCents: 0,
      openCents: 23_800,
      paymentState: 'open',
    });
    // The provider moves banks: the issued invoice keeps the account it names.
    await settings({ ...testPaymentSettings, iban: 'AT611904300234573201', bic: null });
    const transfer = (await owner.get(`${base}/invoices/${invoice.id}/bank-transfer`)).json();
    expect(transfer).toMatchObject({
      holder: 'Kontor Online-Dienste GmbH',
      iban: 'DE02 1203 0000 0000 2020 51',
      bic: 'BYLADEM1001',
      reference: invoice.number,
      amountCents: 23_800,
      epcPayload: `BCD\n002\n1\nSCT\nBYLADEM1001\nKontor Online-Dienste GmbH\nDE02120300000000202051\nEUR238.00\n\n\n${invoice.number}`,
    });
    expect(transfer.qrSvg).toMatch(/^<svg/);
    const audit = await t.db
      .selectFrom('auditEvents')
      .select('action')
      .where('accountId', '=', accountId)
      .where('action', '=', 'account.payment_terms_changed')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('counts payments and credit notes against the open amount, and shows overdue invoices', async () => {
    const invoice = await bill();
    expect((await book(invoice.id, payment(8_000))).json()).toMatchObject({
      paidCents: 8_000,
      openCents: 15_800,
    });
    expect((await owner.get(`${base}/invoices`)).json().items[0]).toMatchObject({
      dueDate: '2026-01-19',
      paidCents: 8_000,
      openCents: 15_800,
      paymentState: 'open',
    });
    const credited = await operator.post(`/api/v1/operator/invoices/${invoice.id}/credit-notes`, {
      reason: 'Kulanz',
      lines: [
        {
          lineId: (await operator.get(`/api/v1/operator/invoices/${invoice.id}`)).json().lines[0].id,
          quantity: 1,
        },
      ],
    });
    expect(credited.statusCode, credited.body).toBe(201);
    // 20 January, a day past due (sessions have long ended by then: read through the service).
    t.clock.advance(days(15));
    const { items } = await t.app.kontor.services.invoices.list(accountId);
    const after = items.find((item) => item.id === invoice.id);
    expect(after).toMatchObject({
      creditedCents: 11_900,
      paidCents: 8_000,
      openCents: 3_900,
      paymentState: 'overdue',
    });
    expect(items.find((item) => item.kind === 'credit_note')?.paymentState).toBeNull();
    await t.app.kontor.services.payments.core.bookManual(invoice.id, payment(4_000) as never, {
      type: 'system',
      id: null,
      ipAddress: null,
    });
    expect(await t.app.kontor.services.invoices.get(invoice.id, accountId)).toMatchObject({
      openCents: -100,
      paymentState: 'paid',
    });
  });

  it('reverses a wrong payment by a counter-entry and never twice', async () => {
    const invoice = await bill();
    const booked = (await book(invoice.id, payment(23_800))).json();
    expect(booked.paymentState ?? booked.state).toBe('paid');
    const [entry] = booked.entries;
    const reversed = await operator.post(`/api/v1/operator/payments/${entry.id}/reversal`, {
      note: 'falsche Rechnung',
    });
    expect(reversed.statusCode, reversed.body).toBe(200);
    expect(reversed.json()).toMatchObject({ paidCents: 0, openCents: 23_800, state: 'open' });
    expect(reversed.json().entries).toMatchObject([
      { id: entry.id, amountCents: 23_800, reversed: true },
      { amountCents: -23_800, reversesPaymentId: entry.id, note: 'falsche Rechnung' },
    ]);
    const again = await operator.post(`/api/v1/operator/payments/${entry.id}/reversal`, { note: null });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('PAYMENT_ALREADY_REVERSED');
    const counter = reversed.json().entries[1].id;
    expect(
      (await operator.post(`/api/v1/operator/payments/${counter}/reversal`, { note: null })).statusCode,
    ).toBe(409);
    const rows = await t.db
      .selectFrom('payments')
      .select('amountCents')
      .where('invoiceId', '=', invoice.id)
      .execute();
    expect(rows).toHaveLength(2);
    const actions = await t.db
      .selectFrom('auditEvents')
      .select('action')
      .where('action', 'like', 'payment.%')
      .orderBy('createdAt')
      .execute();
    expect(actions.map((row) => row.action)).toEqual(['payment.booked', 'payment.reversed']);
  });

  it('refuses bad input with a clear message and changes nothing', async () => {
    const invoice = await bill();
    const refused = async (
      response: Awaited<ReturnType<TestClient['put']>>,
      status: number,
      code: string,
    ) => {
      expect(response.statusCode, response.body).toBe(status);
      const body = response.json();
      expect([body.code, ...(body.details ?? []).map((detail: { code: string }) => detail.code)]).toContain(
        code,
      );
      expect(body.message).toBeTruthy();
    };
    await refused(
      await settings({ ...testPaymentSettings, iban: 'DE02120300000000202052' }),
      400,
      'IBAN_INVALID',
    );
    await refused(
      await settings({ ...testPaymentSettings, iban: 'XX02120300000000202051' }),
      400,
      'IBAN_INVALID',
    );
    await refused(await settings({ ...testPaymentSettings, bic: 'NOTABIC' }), 400, 'BIC_INVALID');
    await refused(
      await settings({ ...testPaymentSettings, creditorId: 'DE99ZZZ09999999999' }),
      400,
      'CREDITOR_ID_INVALID',
    );
    await refused(
      await settings({ ...testPaymentSettings, firstReminderDays: 0 }),
      400,
      'REMINDER_DAYS_INVALID',
    );
    expect((await operator.get('/api/v1/operator/payment-settings')).json().iban).toBeNull();
    await refused(await terms({ paymentTermDays: 121, remindersPaused: false }), 400, 'PAYMENT_TERM_INVALID');
    expect(
      (await operator.get(`/api/v1/operator/accounts/${accountId}/payment-terms`)).json().paymentTermDays,
    ).toBe(14);
    const unknown = '00000000-0000-0000-0000-000000000000';
    expect((await terms({ paymentTermDays: 10, remindersPaused: false }, unknown)).statusCode).toBe(404);
    await refused(
      await book(invoice.id, payment(100, { currency: 'USD' })),
      400,
      'PAYMENT_CURRENCY_MISMATCH',
    );
    await refused(
      await book(invoice.id, payment(100, { bookedOn: '2026-02-30' })),
      400,
      'PAYMENT_DATE_INVALID',
    );
    expect((await book(unknown, payment(100))).statusCode).toBe(404);
    expect(await t.db.selectFrom('payments').select('id').execute()).toEqual([]);
    // Without a bank account there is nothing to transfer to.
    await refused(
      await owner.get(`${base}/invoices/${invoice.id}/bank-transfer`),
      409,
      'PAYEE_NOT_CONFIGURED',
    );
  });

  it("shows a member only their own account's transfer details, and members cannot book", async () => {
    await settings(testPaymentSettings);
    const invoice = await bill();
    const stranger = (
      await signedInOwner(t.app, { email: 'fremd@andere.test', companyName: 'Andere', username: 'fremd' })
    ).client;
    const foreignBase = `/api/v1/accounts/${await accountIdOf(stranger)}`;
    expect((await stranger.get(`${foreignBase}/invoices/${invoice.id}/bank-transfer`)).statusCode).toBe(404);
    expect((await stranger.get(`${base}/invoices/${invoice.id}/bank-transfer`)).statusCode).toBe(404);
    expect(
      (await owner.post(`/api/v1/operator/invoices/${invoice.id}/payments`, payment(100))).statusCode,
    ).toBe(401);
  });
});
