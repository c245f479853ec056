// P6: paying by card through the payment-provider port, against FakeStripe (a local stand-in for Stripe's
// API): the checkout asks for what is open, and only a webhook with a valid signature books the payment, once.
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { buildTestApp, describeEachDatabase, type TestApp } from '../../../test/helpers/build-test-app.ts';
import { FakeStripe } from '../../../test/helpers/fake-stripe.ts';
import {
  accountIdOf,
  signedInOperator,
  signedInOwner,
  signedInUser,
  type TestClient,
} from '../../../test/helpers/test-client.ts';
import {
  insertService,
  insertUsage,
  testSeller,
  type UsageUser,
  usersOf,
} from '../invoices/invoice-test-data.ts';
import { testPaymentSettings } from './payment-test-data.ts';

describeEachDatabase('card payment', (dialect) => {
  let stripe: FakeStripe;
  let t: TestApp;
  let owner: TestClient;
  let accountId: string;
  let invoiceId: string;
  let operator: TestClient;
  beforeAll(async () => {
    stripe = await FakeStripe.start();
  });
  afterAll(() => stripe.close());
  beforeEach(async () => {
    t = await buildTestApp({ db: dialect, env: stripe.env });
    owner = (await signedInOwner(t.app)).client;
    accountId = await accountIdOf(owner);
    operator = (await signedInOperator(t.app)).client;
    await operator.put('/api/v1/operator/provider/seller', testSeller);
    const [justus] = (await usersOf(t.db, accountId)) as [UsageUser];
    const serviceId = await insertService(t.db, { code: 'address-lookup', netCents: 10_000 });
    await insertUsage(t.db, {
      accountId,
      user: justus,
      serviceId,
      unitNetCents: 10_000,
      quantity: 2,
      occurredAt: '2025-12-10T10:00:00Z',
    });
    await t.app.kontor.services.invoiceRun.run({ month: '2025-12' });
    invoiceId = (await owner.get(`/api/v1/accounts/${accountId}/invoices`)).json().items[0].id;
  });
  afterEach(() => t.close());

  const checkout = (client = owner, id = invoiceId, account = accountId) =>
    client.post(`/api/v1/accounts/${account}/invoices/${id}/online-payment`);
  const deliver = ({ payload, signature }: { payload: string; signature?: string }) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/payment-providers/stripe/webhook',
      headers: { 'content-type': 'application/json', ...(signature && { 'stripe-signature': signature }) },
      payload,
    });
  const balance = async () => (await owner.get(`/api/v1/accounts/${accountId}/invoices/${invoiceId}`)).json();
  const sessionOf = (url: string) => url.split('/').at(-1) as string;

  it('opens a checkout for the open amount and books the payment the signed webhook reports, once', async () => {
    expect((await owner.get('/api/v1/payment-methods')).json()).toEqual({ card: true });
    const started = await checkout();
    expect(started.statusCode, started.body).toBe(200);
    const { url } = started.json();
    expect(url).toMatch(`${stripe.baseUrl}/pay/cs_fake_`);
    const sent = stripe.requests.at(-1);
    expect(sent).toMatchObject({
      method: 'POST',
      path: '/v1/checkout/sessions',
      authorization: `Bearer ${stripe.secretKey}`,
    });
    expect(sent?.form).toMatchObject({
      mode: 'payment',
      'line_items[0][price_data][currency]': 'eur',
      'line_items[0][price_data][unit_amount]': '23800',
      'metadata[invoiceId]': invoiceId,
      client_reference_id: invoiceId,
      customer_email: 'justus@jura.test',
    });
    expect(sent?.form.success_url).toContain(`/account/invoices/${invoiceId}?payment=done`);
    expect((await balance()).paymentState).toBe('open');

    const event = stripe.completed(sessionOf(url));
    expect((await deliver(event)).json()).toEqual({ received: true });
    expect(await balance()).toMatchObject({ paidCents: 23_800, openCents: 0, paymentState: 'paid' });
    // Stripe redelivers; a second event for the same session (another event id) books nothing either.
    await deliver(event);
    await deliver(stripe.completed(sessionOf(url)));
    const payments = await t.db.selectFrom('payments').select(['amountCents', 'method']).execute();
    expect(payments).toEqual([{ amountCents: 23_800, method: 'card' }]);
    const row = await t.db
      .selectFrom('onlinePayments')
      .select(['state', 'amountCents'])
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ state: 'paid', amountCents: 23_800 });
    const actions = await t.db
      .selectFrom('auditEvents')
      .select('action')
      .where('action', 'like', 'payment.%')
      .execute();
    expect(actions.map((entry) => entry.action).sort()).toEqual([
      'payment.booked',
      'payment.card_checkout_started',
    ]);
    // Nothing is open any more: no second checkout.
    expect((await checkout()).json().code).toBe('INVOICE_ALREADY_PAID');
  });

  it('believes no webhook without a valid signature, and books no other currency', async () => {
    const session = sessionOf((await checkout()).json().url);
    const forged = stripe.completed(session, {}, { secret: 'whsec_someone_else' });
    const refused = await deliver(forged);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe('WEBHOOK_SIGNATURE_INVALID');
    expect((await deliver({ payload: stripe.completed(session).payload })).statusCode).toBe(400);
    // A body changed after signing: the signature no longer matches.
    const genuine = stripe.completed(session);
    const tampered = {
      ...genuine,
      payload: genuine.payload.replace('"amount_total":23800', '"amount_total":1'),
    };
    expect((await deliver(tampered)).statusCode).toBe(400);
    expect((await balance()).paidCents).toBe(0);

    expect((await deliver(stripe.completed(session, { currency: 'usd' }))).statusCode).toBe(200);
    expect(await balance()).toMatchObject({ paidCents: 0, paymentState: 'open' });
    const refusal = await t.db
      .selectFrom('auditEvents')
      .select('details')
      .where('action', '=', 'payment.card_refused')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(refusal.details ?? '{}')).toMatchObject({
      code: 'PAYMENT_CURRENCY_MISMATCH',
      currency: 'USD',
    });
    // An expired checkout is marked so; unknown events are acknowledged and ignored.
    expect((await deliver(stripe.signedEvent('checkout.session.expired', { id: session }))).statusCode).toBe(
      200,
    );
    expect((await deliver(stripe.signedEvent('customer.created', { id: 'cus_1' }))).json()).toEqual({
      received: true,
    });
    expect((await t.db.selectFrom('onlinePayments').select('state').executeTakeFirstOrThrow()).state).toBe(
      'expired',
    );
  });

  it('offers no card payment for an invoice announced for collection by direct debit', async () => {
    expect((await operator.put('/api/v1/operator/payment-settings', testPaymentSettings)).statusCode).toBe(
      200,
    );
    const mandate = {
      scheme: 'CORE',
      accountHolder: 'Justus Jura',
      iban: 'DE89370400440532013000',
      agreed: true,
    };
    expect((await owner.put(`/api/v1/accounts/${accountId}/sepa-mandate`, mandate)).statusCode).toBe(200);
    const exported = await operator.post('/api/v1/operator/direct-debits/export', {
      collectionDate: '2026-01-12',
    });
    expect(exported.statusCode, exported.body).toBe(200);
    const opened = stripe.requests.length;
    const refused = await checkout();
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('DIRECT_DEBIT_ANNOUNCED');
    expect(stripe.requests).toHaveLength(opened);
  });

  it("checks who may pay: only members with 'pay invoices', only their own account's invoices", async () => {
    const opened = () => stripe.requests.filter((request) => request.path === '/v1/checkout/sessions').length;
    const before = opened();
    const mia = await signedInUser(t.app, owner, accountId, { username: 'mia', email: 'mia@jura.test' });
    expect((await checkout(mia.client)).statusCode).toBe(403);
    const stranger = (
      await signedInOwner(t.app, { email: 'eva@steuer.test', companyName: 'Steuerbüro', username: 'eva' })
    ).client;
    expect((await checkout(stranger, invoiceId, await accountIdOf(stranger))).statusCode).toBe(404);
    expect((await checkout(stranger)).statusCode).toBe(404);
    expect(opened()).toBe(before);
  });
});

describeEachDatabase('card payment switched off', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp({ db: dialect });
  });
  afterEach(() => t.close());

  it('says so, and ignores webhooks', async () => {
    const owner = (await signedInOwner(t.app)).client;
    const accountId = await accountIdOf(owner);
    expect((await owner.get('/api/v1/payment-methods')).json()).toEqual({ card: false });
    const started = await owner.post(
      `/api/v1/accounts/${accountId}/invoices/00000000-0000-0000-0000-000000000000/online-payment`,
    );
    expect(started.statusCode).toBe(409);
    expect(started.json().code).toBe('CARD_PAYMENT_NOT_CONFIGURED');
    const webhook = await t.app.inject({
      method: 'POST',
      url: '/api/v1/payment-providers/stripe/webhook',
      headers: { 'content-type': 'application/json' },
      payload: '{}',
    });
    expect(webhook.statusCode).toBe(409);
  });
});
