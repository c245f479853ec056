// Issue 8, items 4–6 in Hungarian and German: an owner invites the owner of a second account with two
// permissions; she accepts with her own login, switches between the two accounts, sees only the menus she
// may use, and direct API calls outside them are refused; the owner takes a permission away again. In
// English: a person without any login accepts with a personal one.
import type { APIRequestContext } from '@playwright/test';
import { chromiumMissing, chromiumMissingReason } from './chromium.ts';
import { putOffExpressSetup } from './express-setup-later.ts';
import { expect, field, type Page, test, webText } from './fixtures.ts';
import { type Seed, seedPortal } from './seed.ts';

test.use({ kontorServer: 'invitations' });
test.skip(chromiumMissing, chromiumMissingReason);
test.describe.configure({ mode: 'serial' });

// One portal for both languages; each language has its own two accounts.
const operator = {
  name: 'Olga Operátor',
  email: 'olga@meghivas.example',
  password: 'Borostyán Daru Móló 12',
};
let seed: Seed;
test.beforeAll(async ({ kontor, playwright }) => {
  seed = await seedPortal(playwright, kontor, operator);
});
test.afterAll(async () => {
  await seed?.dispose();
});

/** The link in the newest e-mail to an address that leads to `page`. */
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

type Locale = 'de' | 'en' | 'hu';
const literally = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** On the users page of the signed-in owner: the invite dialog, sent, and the invitation listed as sent. */
async function inviteThroughPage(page: Page, locale: Locale, email: string, permissions: string[]) {
  const text = (key: string, params?: Record<string, string>) => webText(locale, key, params);
  await page
    .getByRole('navigation', { name: text('account.navigation') })
    .getByRole('link', { name: text('account.users') })
    .click();
  await page.getByRole('button', { name: text('invitations.invite') }).click();
  const dialog = page.getByRole('dialog', { name: text('invitations.inviteTitle') });
  await dialog.getByRole('textbox', { name: text('invitations.email') }).fill(email);
  for (const name of permissions) {
    await dialog.getByRole('checkbox', { name: text(`permissionNames.${name}`) }).check();
  }
  await dialog.getByRole('button', { name: text('invitations.send') }).click();
  await expect(dialog).toBeHidden();
  await expect(
    page.getByRole('status').filter({ hasText: text('invitations.sent', { email }) }),
  ).toBeVisible();
  const invitations = page.getByRole('table', { name: text('invitations.listTitle') });
  await expect(invitations.getByRole('row', { name: new RegExp(literally(email)) })).toContainText(
    text('invitations.states.sent'),
  );
}

for (const locale of ['hu', 'de'] as const) {
  test.describe(`in ${locale}`, () => {
    test.use({ locale: locale === 'hu' ? 'hu-HU' : 'de-DE' });
    const text = (key: string, params?: Record<string, string>) => webText(locale, key, params);
    const justus = {
      email: `jozsef-${locale}@jura.example`,
      password: 'Citromfa Komp Reggel 77',
      username: 'jozsef',
    };
    const eva = { email: `eva-${locale}@ado.example`, password: 'Levendula Híd Alkony 31', username: 'eva' };
    const kata = {
      username: 'kata',
      firstName: 'Kata',
      lastName: 'Kovács',
      email: `kata-${locale}@jura.example`,
    };
    const accounts = { jura: '', ado: '' };

    test.beforeAll(async () => {
      accounts.jura = await seed.registerOwner({ company: 'Jura Kft.', locale, ...justus });
      accounts.ado = await seed.registerOwner({ company: 'Adó Bt.', locale, ...eva });
    });

    async function signIn(page: Page, person: { email: string; password: string }) {
      await field(page, text('signIn.email')).fill(person.email);
      await field(page, text('signIn.password')).fill(person.password);
      await page.getByRole('button', { name: text('signIn.submit'), exact: true }).click();
    }
    const navigation = (page: Page) => page.getByRole('navigation', { name: text('account.navigation') });
    const header = (page: Page) => page.getByRole('banner');
    const permission = (key: string) => text(`permissionNames.${key}`);
    const status = (page: Page, message: string) => page.getByRole('status').filter({ hasText: message });

    test('the owner invites a person from another account with two permissions', async ({ page, kontor }) => {
      await page.goto(`${kontor.baseUrl}/sign-in`);
      await signIn(page, justus);
      await putOffExpressSetup(page, locale); // the owner's first sign-in opens the express setup (T1)
      await expect(header(page)).toContainText('Jura Kft.');
      await inviteThroughPage(page, locale, eva.email, ['audit.read', 'invoices.view']);
    });

    test('she accepts with her own login and acts in the inviting account with only what was given', async ({
      page,
      kontor,
    }) => {
      await page.goto(await linkTo(seed.operatorApi, eva.email, 'invitation'));
      await expect(page.getByRole('heading', { name: text('invitation.title') })).toBeVisible();
      const main = page.getByRole('main');
      await expect(main).toContainText('Jura Kft.');
      await expect(main).toContainText(`${permission('audit.read')}, ${permission('invoices.view')}`);
      await page.getByRole('button', { name: text('invitation.signIn') }).click();
      await signIn(page, eva);
      // Back on the invitation, now signed in as the person it is for.
      await page.getByRole('button', { name: text('invitation.accept') }).click();
      await expect(status(page, text('invitation.accepted', { companyName: 'Jura Kft.' }))).toBeVisible();
      await expect(header(page)).toContainText('Jura Kft.');
      const audit = navigation(page).getByRole('link', { name: text('account.audit') });
      await expect(audit).toBeVisible();
      await expect(navigation(page).getByRole('link', { name: text('account.twoFactor') })).toBeVisible();
      await audit.click();
      await expect(page.getByRole('table')).toContainText(text('audit.actions.invitation.accepted'));

      // What she was not given, the server refuses whatever the page offers.
      const cookies = await page.context().cookies();
      const csrf = cookies.find((cookie) => cookie.name.endsWith('kontor_csrf'))?.value ?? '';
      const api = (path: string) => `${kontor.baseUrl}/api/v1/accounts/${path}`;
      const create = await page.request.post(api(`${accounts.jura}/users`), {
        data: { username: 'eva-sneaks', firstName: 'E', lastName: 'V' },
        headers: { 'x-csrf-token': csrf },
      });
      expect(create.status()).toBe(403);
      expect((await page.request.get(api(`${accounts.jura}/invitations`))).status()).toBe(403);
      expect((await page.request.get(api(`${accounts.ado}/users`))).status()).toBe(404);

      // One click switches to her own account, where she is the owner and sees every menu.
      const switcher = text('accountSwitch.menu', { name: 'Jura Kft.', customerNumber: '.*' });
      await header(page)
        .getByRole('button', { name: new RegExp(literally(switcher).replace('\\.\\*', '.*')) })
        .click();
      await page.getByRole('menuitem', { name: /Adó Bt\./ }).click();
      await expect(status(page, text('accountSwitch.switched', { name: 'Adó Bt.' }))).toBeVisible();
      await expect(header(page)).toContainText('Adó Bt.');
      await expect(navigation(page).getByRole('link', { name: text('account.audit') })).toBeVisible();
      expect((await page.request.get(api(`${accounts.ado}/users`))).status()).toBe(200);
      expect((await page.request.get(api(`${accounts.jura}/audit`))).status()).toBe(404);
    });

    test('with two accounts, sign-in asks which one; a permission taken away is gone at once', async ({
      page,
      browser,
      kontor,
    }) => {
      await page.goto(`${kontor.baseUrl}/sign-in`);
      await signIn(page, eva);
      await expect(page.getByRole('heading', { name: text('accountSwitch.chooseTitle') })).toBeVisible();
      await page.getByRole('button', { name: /Jura Kft\./ }).click();
      await expect(header(page)).toContainText('Jura Kft.');
      await expect(navigation(page).getByRole('link', { name: text('account.audit') })).toBeVisible();

      const ownerContext = await browser.newContext({ locale, reducedMotion: 'reduce' });
      const owner = await ownerContext.newPage();
      await owner.goto(`${kontor.baseUrl}/sign-in`);
      await signIn(owner, justus);
      await putOffExpressSetup(owner, locale);
      await owner.getByRole('link', { name: text('account.users') }).click();
      const guests = owner.getByRole('table', { name: text('invitations.guestsTitle') });
      await guests
        .getByRole('button', { name: new RegExp(literally(text('users.actionsFor', { name: '' }))) })
        .click();
      await owner.getByRole('menuitem', { name: text('users.permissions') }).click();
      const dialog = owner.getByRole('dialog');
      await dialog.getByRole('checkbox', { name: permission('audit.read') }).uncheck();
      await dialog.getByRole('button', { name: text('users.permissionsSave') }).click();
      await expect(dialog).toBeHidden();
      await expect(guests).not.toContainText(permission('audit.read'));
      await ownerContext.close();

      // Her very next request knows it, and so does the page once it asks again.
      expect(
        (await page.request.get(`${kontor.baseUrl}/api/v1/accounts/${accounts.jura}/audit`)).status(),
      ).toBe(403);
      await page.reload();
      await expect(navigation(page).getByRole('link', { name: text('account.overview') })).toBeVisible();
      await expect(navigation(page).getByRole('link', { name: text('account.audit') })).toHaveCount(0);
    });
    test('the owner hands ownership to an admin with the password and stays an admin', async ({
      page,
      kontor,
    }) => {
      await page.goto(`${kontor.baseUrl}/sign-in`);
      await signIn(page, justus);
      await putOffExpressSetup(page, locale); // the owner's first sign-in opens the express setup (T1)
      await expect(header(page)).toContainText('Jura Kft.');
      // An admin to hand it to, made through the API as the page would.
      const cookies = await page.context().cookies();
      const headers = {
        'x-csrf-token': cookies.find((cookie) => cookie.name.endsWith('kontor_csrf'))?.value ?? '',
      };
      const users = `${kontor.baseUrl}/api/v1/accounts/${accounts.jura}/users`;
      const created = await page.request.post(users, { data: kata, headers });
      const kataId = ((await created.json()) as { user: { id: string } }).user.id;
      expect((await page.request.put(`${users}/${kataId}/admin`, { headers })).ok()).toBe(true);

      await navigation(page)
        .getByRole('link', { name: text('account.users') })
        .click();
      const kataName = locale === 'hu' ? 'Kovács Kata' : 'Kata Kovács';
      await page.getByRole('button', { name: text('users.actionsFor', { name: kataName }) }).click();
      await page.getByRole('menuitem', { name: text('users.transfer') }).click();
      const dialog = page.getByRole('dialog', { name: text('users.confirmTransfer.title') });
      const password = field(dialog, text('changePassword.current'));
      await password.fill('not my password');
      await dialog.getByRole('button', { name: text('users.confirmTransfer.button') }).click();
      await expect(password).toBeFocused();
      await password.fill(justus.password);
      await dialog.getByRole('button', { name: text('users.confirmTransfer.button') }).click();
      await expect(dialog).toBeHidden();
      await expect(status(page, text('users.transferred', { name: kataName }))).toBeVisible();
      await expect(header(page)).toContainText(text('roles.admin'));
    });
  });
}

test.describe('in en', () => {
  test.use({ locale: 'en-GB' });
  const text = (key: string, params?: Record<string, string>) => webText('en', key, params);
  const owner = { email: 'grace@law.example', password: 'Harbour Lantern Meadow 58', username: 'grace' };
  const lena = { email: 'lena@freelance.example', password: 'Copper Kettle Orchard 93' };

  test('a person without a login accepts with a personal one, which signs in by e-mail', async ({
    page,
    browser,
    kontor,
  }) => {
    await seed.registerOwner({ company: 'Law & Co', locale: 'en', ...owner });
    await page.goto(`${kontor.baseUrl}/sign-in`);
    await field(page, text('signIn.email')).fill(owner.email);
    await field(page, text('signIn.password')).fill(owner.password);
    await page.getByRole('button', { name: text('signIn.submit'), exact: true }).click();
    await putOffExpressSetup(page, 'en');
    await inviteThroughPage(page, 'en', lena.email, ['support.open']);

    const context = await browser.newContext({ locale: 'en-GB', reducedMotion: 'reduce' });
    const invited = await context.newPage();
    await invited.goto(await linkTo(seed.operatorApi, lena.email, 'invitation'));
    const form = invited.getByRole('region', { name: text('invitation.createIdentity') });
    await expect(form).toContainText(lena.email);
    await field(form, text('register.firstName')).fill('Lena');
    await field(form, text('register.lastName')).fill('Lindqvist');
    // A password built from her name is refused under the field, and nothing is lost.
    await field(form, text('register.password')).fill('Lena Lindqvist 2026');
    await field(form, text('password.repeat')).fill('Lena Lindqvist 2026');
    await form.getByRole('button', { name: text('invitation.createAndAccept') }).click();
    await expect(field(form, text('register.password'))).toBeFocused();
    await expect(field(form, text('register.firstName'))).toHaveValue('Lena');
    await field(form, text('register.password')).fill(lena.password);
    await field(form, text('password.repeat')).fill(lena.password);
    await form.getByRole('button', { name: text('invitation.createAndAccept') }).click();

    const status = invited
      .getByRole('status')
      .filter({ hasText: text('invitation.accepted', { companyName: 'Law & Co' }) });
    await expect(status).toBeVisible();
    await expect(invited.getByRole('banner')).toContainText('Law & Co');
    await expect(invited.getByRole('main')).toContainText(text('account.personalLoginHint'));
    const navigation = invited.getByRole('navigation', { name: text('account.navigation') });
    await expect(navigation.getByRole('link', { name: text('account.password') })).toBeVisible();
    await expect(navigation.getByRole('link', { name: text('account.identification') })).toHaveCount(0);
    await context.close();

    const again = await (await browser.newContext({ locale: 'en-GB' })).newPage();
    await again.goto(`${kontor.baseUrl}/sign-in`);
    await field(again, text('signIn.email')).fill(lena.email);
    await field(again, text('signIn.password')).fill(lena.password);
    await again.getByRole('button', { name: text('signIn.submit'), exact: true }).click();
    await expect(again.getByRole('banner')).toContainText('Law & Co');
    await again.context().close();

    // The owner sees her among the invited people, as a personal login.
    await page.reload();
    const guests = page.getByRole('table', { name: text('invitations.guestsTitle') });
    await expect(guests.getByRole('row', { name: /Lena/ })).toContainText(text('invitations.personalLogin'));
  });
});
