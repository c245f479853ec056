// Issue 15, item 5 in German: an account's invoice is overdue, the reminder run sends a payment reminder to
// the accountant contact who receives invoice e-mails (in her language, Hungarian), the owner sees it logged
// on the invoice, and the operator pauses the account's reminders on its page, after which none go out.
// The invoice is billed as usual; its due date is then set back in the database, as if the weeks after
// issuing had passed (the server's clock is the real one).
import { loadConfig } from '../src/config.ts';
import { createDatabase } from '../src/db/kysely.ts';
import { testSeller } from '../src/modules/invoices/invoice-test-data.ts';
import { addDays } from '../src/modules/invoices/invoice-words.ts';
import { chromiumMissing, chromiumMissingReason } from './chromium.ts';
import { putOffExpressSetup } from './express-setup-later.ts';
import { expect, field, type Kontor, type Page, serverCatalog, test, webText } from './fixtures.ts';
import { callAs, csrf, lastMonthInvoice } from './last-month-invoice.ts';
import { type Seed, seedPortal } from './seed.ts';

test.use({ kontorServer: 'payment-reminders', locale: 'de-DE' });
test.skip(chromiumMissing, chromiumMissingReason);
test.setTimeout(90_000);

const operator = {
  name: 'Olga Operatorin',
  email: 'olga@mahnung.example',
  password: 'Lavendel Brücke Abend 31',
};
const owner = {
  email: 'justus@jura-mahnung.example',
  password: 'Kastanie Leuchtturm Morgen 47',
  username: 'justus',
  company: 'Kanzlei Jura',
  locale: 'de' as const,
};
const accountant = { name: 'Kovács Anna', email: 'anna@konyvelo.example', locale: 'hu' };
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

const operatorCall = (method: 'put' | 'post', url: string, data?: object) =>
  callAs(seed.operatorApi, method, url, data);

/** Last month's invoice, due 30 days ago: past the first reminder days (7). */
async function overdueInvoice(kontor: Kontor) {
  const invoice = await lastMonthInvoice(kontor, seed.operatorApi, accountId);
  const db = createDatabase(loadConfig({ DATABASE_URL: kontor.databaseUrl }).database);
  try {
    const today = new Date().toISOString().slice(0, 10);
    await db
      .updateTable('invoices')
      .set({ dueDate: addDays(today, -30) })
      .where('id', '=', invoice.id)
      .execute();
    return invoice;
  } finally {
    await db.destroy();
  }
}

async function signIn(page: Page, kontor: Kontor) {
  await page.goto(`${kontor.baseUrl}/sign-in`);
  await field(page, de('signIn.email')).fill(owner.email);
  await field(page, de('signIn.password')).fill(owner.password);
  await page.getByRole('button', { name: de('signIn.submit'), exact: true }).click();
  await putOffExpressSetup(page, 'de');
}

test('an accountant receives the reminder of an overdue invoice; the operator pauses reminders', async ({
  page,
  kontor,
  browser,
}) => {
  await operatorCall('put', '/api/v1/operator/provider/seller', testSeller);
  await operatorCall('put', '/api/v1/operator/payment-settings', {
    bankAccountHolder: 'Muster Hosting GmbH',
    iban: 'DE02 1203 0000 0000 2020 51',
    bic: null,
    creditorId: null,
    firstReminderDays: 7,
    secondReminderDays: 14,
    directDebitNoticeDays: 5,
  });
  // The owner enters the accountant as a contact for invoice e-mails.
  await signIn(page, kontor);
  const added = await page.request.post(`${kontor.baseUrl}/api/v1/accounts/${accountId}/contacts`, {
    data: { ...accountant, categories: ['invoice'] },
    headers: await csrf(page),
  });
  expect(added.status(), await added.text()).toBe(201);

  const invoice = await overdueInvoice(kontor);
  expect(await operatorCall('post', '/api/v1/operator/payment-reminders/run')).toEqual({ sent: 1 });

  const subject = serverCatalog('hu').email.paymentReminderFirst?.subject.replace(
    '{{number}}',
    invoice.number,
  );
  expect(subject).toBeDefined();
  const text = await seed.mailTo(accountant.email, subject as string);
  expect(text).toContain('Tisztelt Kovács Anna!');
  expect(text).toMatch(/Nyitott összeg: 238,00\sEUR/u);
  expect(text).toContain('DE02 1203 0000 0000 2020 51');
  expect(text).toContain(`${kontor.baseUrl}/account/invoices/${invoice.id}`);
  // The owner (primary address) receives it in German.
  await seed.mailTo(owner.email, `Zahlungserinnerung: Rechnung ${invoice.number}`);

  // The reminder is logged on the invoice's page.
  await page.goto(`${kontor.baseUrl}/account/invoices/${invoice.id}`);
  const log = page.getByRole('table', { name: de('paymentReminders.sentTitle') });
  await expect(log.getByRole('row', { name: new RegExp(de('paymentReminders.first')) })).toContainText(
    '238,00',
  );

  // The operator pauses the account's reminders on its page.
  const desk = await (await browser.newContext({ locale: 'de-DE' })).newPage();
  const signedIn = await desk.request.post(`${kontor.baseUrl}/api/v1/operator/sign-in`, {
    data: { email: operator.email, password: operator.password },
  });
  expect(signedIn.ok()).toBe(true);
  await desk.goto(`${kontor.baseUrl}/operator/accounts/${accountId}`);
  const terms = desk.getByRole('region', { name: de('paymentReminders.termsTitle') });
  await expect(field(terms, de('paymentReminders.paymentTermDays'))).toHaveValue('14');
  await terms.getByRole('switch', { name: de('paymentReminders.pause') }).check();
  await terms.getByRole('button', { name: de('paymentReminders.saveTerms') }).click();
  await expect(desk.getByText(de('paymentReminders.termsSaved'))).toBeVisible();
  await expect(terms.getByText(de('paymentReminders.pausedNotice'))).toBeVisible();

  // Weeks later the second reminder would be due, but the account is paused: nothing goes out.
  const db = createDatabase(loadConfig({ DATABASE_URL: kontor.databaseUrl }).database);
  try {
    const monthAgo = new Date(Date.now() - 30 * 86_400_000).toISOString();
    await db
      .updateTable('paymentReminders')
      .set({ sentAt: monthAgo })
      .where('invoiceId', '=', invoice.id)
      .execute();
  } finally {
    await db.destroy();
  }
  expect(await operatorCall('post', '/api/v1/operator/payment-reminders/run')).toEqual({ sent: 0 });
  await desk.context().close();
});
