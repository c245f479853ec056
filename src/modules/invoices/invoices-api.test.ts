// B3: members with "view invoices" list their invoices, read one with its lines and appendix, download the
// usage behind it and see the running month's preview; operators see the runs and bill a month; nobody
// else sees anything, and no account sees another's invoices. The test clock stands on 5 January 2026:
// December 2025 is closed, January is the running month.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildTestApp, describeEachDatabase, type TestApp } from '../../../test/helpers/build-test-app.ts';
import {
  accountIdOf,
  signedInOperator,
  signedInOwner,
  signedInUser,
  TestClient,
} from '../../../test/helpers/test-client.ts';
import { insertService, insertUsage, testSeller, type UsageUser, usersOf } from './invoice-test-data.ts';

describeEachDatabase('invoices in the portal', (dialect) => {
  let t: TestApp;
  let owner: TestClient;
  let operator: TestClient;
  let accountId: string;
  let base: string;
  let justus: UsageUser;
  let lookup: string;
  beforeEach(async () => {
    t = await buildTestApp({ db: dialect });
    owner = (await signedInOwner(t.app)).client;
    accountId = await accountIdOf(owner);
    base = `/api/v1/accounts/${accountId}`;
    [justus] = (await usersOf(t.db, accountId)) as [UsageUser];
    operator = (await signedInOperator(t.app, { locale: 'de' })).client; // answers in German
    lookup = await insertService(t.db, { code: 'address-lookup', name: 'Adressauskunft', netCents: 150 });
  });
  afterEach(() => t.close());

  const use = (occurredAt: string, extra: object = {}) =>
    insertUsage(t.db, {
      accountId,
      user: justus,
      serviceId: lookup,
      occurredAt,
      unitNetCents: 150,
      ...extra,
    });
  const setSeller = (body: object = testSeller) =>
    operator.request({ method: 'PUT', url: '/api/v1/operator/provider/seller', payload: body });
  const runMonth = (month: string, client = operator) =>
    client.request({ method: 'POST', url: '/api/v1/operator/invoice-runs', payload: { month } });

  it('previews the running month, bills the closed one through the operator, lists and details it', async () => {
    expect((await setSeller()).statusCode).toBe(200);
    await use('2025-12-10T10:00:00Z', { reference: 'Musterweg 1, 10115 Berlin' });
    await use('2025-12-11T10:00:00Z', { quantity: 2, reference: '=HYPERLINK("x")' });
    await use('2026-01-02T10:00:00Z');
    const preview = (await owner.get(`${base}/invoice-preview`)).json();
    // Everything not yet invoiced: January so far, and December on a dated line of its own.
    expect(preview).toMatchObject({
      month: '2026-01',
      events: 3,
      netCents: 600,
      vatCents: 114,
      grossCents: 714,
    });
    expect(preview.lines).toMatchObject([
      { serviceCode: 'address-lookup', quantity: 1, periodFrom: null },
      { serviceCode: 'address-lookup', quantity: 3, periodFrom: '2025-12-01', periodTo: '2025-12-31' },
    ]);
    expect(preview.appendix).toMatchObject([{ userNumber: justus.userNumber, quantity: 4, netCents: 600 }]);
    expect((await owner.get(`${base}/invoices`)).json().items).toEqual([]); // a preview has no number

    const ran = await runMonth('2025-12');
    expect(ran.statusCode, ran.body).toBe(200);
    expect(ran.json()).toMatchObject({ issued: 1, firstNumber: '2026-000001', lastNumber: '2026-000001' });
    const list = (await owner.get(`${base}/invoices`)).json();
    expect(list.items).toMatchObject([
      {
        kind: 'invoice',
        number: '2026-000001',
        issueDate: '2026-01-05',
        periodFrom: '2025-12-01',
        periodTo: '2025-12-31',
        netCents: 450,
        grossCents: 536,
      },
    ]);
    const id = list.items[0].id;
    const detail = (await owner.get(`${base}/invoices/${id}`)).json();
    expect(detail.lines).toMatchObject([{ quantity: 3, netCents: 450, creditableQuantity: 3 }]);
    expect(detail.vatBreakdown).toEqual([{ vatRateBp: 1900, netCents: 450, vatCents: 86 }]);
    expect(detail.appendix).toEqual([
      {
        userNumber: justus.userNumber,
        userName: justus.name,
        serviceCode: 'address-lookup',
        description: 'Adressauskunft (de)',
        quantity: 3,
        netCents: 450,
      },
    ]);
    expect(detail.seller).toMatchObject({ name: 'Muster Hosting GmbH', vatId: 'DE123456789' });
    expect(detail.buyer).toMatchObject({ name: 'Kanzlei Jura & Partner' });
    expect((await owner.get(`${base}/invoice-preview`)).json()).toMatchObject({ events: 1, netCents: 150 });

    const csv = await owner.get(`${base}/invoices/${id}/usage.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="2026-000001-usage.csv"');
    expect(csv.headers['cache-control']).toBe('no-store');
    const rows = csv.body.replace('\uFEFF', '').trim().split('\r\n');
    expect(rows[0]).toBe(
      'Zeitpunkt;Abrechnungsmonat;Benutzernummer;Benutzer;Dienst;Bezeichnung;Anfrage;Menge;Einzelpreis netto (EUR);Netto (EUR);USt-Satz (%)',
    );
    expect(rows.slice(1)).toEqual([
      `2025-12-10 11:00:00;2025-12;${justus.userNumber};${justus.name};address-lookup;Adressauskunft (de);Musterweg 1, 10115 Berlin;1;1,50;1,50;19,00`,
      `2025-12-11 11:00:00;2025-12;${justus.userNumber};${justus.name};address-lookup;Adressauskunft (de);"'=HYPERLINK(""x"")";2;1,50;3,00;19,00`,
    ]);
    await owner.request({ method: 'PATCH', url: '/api/v1/me', payload: { locale: 'en' } });
    const english = (await owner.get(`${base}/invoices/${id}/usage.csv`)).body.split('\r\n');
    expect(english[0]).toBe(
      '\uFEFFTime,Billing month,User number,User,Service,Description,Request,Quantity,Unit price net (EUR),Net (EUR),VAT rate (%)',
    );
    expect(english[1]).toContain(',"Musterweg 1, 10115 Berlin",1,1.50,1.50,19.00');

    const runs = (await operator.get('/api/v1/operator/invoice-runs')).json();
    expect(runs.items).toEqual([
      expect.objectContaining({ month: '2026-01', state: 'open', invoices: 0, waitingAccounts: 1 }),
      expect.objectContaining({
        month: '2025-12',
        state: 'closed',
        invoices: 1,
        grossCents: 536,
        waitingAccounts: 0,
      }),
    ]);
    const ofAccount = (await operator.get(`/api/v1/operator/accounts/${accountId}/invoices`)).json();
    expect(ofAccount.items.map((item: { number: string }) => item.number)).toEqual(['2026-000001']);
    const audit = await t.db
      .selectFrom('auditEvents')
      .select(['action', 'actorType'])
      .where('action', '=', 'invoice.run')
      .execute();
    expect(audit).toEqual([{ action: 'invoice.run', actorType: 'operator' }]);
  });

  it('refuses the run, in the operator’s language, while the seller is incomplete or the month still open', async () => {
    await use('2025-12-10T10:00:00Z');
    const refused = await runMonth('2025-12');
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'INVOICE_SELLER_INCOMPLETE' });
    expect(refused.json().message).toContain('Rechnungen können noch nicht ausgestellt werden');
    expect(refused.json().details.map((detail: { field: string }) => detail.field)).toEqual([
      'name',
      'street',
      'postalCode',
      'city',
      'country',
      'email',
      'vatId',
    ]);
    const country = await setSeller({ ...testSeller, country: 'XX' });
    expect(country.statusCode).toBe(400);
    expect(country.json().details).toEqual([expect.objectContaining({ field: 'country' })]);
    expect((await setSeller({ ...testSeller, country: 'de', vatId: 'de 123 456 789' })).json()).toMatchObject(
      {
        country: 'DE',
        vatId: 'DE123456789',
      },
    );
    expect((await operator.get('/api/v1/operator/provider/seller')).json()).toMatchObject({
      name: 'Muster Hosting GmbH',
    });
    const open = await runMonth('2026-01');
    expect(open.statusCode).toBe(409);
    expect(open.json()).toMatchObject({
      code: 'INVOICE_MONTH_OPEN',
      message: 'Der Monat 2026-01 läuft noch. Er kann ab dem 2026-02-01 abgerechnet werden.',
    });
    expect((await runMonth('2026-1')).statusCode).toBe(400);
    expect(await t.db.selectFrom('invoices').select('id').execute()).toEqual([]);
  });

  it('shows invoices only with "view invoices", runs and the seller only to operators, nothing across accounts', async () => {
    await setSeller();
    await use('2025-12-10T10:00:00Z');
    const other = await signedInOwner(t.app, {
      email: 'chef@andere.test',
      companyName: 'Andere GmbH',
      username: 'chef',
    });
    const otherId = await accountIdOf(other.client);
    const [chef] = (await usersOf(t.db, otherId)) as [UsageUser];
    await insertUsage(t.db, {
      accountId: otherId,
      user: chef,
      serviceId: lookup,
      occurredAt: '2025-12-12T10:00:00Z',
      unitNetCents: 150,
    });
    await t.app.kontor.services.invoiceRun.run({ month: '2025-12' });
    const [mine] = (await owner.get(`${base}/invoices`)).json().items;
    const [theirs] = (await other.client.get(`/api/v1/accounts/${otherId}/invoices`)).json().items;
    expect(mine.number).not.toBe(theirs.number);

    const viewer = await signedInUser(t.app, owner, accountId, { username: 'mia', email: 'mia@jura.test' });
    const plain = await signedInUser(t.app, owner, accountId, { username: 'max', email: 'max@jura.test' });
    await owner.put(`${base}/users/${viewer.user.id}/permissions`, { permissions: ['invoices.view'] });
    const paths = ['invoices', `invoices/${mine.id}`, `invoices/${mine.id}/usage.csv`, 'invoice-preview'];
    for (const path of paths) {
      expect((await viewer.client.get(`${base}/${path}`)).statusCode, path).toBe(200);
      expect((await plain.client.get(`${base}/${path}`)).statusCode, path).toBe(403);
      expect((await new TestClient(t.app).get(`${base}/${path}`)).statusCode, path).toBe(401);
      expect((await operator.get(`${base}/${path}`)).statusCode, path).toBe(401);
    }
    // Another account's invoice through one's own account: as if it did not exist.
    for (const path of [
      `invoices/${theirs.id}`,
      `invoices/${theirs.id}/usage.csv`,
      `invoices/${theirs.id}/pdf`,
    ]) {
      expect((await owner.get(`${base}/${path}`)).statusCode, path).toBe(404);
    }
    expect((await owner.get(`/api/v1/accounts/${otherId}/invoices`)).statusCode).toBe(404);
    for (const url of [
      '/api/v1/operator/invoice-runs',
      '/api/v1/operator/provider/seller',
      `/api/v1/operator/invoices/${mine.id}`,
    ]) {
      expect((await owner.get(url)).statusCode, url).toBe(401);
    }
    expect((await runMonth('2025-12', owner)).statusCode).toBe(401);
    expect(
      (await owner.request({ method: 'PUT', url: '/api/v1/operator/provider/seller', payload: testSeller }))
        .statusCode,
    ).toBe(401);
    const credit = await owner.post(`/api/v1/operator/invoices/${mine.id}/credit-notes`, { reason: 'x' });
    expect(credit.statusCode).toBe(401);
  });
});
