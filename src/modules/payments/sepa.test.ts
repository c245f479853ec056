// P3: SEPA direct debit. A member with "pay invoices" gives the account's mandate (text in their language,
// IBAN checked, one active per account); operators export what is due as pain.008.001.02, read back here,
// each collection announced by e-mail; the bank's credit for it is then matched by its end-to-end id.
// The test clock stands on 5 January 2026; December 2025 is billed (238.00 gross).
import { XMLParser } from 'fast-xml-parser';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildTestApp, describeEachDatabase, type TestApp } from '../../../test/helpers/build-test-app.ts';
import { asUpload, camt053 } from '../../../test/helpers/camt-statements.ts';
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

const mandate = {
  scheme: 'CORE',
  accountHolder: 'Kanzlei Jura & Partner',
  iban: 'DE89 3704 0044 0532 0130 00',
  bic: 'COBADEFFXXX',
  agreed: true,
};

describeEachDatabase('SEPA direct debit', (dialect) => {
  let t: TestApp;
  let owner: TestClient;
  let operator: TestClient;
  let accountId: string;
  let path: string;
  let serviceId: string;
  beforeEach(async () => {
    t = await buildTestApp({ db: dialect });
    owner = (await signedInOwner(t.app)).client;
    accountId = await accountIdOf(owner);
    path = `/api/v1/accounts/${accountId}/sepa-mandate`;
    operator = (await signedInOperator(t.app)).client;
    expect((await operator.put('/api/v1/operator/provider/seller', testSeller)).statusCode).toBe(200);
    serviceId = await insertService(t.db, { code: 'address-lookup', netCents: 10_000 });
  });
  afterEach(() => t.close());

  const configure = () => operator.put('/api/v1/operator/payment-settings', testPaymentSettings);
  /** One month of usage for the account, billed: 238.00 gross. */
  const bill = async (month: string, id = accountId) => {
    const [user] = (await usersOf(t.db, id)) as [UsageUser];
    await insertUsage(t.db, {
      accountId: id,
      user,
      serviceId,
      unitNetCents: 10_000,
      quantity: 2,
      occurredAt: `${month}-10T10:00:00Z`,
    });
    await t.app.kontor.services.invoiceRun.run({ month });
    return t.db
      .selectFrom('invoices')
      .select(['id', 'number'])
      .where('accountId', '=', id)
      .where('billingMonth', '=', month)
      .executeTakeFirstOrThrow();
  };
  const exportOn = (collectionDate: string) =>
    operator.post('/api/v1/operator/direct-debits/export', { collectionDate });
  const codes = (response: Awaited<ReturnType<TestClient['put']>>) => {
    const body = response.json();
    return [body.code, ...(body.details ?? []).map((detail: { code: string }) => detail.code)];
  };

  it('gives a mandate with the text in the member’s language, replaces and revokes it, all on record', async () => {
    expect((await owner.get(path)).json()).toEqual({ mandate: null, offer: null });
    const early = await owner.put(path, mandate);
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('DIRECT_DEBIT_NOT_CONFIGURED');
    expect((await configure()).statusCode).toBe(200);

    const { customerNumber } = await t.db
      .selectFrom('accounts')
      .select('customerNumber')
      .where('id', '=', accountId)
      .executeTakeFirstOrThrow();
    const offer = (await owner.get(path)).json().offer;
    expect(offer).toMatchObject({ creditorId: 'DE98ZZZ09999999999', reference: `KNT-${customerNumber}-1` });
    expect(offer.texts.B2B).toContain('nur dem Einzug von Lastschriften, die auf Konten von Unternehmen');

    const given = await owner.put(path, mandate);
    expect(given.statusCode, given.body).toBe(200);
    expect(given.json()).toMatchObject({
      reference: `KNT-${customerNumber}-1`,
      scheme: 'CORE',
      iban: 'DE89 3704 0044 0532 0130 00',
      signedOn: '2026-01-05',
      language: 'de',
      revokedAt: null,
    });
    const text = given.json().mandateText as string;
    expect(text).toContain('SEPA-Lastschriftmandat');
    expect(text).toContain('Ich ermächtige / Wir ermächtigen Kontor Online-Dienste GmbH');
    expect(text).toContain(`Mandatsreferenz: KNT-${customerNumber}-1`);
    expect(text).toContain('Gläubiger-Identifikationsnummer: DE98ZZZ09999999999');

    // A new mandate (another bank) replaces the active one; the old stays, revoked.
    const replaced = await owner.put(path, {
      ...mandate,
      scheme: 'B2B',
      iban: 'AT61 1904 3002 3457 3201',
      bic: null,
    });
    expect(replaced.json()).toMatchObject({ reference: `KNT-${customerNumber}-2`, scheme: 'B2B' });
    const listed = (await operator.get('/api/v1/operator/sepa-mandates')).json().items;
    expect(
      listed.map((item: { reference: string; revokedAt: string | null }) => [
        item.reference,
        item.revokedAt === null,
      ]),
    ).toEqual([
      [`KNT-${customerNumber}-2`, true],
      [`KNT-${customerNumber}-1`, false],
    ]);
    expect((await owner.delete(path)).json()).toEqual({ revoked: true });
    expect((await owner.get(path)).json().mandate).toBeNull();
    expect((await owner.delete(path)).statusCode).toBe(404);
    const actions = await t.db
      .selectFrom('auditEvents')
      .select('action')
      .where('accountId', '=', accountId)
      .where('action', 'like', 'sepa_mandate.%')
      .execute();
    // Two given, two revoked (the replaced one and the last); the test clock stands still, so no order.
    expect(actions.map((row) => row.action).sort()).toEqual([
      'sepa_mandate.given',
      'sepa_mandate.given',
      'sepa_mandate.revoked',
      'sepa_mandate.revoked',
    ]);
  });

  it('refuses bad IBANs, a foreign BIC, a mandate not agreed to, other accounts and missing rights', async () => {
    await configure();
    const refused = async (body: object, code: string) => {
      const response = await owner.put(path, { ...mandate, ...body });
      expect(response.statusCode, response.body).toBe(400);
      expect(codes(response)).toContain(code);
      expect(response.json().message).toBeTruthy();
    };
    await refused({ iban: 'DE89 3704 0044 0532 0130 01' }, 'IBAN_INVALID'); // check digits
    await refused({ iban: 'XX89 3704 0044 0532 0130 00' }, 'IBAN_INVALID'); // no such country
    await refused({ iban: 'BR18 0036 0305 0000 1000 9795 493C 1', bic: null }, 'IBAN_INVALID'); // not SEPA
    await refused({ bic: 'BKAUATWW' }, 'BIC_INVALID'); // an Austrian bank for a German IBAN
    await refused({ accountHolder: ' ' }, 'ACCOUNT_HOLDER_REQUIRED');
    await refused({ agreed: false }, 'MANDATE_NOT_AGREED');
    expect(await t.db.selectFrom('sepaMandates').select('id').execute()).toEqual([]);

    const mia = await signedInUser(t.app, owner, accountId, { username: 'mia', email: 'mia@jura.test' });
    expect((await mia.client.put(path, mandate)).statusCode).toBe(403);
    const stranger = (
      await signedInOwner(t.app, { email: 'eva@steuer.test', companyName: 'Steuerbüro', username: 'eva' })
    ).client;
    expect((await stranger.put(path, mandate)).statusCode).toBe(404);
    expect((await stranger.get(path)).statusCode).toBe(404);
    expect(await t.db.selectFrom('sepaMandates').select('id').execute()).toEqual([]);
  });

  it('exports due collections as pain.008, announces each, and the bank’s credit pays the invoice', async () => {
    await configure();
    const december = await bill('2025-12');
    expect((await owner.put(path, mandate)).statusCode).toBe(200);
    const overview = (await operator.get('/api/v1/operator/direct-debits')).json();
    expect(overview).toMatchObject({
      earliestCollectionDate: '2026-01-10',
      due: [{ invoiceId: december.id, openCents: 23_800, sequenceType: 'FRST', scheme: 'CORE' }],
    });
    expect(codes(await exportOn('2026-01-09'))).toContain('COLLECTION_DATE_TOO_EARLY');
    expect(codes(await exportOn('2026-02-30'))).toContain('COLLECTION_DATE_INVALID');
    expect(await t.db.selectFrom('directDebitCollections').select('id').execute()).toEqual([]);

    const exported = await exportOn('2026-01-12');
    expect(exported.statusCode, exported.body).toBe(200);
    expect(exported.json()).toMatchObject({ count: 1, totalCents: 23_800, collectionDate: '2026-01-12' });
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false });
    const pain = parser.parse(exported.json().xml).Document;
    expect(pain['@xmlns']).toBe('urn:iso:std:iso:20022:tech:xsd:pain.008.001.02');
    const { GrpHdr, PmtInf } = pain.CstmrDrctDbtInitn;
    expect(GrpHdr).toMatchObject({ MsgId: exported.json().messageId, NbOfTxs: '1', CtrlSum: '238.00' });
    expect(PmtInf).toMatchObject({
      PmtMtd: 'DD',
      PmtTpInf: { LclInstrm: { Cd: 'CORE' }, SeqTp: 'FRST' },
      ReqdColltnDt: '2026-01-12',
      Cdtr: { Nm: 'Kontor Online-Dienste GmbH' },
      CdtrAcct: { Id: { IBAN: 'DE02120300000000202051' } },
      CdtrSchmeId: { Id: { PrvtId: { Othr: { Id: 'DE98ZZZ09999999999' } } } },
    });
    const { customerNumber } = await t.db
      .selectFrom('accounts')
      .select('customerNumber')
      .where('id', '=', accountId)
      .executeTakeFirstOrThrow();
    expect(PmtInf.DrctDbtTxInf).toMatchObject({
      PmtId: { EndToEndId: december.number },
      InstdAmt: { '@Ccy': 'EUR', '#text': '238.00' },
      DrctDbtTx: { MndtRltdInf: { MndtId: `KNT-${customerNumber}-1`, DtOfSgntr: '2026-01-05' } },
      DbtrAgt: { FinInstnId: { BIC: 'COBADEFFXXX' } },
      Dbtr: { Nm: 'Kanzlei Jura & Partner' },
      DbtrAcct: { Id: { IBAN: 'DE89370400440532013000' } },
    });
    // The pre-notification reached the account's primary address, in German.
    const notices = await t.db
      .selectFrom('outboxEmails')
      .select(['toAddress', 'subject', 'textBody'])
      .where('subject', 'like', 'Lastschrift am%')
      .execute();
    expect(notices).toHaveLength(1);
    expect(notices[0]?.subject).toBe(`Lastschrift am 12.01.2026: Rechnung ${december.number}`);
    expect(notices[0]?.textBody).toMatch(/Betrag: 238,00\s€/u);
    expect(notices[0]?.textBody).toContain('DE89 … 3000');
    // The invoice page says it will be collected, and offers no GiroCode to pay it twice.
    const transfer = (
      await owner.get(`/api/v1/accounts/${accountId}/invoices/${december.id}/bank-transfer`)
    ).json();
    expect(transfer).toMatchObject({
      directDebit: {
        collectionDate: '2026-01-12',
        amountCents: 23_800,
        mandateReference: `KNT-${customerNumber}-1`,
      },
      qrSvg: null,
      epcPayload: null,
    });
    // Nothing is collected twice; the next invoice of the mandate is a recurring collection.
    expect(codes(await exportOn('2026-01-12'))).toContain('NO_DIRECT_DEBITS_DUE');
    const november = await bill('2025-11');
    const next = (await operator.get('/api/v1/operator/direct-debits')).json();
    expect(next.due).toMatchObject([{ invoiceId: november.id, sequenceType: 'RCUR' }]);
    const recurring = parser.parse((await exportOn('2026-01-20')).json().xml).Document.CstmrDrctDbtInitn;
    expect(recurring.PmtInf.PmtTpInf.SeqTp).toBe('RCUR');

    // The bank credits the collection; its end-to-end id names the invoice.
    const credit = camt053({ entries: [{ amount: '238.00', endToEndId: december.number, remittance: [] }] });
    const imported = await operator.post('/api/v1/operator/bank-statements', asUpload(credit));
    expect(imported.json()).toMatchObject({ matched: 1 });
    const list = (await owner.get(`/api/v1/accounts/${accountId}/invoices`)).json().items;
    expect(list.find((item: { id: string }) => item.id === december.id)).toMatchObject({
      paymentState: 'paid',
    });
  });

  it('sends no payment reminder for an invoice while its announced direct debit is pending', async () => {
    await configure();
    const december = await bill('2025-12');
    await owner.put(path, mandate);
    // Due on 19 January; the first reminder would go out on the 26th, the collection comes on the 28th.
    expect((await exportOn('2026-01-28')).statusCode).toBe(200);
    const november = await bill('2025-11');
    t.clock.advance(new Date('2026-01-27T09:00:00Z').getTime() - t.clock.now().getTime());
    const reminders = t.app.kontor.services.payments.reminders;
    expect(await reminders.runReminders()).toEqual({ sent: 1 });
    const reminded = await t.db.selectFrom('paymentReminders').select('invoiceId').execute();
    expect(reminded).toEqual([{ invoiceId: november.id }]);
    // A week after the collection date nothing was booked (the debit bounced): reminders resume.
    t.clock.advance(new Date('2026-02-05T09:00:00Z').getTime() - t.clock.now().getTime());
    await reminders.runReminders();
    const now = await t.db
      .selectFrom('paymentReminders')
      .select('invoiceId')
      .where('level', '=', 1)
      .execute();
    expect(now.map((row) => row.invoiceId).sort()).toEqual([december.id, november.id].sort());
  });

  it("leaves a credit from a payer who holds another account's mandate for the operator", async () => {
    await configure();
    await owner.put(path, mandate);
    const other = (await signedInOwner(t.app, { email: 'eva@steuer.test', companyName: 'Steuerbüro' }))
      .client;
    const theirs = await bill('2025-12', await accountIdOf(other));
    const credit = camt053({
      entries: [{ amount: '238.00', debtorIban: 'DE89370400440532013000', remittance: [theirs.number] }],
    });
    const imported = await operator.post('/api/v1/operator/bank-statements', asUpload(credit));
    expect(imported.json()).toMatchObject({ matched: 0, items: [{ reason: 'mandate_of_other_account' }] });
  });
});
