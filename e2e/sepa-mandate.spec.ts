// Issue 15, item 3: a Hungarian owner (who holds "pay invoices") gives the account's SEPA mandate on the
// invoices page, with the mandate text in Hungarian; a wrong IBAN is refused first and nothing is lost. The
// operator (German) exports the due collection on "Lastschriften": the pain.008 file downloads with the
// mandate, and the owner receives the pre-notification in Hungarian.
import { readFile } from 'node:fs/promises';
import { documentLanguage } from '../src/modules/invoices/documents/format.ts';
import { testSeller } from '../src/modules/invoices/invoice-test-data.ts';
import { chromiumMissing, chromiumMissingReason } from './chromium.ts';
import { putOffExpressSetup } from './express-setup-later.ts';
import { expect, field, serverMessage, test, webText } from './fixtures.ts';
import { callAs, lastMonthInvoice } from './last-month-invoice.ts';
import { type Seed, seedPortal } from './seed.ts';

test.use({ kontorServer: 'sepa-mandate', locale: 'hu-HU' });
test.skip(chromiumMissing, chromiumMissingReason);
test.setTimeout(90_000);

const operator = {
  name: 'Olga Operatorin',
  email: 'olga@lastschrift.example',
  password: 'Lavendel Brücke Abend 31',
};
const owner = {
  email: 'eva@kovacs-beszedes.example',
  password: 'Kastanie Leuchtturm Morgen 47',
  username: 'eva',
  company: 'Kovács és Társa Kft.',
  locale: 'hu' as const,
};
const hu = (key: string, params?: Record<string, string | number>) => webText('hu', key, params);
const de = (key: string, params?: Record<string, string | number>) => webText('de', key, params);

let seed: Seed;
let accountId: string;
test.beforeAll(async ({ kontor, playwright }) => {
  seed = await seedPortal(playwright, kontor, operator);
  accountId = await seed.registerOwner(owner);
});
test.afterAll(async () => {
  await seed?.dispose();
});

test('an owner gives a SEPA mandate; the operator exports the collection and the owner is notified', async ({
  page,
  kontor,
  browser,
}) => {
  await callAs(seed.operatorApi, 'put', '/api/v1/operator/provider/seller', testSeller);
  await callAs(seed.operatorApi, 'put', '/api/v1/operator/payment-settings', {
    bankAccountHolder: 'Muster Hosting GmbH',
    iban: 'DE02 1203 0000 0000 2020 51',
    bic: 'BYLADEM1001',
    creditorId: 'DE98ZZZ09999999999',
    firstReminderDays: 7,
    secondReminderDays: 14,
    directDebitNoticeDays: 5,
  });
  const invoice = await lastMonthInvoice(kontor, seed.operatorApi, accountId);

  await page.goto(`${kontor.baseUrl}/sign-in`);
  await field(page, hu('signIn.email')).fill(owner.email);
  await field(page, hu('signIn.password')).fill(owner.password);
  await page.getByRole('button', { name: hu('signIn.submit'), exact: true }).click();
  await putOffExpressSetup(page, 'hu');
  await page.goto(`${kontor.baseUrl}/account/invoices`);
  const section = page.getByRole('region', { name: hu('sepaMandate.title') });
  await expect(section).toContainText('Muster Hosting GmbH kedvezményezettet');
  await section.getByRole('radio', { name: hu('sepaMandate.schemes.B2B') }).check();
  await expect(section).toContainText('kizárólag vállalkozások közötti ügyletekre');
  await field(section, hu('sepaMandate.accountHolder')).fill('Kovács és Társa Kft.');
  await field(section, hu('payments.iban')).fill('DE89 3704 0044 0532 0130 01');
  await section.getByRole('checkbox', { name: hu('sepaMandate.agree') }).check();
  await section.getByRole('button', { name: hu('sepaMandate.give') }).click();
  await expect(section.getByText(serverMessage('hu', 'IBAN_INVALID'))).toBeVisible();
  // The mistake is corrected in place: the holder and the agreement are still filled in.
  await expect(field(section, hu('sepaMandate.accountHolder'))).toHaveValue('Kovács és Társa Kft.');
  await field(section, hu('payments.iban')).fill('DE89 3704 0044 0532 0130 00');
  await section.getByRole('button', { name: hu('sepaMandate.give') }).click();
  await expect(page.getByText(hu('sepaMandate.given'))).toBeVisible();
  await expect(section.getByText(hu('sepaMandate.active'))).toBeVisible();
  const reference =
    (await section.getByRole('row', { name: hu('sepaMandate.reference') }).textContent()) ?? '';
  const mandateId = /KNT-[\d-]+/.exec(reference)?.[0] ?? '';
  expect(mandateId).not.toBe('');

  // The operator announces and exports the collection.
  const desk = await (await browser.newContext({ locale: 'de-DE', acceptDownloads: true })).newPage();
  const signedIn = await desk.request.post(`${kontor.baseUrl}/api/v1/operator/sign-in`, {
    data: { email: operator.email, password: operator.password },
  });
  expect(signedIn.ok()).toBe(true);
  await desk.goto(`${kontor.baseUrl}/operator/direct-debits`);
  const due = desk.getByRole('table', { name: de('directDebits.dueTitle', { count: 1 }) });
  await expect(due.getByRole('row', { name: new RegExp(invoice.number) })).toContainText(
    de('directDebits.sequences.FRST'),
  );
  const collectionDate = await field(desk, de('directDebits.collectionDate')).inputValue();
  await desk.getByRole('button', { name: de('directDebits.export') }).click();
  const link = desk.getByRole('link', { name: /pain|KNT-DD|herunterladen/ });
  const [download] = await Promise.all([desk.waitForEvent('download'), link.click()]);
  const xml = await readFile((await download.path()) as string, 'utf8');
  expect(xml).toContain('urn:iso:std:iso:20022:tech:xsd:pain.008.001.02');
  expect(xml).toContain(`<MndtId>${mandateId}</MndtId>`);
  expect(xml).toContain('<Cd>B2B</Cd>');
  expect(xml).toContain(`<ReqdColltnDt>${collectionDate}</ReqdColltnDt>`);
  expect(xml).toContain(`<EndToEndId>${invoice.number}</EndToEndId>`);
  await expect(desk.getByText(de('directDebits.noneDue'))).toBeVisible();
  await desk.context().close();

  // The owner's invoice page says when it is collected, and shows no transfer details to pay it twice.
  await page.goto(`${kontor.baseUrl}/account/invoices/${invoice.id}`);
  const collected = page.getByRole('region', { name: hu('payments.directDebitTitle') });
  await expect(collected).toContainText(mandateId);
  await expect(
    page.getByRole('img', { name: hu('payments.giroCodeAlt', { number: invoice.number }) }),
  ).toHaveCount(0);

  // The pre-notification, in the owner's language.
  const date = documentLanguage('hu').date(collectionDate);
  const text = await seed.mailTo(owner.email, `Csoportos beszedés: ${invoice.number} számla, ${date}`);
  expect(text).toContain(mandateId);
  expect(text).toContain('DE89 … 3000');
});
