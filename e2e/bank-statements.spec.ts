// Issue 15, item 4 in German: the operator imports the bank's camt.053 statement on "Zahlungseingänge". A
// credit naming the invoice is booked on it at once (in part); an anonymous one waits, is assigned with one
// click on the suggested invoice, reversed, and typed onto the invoice by its number. The same file again is
// refused with the server's message. The owner sees the invoice paid.

import { testSeller } from '../src/modules/invoices/invoice-test-data.ts';
import { camt053 } from '../test/helpers/camt-statements.ts';
import { chromiumMissing, chromiumMissingReason } from './chromium.ts';
import { expect, field, type Page, serverMessage, test, webText } from './fixtures.ts';
import { callAs, lastMonthInvoice } from './last-month-invoice.ts';
import { type Seed, seedPortal } from './seed.ts';

test.use({ kontorServer: 'bank-statements', locale: 'de-DE' });
test.skip(chromiumMissing, chromiumMissingReason);
test.setTimeout(90_000);

const operator = {
  name: 'Olga Operatorin',
  email: 'olga@eingang.example',
  password: 'Lavendel Brücke Abend 31',
};
const owner = {
  email: 'justus@jura-eingang.example',
  password: 'Kastanie Leuchtturm Morgen 47',
  username: 'justus',
  company: 'Kanzlei Jura',
  locale: 'de' as const,
};
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

const upload = (page: Page, xml: string) =>
  page
    .getByLabel(de('bankStatements.file'))
    .setInputFiles({ name: 'kontoauszug.xml', mimeType: 'application/xml', buffer: Buffer.from(xml) });

test('the operator imports a bank statement, assigns a credit, reverses it and assigns it again', async ({
  page,
  kontor,
  browser,
}) => {
  await callAs(seed.operatorApi, 'put', '/api/v1/operator/provider/seller', testSeller);
  const invoice = await lastMonthInvoice(kontor, seed.operatorApi, accountId);
  const statement = camt053({
    entries: [
      {
        amount: '100.00',
        debtorName: 'Kanzlei Jura',
        remittance: [`Rechnung ${invoice.number} Teilzahlung`],
      },
      { amount: '138.00', debtorName: 'J. Jura privat', remittance: ['Danke fuer alles'] },
      { amount: '49.90', debit: true, remittance: ['Miete'] },
    ],
  });

  const signedIn = await page.request.post(`${kontor.baseUrl}/api/v1/operator/sign-in`, {
    data: { email: operator.email, password: operator.password },
  });
  expect(signedIn.ok()).toBe(true);
  await page.goto(`${kontor.baseUrl}/operator`);
  await page
    .getByRole('navigation', { name: de('operator.navigation') })
    .getByRole('link', { name: de('operator.bankStatements') })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: de('bankStatements.title') })).toBeVisible();
  await expect(page.getByText(de('bankStatements.noneWaiting'))).toBeVisible();

  await upload(page, statement);
  const result = page.getByRole('status').filter({ hasText: 'auf Rechnungen gebucht' });
  await expect(result).toContainText('1 auf Rechnungen gebucht (100,00');
  await expect(result).toContainText('1 warten auf Zuordnung');
  const waiting = page.getByRole('table', { name: de('bankStatements.waitingTitle', { count: 1 }) });
  const anonymous = waiting.getByRole('row', { name: /Danke fuer alles/ });
  await expect(anonymous).toContainText('J. Jura privat');
  const booked = page.getByRole('table', { name: de('bankStatements.bookedTitle') });
  await expect(booked.getByRole('row', { name: /Teilzahlung/ })).toContainText(
    `${invoice.number} (Kanzlei Jura)`,
  );

  // The invoice owes exactly the rest: it is suggested; one click books it.
  await anonymous
    .getByRole('button', { name: new RegExp(`^${invoice.number} · Kanzlei Jura · offen 138,00`) })
    .click();
  await expect(page.getByText(de('bankStatements.assigned', { number: invoice.number }))).toBeVisible();
  await expect(page.getByText(de('bankStatements.noneWaiting'))).toBeVisible();

  // Booked by mistake: reversed, it waits again; typed by number it is booked anew.
  const assigned = booked.getByRole('row', { name: /Danke fuer alles/ });
  await assigned.getByRole('button', { name: de('bankStatements.reverse') }).click();
  const dialog = page.getByRole('dialog', {
    name: de('bankStatements.reverseTitle', { number: invoice.number }),
  });
  await dialog.getByRole('button', { name: de('bankStatements.reverse') }).click();
  await expect(page.getByText(de('bankStatements.reversedDone', { number: invoice.number }))).toBeVisible();
  const again = page
    .getByRole('table', { name: de('bankStatements.waitingTitle', { count: 1 }) })
    .getByRole('row', { name: /Danke fuer alles/ });
  await expect(again).toContainText(de('bankStatements.reversed'));
  await field(again, de('bankStatements.invoiceNumber')).fill('2099-000001');
  await again.getByRole('button', { name: de('bankStatements.assign'), exact: true }).click();
  await expect(page.getByText(serverMessage('de', 'INVOICE_NUMBER_UNKNOWN'))).toBeVisible();
  await field(again, de('bankStatements.invoiceNumber')).fill(invoice.number);
  await again.getByRole('button', { name: de('bankStatements.assign'), exact: true }).click();
  await expect(page.getByText(de('bankStatements.noneWaiting'))).toBeVisible();

  // The same file a second time: refused, nothing booked twice.
  await upload(page, statement);
  await expect(page.getByText(serverMessage('de', 'BANK_STATEMENT_ALREADY_IMPORTED'))).toBeVisible();

  // The operator sees it paid on the account's page. The partial payment turns out to be someone else's:
  // reversed, the invoice owes 100,00 again, which the operator books by hand (paid in cash).
  await page.goto(`${kontor.baseUrl}/operator/accounts/${accountId}`);
  const invoices = page.getByRole('table', { name: de('invoices.title'), exact: true });
  const row = invoices.getByRole('row', { name: new RegExp(invoice.number) });
  await expect(row).toContainText(de('payments.states.paid'));
  await page.goto(`${kontor.baseUrl}/operator/bank-statements`);
  const partial = booked.getByRole('row', { name: /Teilzahlung/ });
  await partial.getByRole('button', { name: de('bankStatements.reverse') }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: de('bankStatements.reverse') })
    .click();
  await expect(page.getByText(de('bankStatements.reversedDone', { number: invoice.number }))).toBeVisible();
  await page.goto(`${kontor.baseUrl}/operator/accounts/${accountId}`);
  await expect(row).toContainText('100,00');
  await expect(row).toContainText(de('payments.states.open'));
  await row.getByRole('button', { name: new RegExp(de('manualPayment.open')) }).click();
  const dialog2 = page.getByRole('dialog', { name: de('manualPayment.title', { number: invoice.number }) });
  await expect(dialog2.getByRole('textbox', { name: de('manualPayment.amount') })).toHaveValue('100,00 €');
  await dialog2.getByRole('textbox', { name: de('manualPayment.note') }).fill('bar bezahlt');
  await dialog2.getByRole('button', { name: de('manualPayment.book') }).click();
  await expect(page.getByText(de('manualPayment.booked', { number: invoice.number }))).toBeVisible();
  await expect(row).toContainText(de('payments.states.paid'));

  // The owner sees the invoice paid.
  const customer = await (await browser.newContext({ locale: 'de-DE' })).newPage();
  const ownerSignIn = await customer.request.post(`${kontor.baseUrl}/api/v1/auth/sign-in`, {
    data: { email: owner.email, password: owner.password },
  });
  expect(ownerSignIn.ok()).toBe(true);
  const list = await customer.request.get(`${kontor.baseUrl}/api/v1/accounts/${accountId}/invoices`);
  expect((await list.json()).items[0]).toMatchObject({
    number: invoice.number,
    openCents: 0,
    paymentState: 'paid',
  });
  await customer.context().close();
});
