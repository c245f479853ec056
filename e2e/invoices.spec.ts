// Issue 12, items 3 and 5–7 in German: the operator enters the seller, the desktop program calls an online
// service through the gateway (and last month's usage is written straight into the database, as the gateway
// wrote it then), the owner sees both in the running month's preview, the operator bills the month that has
// ended, and the owner finds the invoice and downloads its PDF and the list of requests from the Invoices page.
import { readFileSync } from 'node:fs';
import { loadConfig } from '../src/config.ts';
import { createDatabase } from '../src/db/kysely.ts';
import {
  insertAccessKey,
  insertService,
  insertSubscription,
  insertUsage,
  type UsageUser,
  usersOf,
} from '../src/modules/invoices/invoice-test-data.ts';
import { billingMonthOf } from '../src/shared/billing-month.ts';
import { chromiumMissing, chromiumMissingReason } from './chromium.ts';
import { expect, field, serverMessage, test, webText } from './fixtures.ts';
import { type Seed, seedPortal, signInThroughApi } from './seed.ts';

test.use({ kontorServer: 'invoices', locale: 'de-DE' });
test.skip(chromiumMissing, chromiumMissingReason);
test.setTimeout(90_000);

const operator = {
  name: 'Olga Operatorin',
  email: 'olga@rechnung.example',
  password: 'Lavendel Brücke Abend 31',
};
const owner = {
  email: 'justus@jura-rechnung.example',
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

/** The month before `month`: "2026-01" → "2025-12". */
const monthBefore = (month: string) => {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return number === 1 ? `${year - 1}-12` : `${year}-${String(number - 1).padStart(2, '0')}`;
};

test('usage shows in the preview, the operator bills the month, the owner downloads the invoice', async ({
  page,
  kontor,
  browser,
}) => {
  // The operator enters the seller on the provider page.
  const operatorContext = await browser.newContext({ locale: 'de-DE' });
  const desk = await operatorContext.newPage();
  await signInThroughApi(desk, kontor, '/api/v1/operator/sign-in', operator);
  await desk.goto(`${kontor.baseUrl}/operator/provider`);
  const seller = desk.getByRole('region', { name: de('seller.title') });
  await expect(seller.getByText(de('seller.incomplete'))).toBeVisible();
  await field(seller, de('seller.name')).fill('Muster Hosting GmbH');
  await field(seller, de('seller.street')).fill('Hafenstraße 1');
  await field(seller, de('seller.postalCode')).fill('20457');
  await field(seller, de('seller.city')).fill('Hamburg');
  await field(seller, de('seller.country')).fill('DE');
  await field(seller, de('seller.vatId')).fill('DE123456789');
  await field(seller, de('seller.email')).fill('rechnung@muster.example');
  await seller.getByRole('button', { name: de('seller.save') }).click();
  await expect(desk.getByText(de('seller.saved'))).toBeVisible();
  await expect(seller.getByText(de('seller.incomplete'))).toBeHidden();
  // … and the bank account invoices name; a wrong check digit is refused, with the reason at the field.
  const payments = desk.getByRole('region', { name: de('paymentSettings.title') });
  await field(payments, de('paymentSettings.bankAccountHolder')).fill('Muster Hosting GmbH');
  await field(payments, de('paymentSettings.iban')).fill('DE02 1203 0000 0000 2020 52');
  await payments.getByRole('button', { name: de('paymentSettings.save') }).click();
  await expect(payments.getByText(serverMessage('de', 'IBAN_INVALID'))).toBeVisible();
  await field(payments, de('paymentSettings.iban')).fill('DE02 1203 0000 0000 2020 51');
  await payments.getByRole('button', { name: de('paymentSettings.save') }).click();
  await expect(desk.getByText(de('paymentSettings.saved'))).toBeVisible();

  // Two requests last month, recorded as the gateway records them; the account subscribes to the service.
  const thisMonth = billingMonthOf(new Date().toISOString(), 'Europe/Berlin');
  const lastMonth = monthBefore(thisMonth);
  const db = createDatabase(loadConfig({ DATABASE_URL: kontor.databaseUrl }).database);
  try {
    const [justus] = (await usersOf(db, accountId)) as [UsageUser];
    const serviceId = await insertService(db, {
      code: 'address-lookup',
      name: 'Adressauskunft',
      netCents: 150,
    });
    const use = (occurredAt: string, reference: string) =>
      insertUsage(db, { accountId, user: justus, serviceId, occurredAt, unitNetCents: 150, reference });
    await use(`${lastMonth}-10T10:00:00.000Z`, 'Musterweg 1, 10115 Berlin');
    await use(`${lastMonth}-11T10:00:00.000Z`, 'Hauptstraße 5, 20095 Hamburg');
    const at = new Date().toISOString();
    await insertSubscription(db, { accountId, serviceId, at });
    // This month's request comes from the desktop program with Justus' program credentials.
    const accessKey = await insertAccessKey(db, justus.id);
    const { customerNumber } = await db
      .selectFrom('accounts')
      .select('customerNumber')
      .where('id', '=', accountId)
      .executeTakeFirstOrThrow();
    const call = await fetch(`${kontor.baseUrl}/api/program/v1/services/address-lookup/requests`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${customerNumber}.${justus.userNumber}.${accessKey}`,
        'idempotency-key': 'kanzlei-2026-0001',
        'content-type': 'application/json',
      },
      body: JSON.stringify({ street: 'Am Markt 3', postalCode: '04109', city: 'Leipzig' }),
    });
    expect(call.status, await call.clone().text()).toBe(200);
    const answer = (await call.json()) as { charged: { unitNetCents: number }; answer: { demo?: boolean } };
    expect([answer.charged.unitNetCents, answer.answer.demo]).toEqual([150, true]);
  } finally {
    await db.destroy();
  }

  // The owner sees all three in the preview of the running month.
  await signInThroughApi(page, kontor, '/api/v1/auth/sign-in', owner);
  await page.goto(`${kontor.baseUrl}/account`);
  await page
    .getByRole('navigation', { name: de('account.navigation') })
    .getByRole('link', { name: de('account.invoices') })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(de('invoices.title'));
  const preview = page.getByRole('region', { name: /^Laufender Monat/ });
  await expect(preview.getByText(de('invoices.previewEvents_other', { count: 3 }))).toBeVisible();
  const previewLines = preview.getByRole('table', { name: de('invoices.previewLines') });
  await expect(previewLines.getByRole('row', { name: /Adressauskunft \(de\) 1 / })).toBeVisible();
  await expect(previewLines.getByRole('row', { name: /Adressauskunft \(de\).*Genutzt .* 2 / })).toBeVisible();
  await expect(previewLines).toContainText('5,36 €'); // 4,50 € net + 19 % VAT
  await expect(page.getByText(de('invoices.none'))).toBeVisible();

  // The operator bills last month (it has ended; the form offers it).
  await desk.goto(`${kontor.baseUrl}/operator/invoices`);
  await expect(desk.getByRole('heading', { level: 1 })).toHaveText(de('invoiceRuns.title'));
  await expect(field(desk, de('invoiceRuns.monthLabel'))).toHaveValue(lastMonth);
  await desk.getByRole('button', { name: de('invoiceRuns.run') }).click();
  const year = new Date().getFullYear();
  const number = `${year}-000001`;
  // The run renders its PDF/A in worker threads, which start with it: slower than a page on a busy machine.
  await expect(
    desk.getByText(de('invoiceRuns.issued_one', { count: 1, month: lastMonth, first: number })),
  ).toBeVisible({ timeout: 20_000 });
  await operatorContext.close();

  // The invoice is on the owner's page; the preview keeps only this month's request.
  await page.reload();
  const list = page.getByRole('table', { name: de('invoices.listTitle') });
  const row = list.getByRole('row', { name: new RegExp(number) });
  await expect(row).toContainText('3,57 €'); // 3,00 € net + 0,57 € VAT
  await expect(row).toContainText(de('payments.states.open'));
  await expect(page.getByRole('status').filter({ hasText: '3,57 €' })).toBeVisible();
  await expect(preview.getByText(de('invoices.previewEvents_one', { count: 1 }))).toBeVisible();

  const [pdf] = await Promise.all([
    page.waitForEvent('download'),
    row.getByRole('link', { name: `${de('invoices.pdf')} ${number}` }).click(),
  ]);
  expect(pdf.suggestedFilename()).toBe(`${number}.pdf`);
  expect(
    readFileSync((await pdf.path()) ?? '')
      .subarray(0, 5)
      .toString(),
  ).toBe('%PDF-');

  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    row.getByRole('link', { name: `${de('invoices.csv')} ${number}` }).click(),
  ]);
  expect(csv.suggestedFilename()).toBe(`${number}-usage.csv`);
  const requests = readFileSync((await csv.path()) ?? '', 'utf8')
    .trim()
    .split('\r\n');
  expect(requests).toHaveLength(3);
  expect(requests[1]).toContain('Musterweg 1, 10115 Berlin');

  // Its page shows the lines and who made the requests.
  await row.getByRole('link', { name: number, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    de('invoices.titleOf.invoice', { number }),
  );
  await expect(page.getByRole('table', { name: de('invoices.appendixTitle') })).toContainText('Maximiliane');
  // How to pay it: the account, the invoice number as the reference, and the GiroCode to scan.
  const transfer = page.getByRole('region', { name: de('payments.transferTitle') });
  await expect(transfer).toContainText('DE02 1203 0000 0000 2020 51');
  await expect(transfer).toContainText(number);
  await expect(transfer).toContainText('3,57 €');
  await expect(transfer.getByRole('img', { name: de('payments.giroCodeAlt', { number }) })).toBeVisible();
});
