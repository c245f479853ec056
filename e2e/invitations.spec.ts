// Issue 8, items 4–6 in Hungarian: an owner invites the owner of a second account with two permissions;
// she accepts with her own login, switches between the two accounts, sees only the menus she may use, and
// direct API calls outside them are refused.
import type { APIRequestContext } from '@playwright/test';
import { chromiumMissing, chromiumMissingReason } from './chromium.ts';
import { expect, field, type Page, test } from './fixtures.ts';
import { type Seed, seedPortal } from './seed.ts';

test.use({ kontorServer: 'invitations', locale: 'hu-HU' });
test.skip(chromiumMissing, chromiumMissingReason);
test.describe.configure({ mode: 'serial' });

const operator = {
  name: 'Olga Operátor',
  email: 'olga@meghivas.example',
  password: 'Borostyán Daru Móló 12',
};
const justus = { email: 'jozsef@jura.example', password: 'Citromfa Komp Reggel 77', username: 'jozsef' };
const eva = { email: 'eva@ado.example', password: 'Levendula Híd Alkony 31', username: 'eva' };
let seed: Seed;
const accounts = { jura: '', ado: '' };

test.beforeAll(async ({ kontor, playwright }) => {
  seed = await seedPortal(playwright, kontor, operator);
  accounts.jura = await seed.registerOwner({ company: 'Jura Kft.', locale: 'hu', ...justus });
  accounts.ado = await seed.registerOwner({ company: 'Adó Bt.', locale: 'hu', ...eva });
});
test.afterAll(async () => {
  await seed?.dispose();
});

/** The link of the newest e-mail to an address whose text links to `page`. */
async function linkTo(api: APIRequestContext, to: string, page: string): Promise<string> {
  let link = '';
  await expect(async () => {
    const { items } = (await (await api.get('/api/v1/operator/mailbox?page=1&pageSize=100')).json()) as {
      items: { id: string; to: string }[];
    };
    for (const mail of items.filter((item) => item.to === to)) {
      const { text } = (await (await api.get(`/api/v1/operator/mailbox/${mail.id}`)).json()) as {
        text: string;
      };
      link = new RegExp(`https?://\\S+/${page}#token=[A-Za-z0-9_-]+`).exec(text)?.[0] ?? '';
      if (link) break;
    }
    expect(link).not.toBe('');
  }).toPass({ timeout: 15_000 });
  return link;
}

async function signIn(page: Page, person: { email: string; password: string }) {
  await field(page, 'E-mail-cím').fill(person.email);
  await field(page, 'Jelszó').fill(person.password);
  await page.getByRole('button', { name: 'Bejelentkezés', exact: true }).click();
}

const navigation = (page: Page) => page.getByRole('navigation', { name: /fiók/i });
const header = (page: Page) => page.getByRole('banner');

test('the owner invites a person from another account with two permissions', async ({ page, kontor }) => {
  await page.goto(`${kontor.baseUrl}/sign-in`);
  await signIn(page, justus);
  await expect(header(page)).toContainText('Jura Kft.');
  await page.getByRole('link', { name: 'Felhasználók' }).click();
  await page.getByRole('button', { name: 'Személy meghívása' }).click();
  const dialog = page.getByRole('dialog', { name: 'Személy meghívása' });
  await dialog.getByRole('textbox', { name: 'E-mail-cím' }).fill(eva.email);
  await dialog.getByRole('checkbox', { name: 'Változásnapló megtekintése' }).check();
  await dialog.getByRole('checkbox', { name: 'Számlák megtekintése' }).check();
  await dialog.getByRole('button', { name: 'Meghívás küldése' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: `címre; 48 óráig érvényes` })).toBeVisible();
  const invitations = page.getByRole('table', { name: 'Meghívások' });
  await expect(invitations.getByRole('row', { name: new RegExp(eva.email) })).toContainText('Elküldve');
});

test('she accepts with her own login and acts in the inviting account with only what was given', async ({
  page,
  kontor,
}) => {
  await page.goto(await linkTo(seed.operatorApi, eva.email, 'invitation'));
  await expect(page.getByRole('heading', { name: 'Meghívás' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Jura Kft.');
  await expect(page.getByRole('main')).toContainText('Változásnapló megtekintése, Számlák megtekintése');
  await page.getByRole('button', { name: 'Bejelentkezés és elfogadás' }).click();
  await signIn(page, eva);
  // Back on the invitation, now signed in as the person it is for.
  await page.getByRole('button', { name: 'Meghívás elfogadása' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Mostantól a(z) Jura Kft. fiókjához tartozik' }),
  ).toBeVisible();
  await expect(header(page)).toContainText('Jura Kft.');
  await expect(navigation(page).getByRole('link', { name: 'Változásnapló' })).toBeVisible();
  await navigation(page).getByRole('link', { name: 'Változásnapló' }).click();
  await expect(page.getByRole('table')).toContainText('Meghívás elfogadva');

  // What she was not given, the server refuses whatever the page offers.
  const csrf =
    (await page.context().cookies()).find((cookie) => cookie.name.endsWith('kontor_csrf'))?.value ?? '';
  const create = await page.request.post(`${kontor.baseUrl}/api/v1/accounts/${accounts.jura}/users`, {
    data: { username: 'eva-sneaks', firstName: 'E', lastName: 'V' },
    headers: { 'x-csrf-token': csrf },
  });
  expect(create.status()).toBe(403);
  expect(
    (await page.request.get(`${kontor.baseUrl}/api/v1/accounts/${accounts.jura}/invitations`)).status(),
  ).toBe(403);
  expect((await page.request.get(`${kontor.baseUrl}/api/v1/accounts/${accounts.ado}/users`)).status()).toBe(
    404,
  );

  // One click switches to her own account, where she is the owner and sees every menu.
  await header(page)
    .getByRole('button', { name: /Jura Kft\..*fiók váltása/ })
    .click();
  await page.getByRole('menuitem', { name: /Adó Bt\./ }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Most a(z) Adó Bt. fiókban dolgozik.' }),
  ).toBeVisible();
  await expect(header(page)).toContainText('Adó Bt.');
  await expect(navigation(page).getByRole('link', { name: 'Felhasználók' })).toBeVisible();
  expect((await page.request.get(`${kontor.baseUrl}/api/v1/accounts/${accounts.ado}/users`)).status()).toBe(
    200,
  );
  expect((await page.request.get(`${kontor.baseUrl}/api/v1/accounts/${accounts.jura}/audit`)).status()).toBe(
    404,
  );
});

test('with two accounts, sign-in asks which one; the owner takes a permission away and it is gone', async ({
  page,
  browser,
  kontor,
}) => {
  await page.goto(`${kontor.baseUrl}/sign-in`);
  await signIn(page, eva);
  await expect(page.getByRole('heading', { name: 'Fiók kiválasztása' })).toBeVisible();
  await page.getByRole('button', { name: /Jura Kft\./ }).click();
  await expect(header(page)).toContainText('Jura Kft.');
  await expect(navigation(page).getByRole('link', { name: 'Változásnapló' })).toBeVisible();

  const ownerContext = await browser.newContext({ locale: 'hu-HU', reducedMotion: 'reduce' });
  const owner = await ownerContext.newPage();
  await owner.goto(`${kontor.baseUrl}/sign-in`);
  await signIn(owner, justus);
  await owner.getByRole('link', { name: 'Felhasználók' }).click();
  const guests = owner.getByRole('table', { name: 'Más fiókokból érkezett személyek' });
  await guests.getByRole('button', { name: /Műveletek/ }).click();
  await owner.getByRole('menuitem', { name: 'Jogosultságok' }).click();
  const dialog = owner.getByRole('dialog', { name: /jogosultságai/ });
  await dialog.getByRole('checkbox', { name: 'Változásnapló megtekintése' }).uncheck();
  await dialog.getByRole('button', { name: 'Jogosultságok mentése' }).click();
  await expect(dialog).toBeHidden();
  await expect(guests).not.toContainText('Változásnapló megtekintése');
  await ownerContext.close();

  // Her very next request knows it.
  expect((await page.request.get(`${kontor.baseUrl}/api/v1/accounts/${accounts.jura}/audit`)).status()).toBe(
    403,
  );
  await navigation(page).getByRole('link', { name: 'Áttekintés' }).click();
  await page.reload();
  await expect(navigation(page).getByRole('link', { name: 'Áttekintés' })).toBeVisible();
  await expect(navigation(page).getByRole('link', { name: 'Változásnapló' })).toHaveCount(0);
});
