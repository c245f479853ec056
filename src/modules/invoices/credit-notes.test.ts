// B2: an operator credits an invoice, whole or chosen lines, with a reason; credit notes have their own
// series, never take back more than is left (also VAT after rounding, also when two are issued at once),
// leave the invoice as it was, are audited and e-mailed to the invoice category.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildTestApp, describeEachDatabase, type TestApp } from '../../../test/helpers/build-test-app.ts';
import {
  accountIdOf,
  signedInOperator,
  signedInOwner,
  type TestClient,
} from '../../../test/helpers/test-client.ts';
import { insertService, insertUsage, testSeller, type UsageUser, usersOf } from './invoice-test-data.ts';

describeEachDatabase('credit notes', (dialect) => {
  let t: TestApp;
  let owner: TestClient;
  let operator: TestClient;
  let accountId: string;
  let invoice: { id: string; number: string; lines: { id: string; quantity: number; netCents: number }[] };
  beforeEach(async () => {
    t = await buildTestApp({ db: dialect });
    owner = (await signedInOwner(t.app)).client;
    accountId = await accountIdOf(owner);
    operator = (await signedInOperator(t.app)).client;
    await operator.request({ method: 'PUT', url: '/api/v1/operator/provider/seller', payload: testSeller });
    const [justus] = (await usersOf(t.db, accountId)) as [UsageUser];
    const lookup = await insertService(t.db, { code: 'address-lookup', netCents: 150 });
    const ping = await insertService(t.db, { code: 'ping', netCents: 1 });
    const use = (serviceId: string, unitNetCents: number, quantity: number) =>
      insertUsage(t.db, {
        accountId,
        user: justus,
        serviceId,
        unitNetCents,
        quantity,
        occurredAt: '2025-12-10T10:00:00Z',
      });
    await use(lookup, 150, 3); // 450 net
    await use(ping, 1, 100); // 100 net
    await t.app.kontor.services.invoiceRun.run({ month: '2025-12' });
    const [listed] = (await owner.get(`/api/v1/accounts/${accountId}/invoices`)).json().items;
    invoice = (await operator.get(`/api/v1/operator/invoices/${listed.id}`)).json();
  });
  afterEach(() => t.close());

  const credit = (body: object, invoiceId = invoice.id) =>
    operator.post(`/api/v1/operator/invoices/${invoiceId}/credit-notes`, body);
  const pingLine = () => invoice.lines[1] as { id: string };

  it('credits a whole invoice in its own series and leaves the invoice as it was', async () => {
    const before = await t.db
      .selectFrom('invoices')
      .selectAll()
      .where('id', '=', invoice.id)
      .executeTakeFirst();
    const issued = await credit({ reason: 'Doppelt abgerechnet' });
    expect(issued.statusCode, issued.body).toBe(201);
    expect(issued.json()).toMatchObject({
      kind: 'credit_note',
      number: 'G-2026-000001',
      correctsNumber: invoice.number,
      reason: 'Doppelt abgerechnet',
      netCents: 550,
      vatCents: 105, // as the invoice: 19 % of 550 = 104.5, rounded up
      grossCents: 655,
      periodFrom: '2025-12-01',
    });
    expect(
      issued
        .json()
        .lines.map((line: { quantity: number; netCents: number }) => [line.quantity, line.netCents]),
    ).toEqual([
      [3, 450],
      [100, 100],
    ]);
    expect(
      await t.db.selectFrom('invoices').selectAll().where('id', '=', invoice.id).executeTakeFirst(),
    ).toEqual(before);
    const list = (await owner.get(`/api/v1/accounts/${accountId}/invoices`)).json().items;
    expect(list.map((item: { number: string; kind: string }) => [item.kind, item.number])).toEqual([
      ['credit_note', 'G-2026-000001'],
      ['invoice', '2026-000001'],
    ]);
    const again = await credit({ reason: 'Noch einmal' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('CREDIT_NOTE_EXCEEDS_INVOICE');
    const ofCredit = await credit({ reason: 'x' }, issued.json().id);
    expect(ofCredit.json().code).toBe('CREDIT_NOTE_OF_CREDIT_NOTE');

    const mail = await t.db
      .selectFrom('outboxEmails')
      .selectAll()
      .where('subject', 'like', 'Gutschrift%')
      .execute();
    expect(mail.map((row) => [row.toAddress, row.subject])).toEqual([
      ['justus@jura.test', `Gutschrift G-2026-000001 zur Rechnung ${invoice.number}`],
    ]);
    expect(mail[0]?.textBody).toContain('Doppelt abgerechnet');
    const audit = await t.db
      .selectFrom('auditEvents')
      .select(['action', 'actorType', 'accountId', 'details'])
      .where('action', '=', 'invoice.credit_note_issued')
      .execute();
    expect(audit).toMatchObject([{ actorType: 'operator', accountId }]);
    expect(JSON.parse(audit[0]?.details ?? '{}')).toMatchObject({
      number: 'G-2026-000001',
      reason: 'Doppelt abgerechnet',
    });
  });

  it('credits chosen lines and quantities, never more than is left, and VAT never past the invoice’s', async () => {
    const first = await credit({ reason: 'Teil', lines: [{ lineId: pingLine().id, quantity: 50 }] });
    expect(first.json()).toMatchObject({ netCents: 50, vatCents: 10 }); // 9.5 ct, rounded up
    const tooMuch = await credit({ reason: 'Zu viel', lines: [{ lineId: pingLine().id, quantity: 51 }] });
    expect(tooMuch.statusCode).toBe(409);
    expect(tooMuch.json().details).toEqual([expect.objectContaining({ field: 'lines.0.quantity' })]);
    const left = (await operator.get(`/api/v1/operator/invoices/${invoice.id}`)).json();
    expect(left.lines.map((line: { creditableQuantity: number }) => line.creditableQuantity)).toEqual([
      3, 50,
    ]);
    const rest = await credit({ reason: 'Rest', lines: [{ lineId: pingLine().id }] });
    expect(rest.json()).toMatchObject({ number: 'G-2026-000002', netCents: 50, vatCents: 10 });
    // 19 % of 450 is 85.5 and would round to 86; the invoice's 105 leave 85 after the two times 10.
    const all = await credit({ reason: 'Alles' });
    expect(all.json()).toMatchObject({ netCents: 450, vatCents: 85 });
    expect(all.json().lines).toMatchObject([{ id: expect.any(String), quantity: 3 }]);
    const notes = await t.db
      .selectFrom('invoices')
      .select(['netCents', 'vatCents'])
      .where('kind', '=', 'credit_note')
      .execute();
    expect(notes.reduce((sum, note) => sum + note.vatCents, 0)).toBe(105); // the invoice's VAT, not a cent more
    expect(notes.reduce((sum, note) => sum + note.netCents, 0)).toBe(550);
    expect((await credit({ reason: 'Nichts mehr' })).statusCode).toBe(409);
    const unknown = await credit({
      reason: 'x',
      lines: [{ lineId: '00000000-0000-0000-0000-000000000000' }],
    });
    expect(unknown.statusCode).toBe(404);
    expect((await credit({ reason: 'x' }, '00000000-0000-0000-0000-000000000000')).statusCode).toBe(404);
  });

  it('issues one of two whole credit notes asked for at once', async () => {
    const answers = await Promise.all([credit({ reason: 'A' }), credit({ reason: 'B' })]);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([201, 409]);
    const notes = await t.db
      .selectFrom('invoices')
      .select('number')
      .where('kind', '=', 'credit_note')
      .execute();
    expect(notes).toEqual([{ number: 'G-2026-000001' }]);
    const series = await t.db.selectFrom('invoiceNumberSeries').selectAll().orderBy('kind').execute();
    expect(series).toEqual([
      { kind: 'credit_note', year: 2026, lastNumber: 1 },
      { kind: 'invoice', year: 2026, lastNumber: 1 },
    ]);
  });
});
