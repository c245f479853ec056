// Issue 14, items 2 and 3 (T2, D1) in German and in Hungarian: an operator gives an account its number block
// and assigns a hosted product on the account's page; the owner gives two users extensions (a duplicate is
// refused under its field in the reader's language), finds them in the company directory by search, and
// sees the hosted product under "Products & services".
import { chromiumMissing, chromiumMissingReason } from './chromium.ts';
import {
  expect,
  field,
  type Page,
  pageHeading,
  serverMessage,
  switchLanguage,
  test,
  webText,
} from './fixtures.ts';
import { type Seed, seedPortal, signInThroughApi } from './seed.ts';

test.use({ kontorServer: 'numbers', locale: 'de-DE' });
test.skip(chromiumMissing, chromiumMissingReason);
test.describe.configure({ mode: 'serial' });

const operator = {
  name: 'Olga Betreiberin',
  email: 'olga@nummern.example',
  password: 'Bernstein Kranich Mole 12',
};
const runs = [
  {
    language: 'de' as const,
    owner: {
      company: 'Kanzlei Berger',
      username: 'berger',
      email: 'berger@kanzlei.example',
      password: 'Wendeltreppe Zitrone Hafen 7',
      locale: 'de' as const,
    },
    prefix: '+49 30 12345',
    fax: '+49 30 12345-99',
    product: 'Virtueller Server S',
    users: [
      { username: 'anna', firstName: 'Anna', lastName: 'Adler' },
      { username: 'bernd', firstName: 'Bernd', lastName: 'Brückner' },
    ],
  },
  {
    language: 'hu' as const,
    owner: {
      company: 'Példa Kft.',
      username: 'kpeter',
      email: 'peter@pelda.example',
      password: 'Balaton Napraforgó Kemence',
      locale: 'hu' as const,
    },
    prefix: '+36 1 234 56',
    fax: '+36 1 234 56-99',
    product: 'Virtuális szerver S',
    users: [
      { username: 'aniko', firstName: 'Anikó', lastName: 'Antal' },
      { username: 'bela', firstName: 'Béla', lastName: 'Balogh' },
    ],
  },
];

let seed: Seed;
const accountIds: Record<string, string> = {};
test.beforeAll(async ({ kontor, playwright }) => {
  seed = await seedPortal(playwright, kontor, operator);
  for (const run of runs) accountIds[run.language] = await seed.registerOwner(run.owner);
});
test.afterAll(async () => {
  await seed?.dispose();
});

/** Creates a user through the API with the signed-in owner's session (and its CSRF header). */
async function createUser(page: Page, baseUrl: string, accountId: string, person: object) {
  const csrf = (await page.context().cookies()).find((cookie) => cookie.name.endsWith('kontor_csrf'));
  const created = await page.request.post(`${baseUrl}/api/v1/accounts/${accountId}/users`, {
    data: person,
    headers: { 'x-csrf-token': csrf?.value ?? '' },
  });
  expect(created.ok(), await created.text()).toBe(true);
}

for (const run of runs) {
  const text = (key: string, params?: Record<string, string | number>) => webText(run.language, key, params);
  const main = `${run.prefix}-0`;

  test(`${run.language}: an operator gives the account a number block and a hosted product`, async ({
    page,
    kontor,
  }) => {
    await signInThroughApi(page, kontor, '/api/v1/operator/sign-in', operator);
    await page.goto(`${kontor.baseUrl}/operator/accounts/${accountIds[run.language]}`);
    if (run.language === 'hu') await switchLanguage(page, 'Magyar');
    await expect(pageHeading(page)).toHaveText(run.owner.company);

    const numbers = page.getByRole('region', { name: text('numbers.blockTitle') });
    await expect(numbers.getByText(text('numbers.noBlock'))).toBeVisible();
    await numbers.getByRole('button', { name: text('numbers.setBlock') }).click();
    await field(numbers, text('numbers.prefix')).fill(run.prefix);
    await expect(numbers.getByRole('combobox', { name: text('numbers.extensions') })).toHaveValue('99');
    await field(numbers, text('numbers.faxNumber')).fill(run.fax);
    await numbers.getByRole('button', { name: text('numbers.saveBlock') }).click();
    await expect(page.getByText(text('numbers.blockSaved'))).toBeVisible();
    await expect(numbers.getByText(main, { exact: true })).toBeVisible();
    await expect(numbers.getByText(run.fax, { exact: true })).toBeVisible();

    const products = page.getByRole('region', { name: text('hostedProducts.title') });
    await expect(products.getByText(text('hostedProducts.empty'))).toBeVisible();
    const assign = products.getByRole('form', { name: text('hostedProducts.assignTitle') });
    await field(assign, text('hostedProducts.name')).fill(run.product);
    await assign.getByLabel(text('hostedProducts.startedOn')).fill('2026-01-15');
    await assign.getByRole('button', { name: text('hostedProducts.assign') }).click();
    await expect(page.getByText(text('hostedProducts.assignedNotice', { name: run.product }))).toBeVisible();
    const row = products.getByRole('row').filter({ hasText: run.product });
    await expect(row).toContainText(text('hostedProducts.states.active'));
  });

  test(`${run.language}: the owner assigns extensions, finds them in the directory and sees the product`, async ({
    page,
    kontor,
  }) => {
    const accountId = accountIds[run.language] ?? '';
    await signInThroughApi(page, kontor, '/api/v1/auth/sign-in', run.owner);
    for (const user of run.users) await createUser(page, kontor.baseUrl, accountId, user);
    await page.goto(`${kontor.baseUrl}/account/users`);
    await expect(pageHeading(page)).toHaveText(text('users.title'));

    const users = page.getByRole('table', { name: text('users.caption') });
    const assign = async (lastName: string, extension: string) => {
      await users.getByRole('row').filter({ hasText: lastName }).getByRole('button').click();
      await page.getByRole('menuitem', { name: text('numbers.menuItem') }).click();
      const dialog = page.getByRole('dialog');
      await field(dialog, text('numbers.extension')).fill(extension);
      await dialog.getByRole('button', { name: text('numbers.save') }).click();
      return dialog;
    };
    const [first, second] = run.users as [(typeof run.users)[0], (typeof run.users)[0]];
    await assign(first.lastName, '11');
    await expect(
      page.getByText(text('numbers.assigned', { extension: '11', number: `${run.prefix}-11` })),
    ).toBeVisible();

    // The same extension again is refused under its field, in the reader's language; nothing is saved.
    const dialog = await assign(second.lastName, '11');
    await expect(dialog.getByText(serverMessage(run.language, 'EXTENSION_TAKEN'))).toBeVisible();
    await field(dialog, text('numbers.extension')).fill('12');
    await dialog.getByRole('button', { name: text('numbers.save') }).click();
    await expect(
      page.getByText(text('numbers.assigned', { extension: '12', number: `${run.prefix}-12` })),
    ).toBeVisible();
    await expect(dialog).toBeHidden();

    await page
      .getByRole('navigation', { name: text('account.navigation') })
      .getByRole('link', { name: text('account.directory') })
      .click();
    await expect(pageHeading(page)).toHaveText(text('directory.title'));
    await expect(page.getByText(main, { exact: true })).toBeVisible();
    await expect(page.getByText(run.fax, { exact: true })).toBeVisible();
    const directory = page.getByRole('table', { name: text('directory.caption') });
    await expect(directory.getByRole('row').filter({ hasText: first.lastName })).toContainText(
      `${run.prefix}-11`,
    );
    await expect(directory.getByRole('row').filter({ hasText: second.lastName })).toContainText(
      `${run.prefix}-12`,
    );

    await page.getByRole('searchbox', { name: text('directory.search') }).fill(second.lastName);
    await expect(directory.getByRole('row')).toHaveCount(2); // the header and the one found
    await expect(directory).toContainText(second.lastName);
    await page.getByRole('searchbox', { name: text('directory.search') }).fill(`${run.prefix}-11`);
    await expect(directory.getByRole('row')).toHaveCount(2);
    await expect(directory).toContainText(first.lastName);

    await page
      .getByRole('navigation', { name: text('account.navigation') })
      .getByRole('link', { name: text('account.products') })
      .click();
    const hosted = page.getByRole('table', { name: text('hostedProducts.caption') });
    await expect(hosted.getByRole('row').filter({ hasText: run.product })).toContainText(
      text('hostedProducts.states.active'),
    );
  });
}
