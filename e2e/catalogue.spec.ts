// Issue 12, item 2 (P4, D1) in the browser: an operator (German) adds a service to the catalogue, gives it a
// price, and subscribes a customer account on its page; the account's owner (Hungarian) finds it under
// "Products & services" with the price, VAT and gross, and the audit log names the booking.
import { chromiumMissing, chromiumMissingReason } from './chromium.ts';
import { expect, field, type Page, pageHeading, serverMessage, test, webText } from './fixtures.ts';
import { type Seed, seedPortal, signInThroughApi } from './seed.ts';

test.use({ kontorServer: 'catalogue', locale: 'de-DE' });
test.skip(chromiumMissing, chromiumMissingReason);
test.describe.configure({ mode: 'serial' });

const operator = {
  name: 'Olga Betreiberin',
  email: 'olga@katalog.example',
  password: 'Bernstein Kranich Hafenmole 12',
};
const owner = {
  company: 'Példa Ügyvédi Iroda',
  username: 'kpeter',
  email: 'peter@pelda.example',
  password: 'Balaton Napraforgó Kemence',
  locale: 'hu' as const,
};
const service = {
  code: 'address-lookup',
  names: { de: 'Adressermittlung', en: 'Address look-up', hu: 'Címkeresés' },
};
const de = (key: string, params?: Record<string, string>) => webText('de', key, params);
const hu = (key: string, params?: Record<string, string>) => webText('hu', key, params);
const literally = (value: string) => new RegExp(value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));

let seed: Seed;
let accountId = '';
test.beforeAll(async ({ kontor, playwright }) => {
  seed = await seedPortal(playwright, kontor, operator);
  accountId = await seed.registerOwner(owner);
});
test.afterAll(async () => {
  await seed?.dispose();
});

const dialogOf = (page: Page, name: string) => page.getByRole('dialog', { name });

test('an operator adds a service with a price and subscribes an account', async ({ page, kontor }) => {
  await signInThroughApi(page, kontor, '/api/v1/operator/sign-in', operator);
  await page.goto(`${kontor.baseUrl}/operator/accounts`);
  await page
    .getByRole('navigation', { name: de('operator.navigation') })
    .getByRole('link', { name: de('operator.catalogue') })
    .click();
  await expect(pageHeading(page)).toHaveText(de('catalogue.title'));
  await expect(page.getByText(de('catalogue.emptyTitle'))).toBeVisible();

  await page.getByRole('button', { name: de('catalogue.new') }).click();
  const form = dialogOf(page, de('catalogue.new'));
  // A code the program could not name is refused under its field, in German.
  const code = field(form, de('catalogue.code'));
  await code.fill('Adress Suche');
  await field(form, de('catalogue.names.de')).fill(service.names.de);
  await field(form, de('catalogue.names.en')).fill(service.names.en);
  await field(form, de('catalogue.names.hu')).fill(service.names.hu);
  await form.getByRole('button', { name: de('catalogue.create') }).click();
  await expect(code).toHaveAccessibleDescription(literally(de('catalogue.codeRule')));
  await code.fill(service.code);
  await form.getByRole('button', { name: de('catalogue.create') }).click();

  await expect(pageHeading(page)).toHaveText(service.names.de);
  await expect(page.getByText(de('catalogue.createdNotice'))).toBeVisible();
  await page.getByRole('button', { name: de('catalogue.addPrice') }).click();
  const price = dialogOf(page, de('catalogue.addPrice'));
  await field(price, de('catalogue.net')).fill('0,35');
  await expect(price.getByText(/0,42\s€/)).toBeVisible();
  // A moment in the past is no valid start.
  await price.getByRole('radio', { name: de('catalogue.startLater') }).check();
  const validFrom = field(price, de('catalogue.validFromLabel'));
  await validFrom.fill('2020-01-01T09:00');
  await price.getByRole('button', { name: de('catalogue.addPrice') }).click();
  await expect(validFrom).toHaveAccessibleDescription(literally(de('catalogue.validFromRule')));
  await price.getByRole('radio', { name: de('catalogue.startNow') }).check();
  await price.getByRole('button', { name: de('catalogue.addPrice') }).click();
  await expect(page.getByText(de('catalogue.priceAddedNotice'))).toBeVisible();
  const history = page.getByRole('table', { name: de('catalogue.prices') });
  await expect(history.getByRole('row').filter({ hasText: de('catalogue.priceCurrent') })).toContainText(
    /0,35\s€/,
  );

  await page.goto(`${kontor.baseUrl}/operator/accounts/${accountId}`);
  await expect(pageHeading(page)).toHaveText(owner.company);
  const products = page.getByRole('region', { name: de('products.title') });
  await expect(products.getByText(de('products.empty'))).toBeVisible();
  await products.getByRole('button', { name: de('products.subscribe') }).click();
  const book = dialogOf(page, de('products.subscribeTitle'));
  await book.getByRole('combobox', { name: de('products.service') }).click();
  await page.getByRole('option', { name: new RegExp(`^${service.names.de}`) }).click();
  await expect(book.getByText(/Netto 0,35\s€, USt\. 19\s%, brutto 0,42\s€/)).toBeVisible();
  await book.getByRole('button', { name: de('products.subscribe') }).click();
  await expect(page.getByText(de('products.subscribedNotice', { name: service.names.de }))).toBeVisible();
  const row = products.getByRole('row').filter({ hasText: service.names.de });
  await expect(row).toContainText(de('products.wholeAccount'));
  await expect(row).toContainText(/0,42\s€/);
  // Booking the same again is refused with the server's reason under the service.
  await products.getByRole('button', { name: de('products.subscribe') }).click();
  await book.getByRole('combobox', { name: de('products.service') }).click();
  await page.getByRole('option', { name: new RegExp(`^${service.names.de}`) }).click();
  await book.getByRole('button', { name: de('products.subscribe') }).click();
  await expect(book.getByRole('combobox', { name: de('products.service') })).toHaveAccessibleDescription(
    literally(serverMessage('de', 'SUBSCRIPTION_EXISTS')),
  );
  await book.getByRole('button', { name: de('common.cancel') }).click();
});

test('the owner sees the subscription in Products & services, in Hungarian', async ({ browser, kontor }) => {
  const context = await browser.newContext({ locale: 'hu-HU' });
  const page = await context.newPage();
  await signInThroughApi(page, kontor, '/api/v1/auth/sign-in', owner);
  await page.goto(`${kontor.baseUrl}/account`);
  await page
    .getByRole('navigation', { name: hu('account.navigation') })
    .getByRole('link', { name: hu('account.products') })
    .click();
  await expect(pageHeading(page)).toHaveText(hu('products.title'));
  const table = page.getByRole('table', { name: hu('products.caption') });
  const row = table.getByRole('row').filter({ hasText: service.names.hu });
  await expect(row).toContainText(hu('catalogue.units.request'));
  // Hungarian writes the currency as its code: "0,35 EUR".
  await expect(row).toContainText(/0,35\sEUR lekérdezésenként/);
  await expect(row).toContainText(/19\s?%/);
  await expect(row).toContainText(/0,42\sEUR/);
  await expect(row).toContainText(hu('products.wholeAccount'));
  // The owner may end it: the button is there, named for the service.
  await expect(
    row.getByRole('button', {
      name: hu('products.endFor', { name: service.names.hu, whom: hu('products.wholeAccount') }),
    }),
  ).toBeVisible();

  await page
    .getByRole('navigation', { name: hu('account.navigation') })
    .getByRole('link', { name: hu('account.usage') })
    .click();
  await expect(pageHeading(page)).toHaveText(hu('usage.title'));
  await expect(page.getByText(hu('usage.empty'))).toBeVisible();

  await page
    .getByRole('navigation', { name: hu('account.navigation') })
    .getByRole('link', { name: hu('account.audit') })
    .click();
  await expect(page.getByRole('table')).toContainText(hu('audit.actions.subscription.started'));
  await context.close();
});
