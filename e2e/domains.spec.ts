// Issue 14, D2 in German and in Hungarian: the owner adds a domain with a domain contact as registrant and DNS
// records (a CNAME at the apex is refused with the localized message under its field) and exports the zone;
// a member with only "view products & services" sees the domain and its records, the page offers no edit,
// and the API answers 403 to their change.
import type { Browser } from '@playwright/test';
import { chromiumMissing, chromiumMissingReason } from './chromium.ts';
import {
  expect,
  field,
  type Kontor,
  type Page,
  serverCatalog,
  serverMessage,
  test,
  webText,
} from './fixtures.ts';
import { type Seed, seedPortal, signInThroughApi } from './seed.ts';

test.use({ kontorServer: 'domains' });
test.skip(chromiumMissing, chromiumMissingReason);
test.describe.configure({ mode: 'serial' });
// Two people, a download and several dialogs: longer than one page's default.
test.setTimeout(90_000);

const operator = {
  name: 'Olga Operator',
  email: 'olga@domains.example',
  password: 'Bernstein Kranich Mole 77',
};
const memberPassword = 'Leuchtturm Nebelhorn Kieselstrand';
const literally = (value: string) => new RegExp(value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));

let seed: Seed;
test.beforeAll(async ({ kontor, playwright }) => {
  seed = await seedPortal(playwright, kontor, operator);
});
test.afterAll(async () => {
  await seed?.dispose();
});

const csrfHeader = async (page: Page) => {
  const cookies = await page.context().cookies();
  return { 'x-csrf-token': cookies.find((cookie) => cookie.name.endsWith('kontor_csrf'))?.value ?? '' };
};

/** A user of the account holding only "view products & services", with a password, signed in on a page. */
async function readerPage(
  browser: Browser,
  kontor: Kontor,
  owner: Page,
  accountId: string,
  person: { email: string; locale: string },
) {
  const headers = await csrfHeader(owner);
  const accounts = `${kontor.baseUrl}/api/v1/accounts/${accountId}`;
  const created = await owner.request.post(`${accounts}/users`, {
    data: {
      username: person.email.split('@')[0],
      firstName: 'Vera',
      lastName: 'Viewer',
      email: person.email,
    },
    headers,
  });
  expect(created.status(), await created.text()).toBe(201);
  const userId = ((await created.json()) as { user: { id: string } }).user.id;
  const granted = await owner.request.put(`${accounts}/users/${userId}/permissions`, {
    data: { permissions: ['products.view'] },
    headers,
  });
  expect(granted.status(), await granted.text()).toBe(200);

  const context = await browser.newContext({ locale: person.locale });
  const page = await context.newPage();
  const reset = await page.request.post(`${kontor.baseUrl}/api/v1/auth/password-reset`, {
    data: { email: person.email },
  });
  expect(reset.ok(), await reset.text()).toBe(true);
  // The e-mail is in the user's language, which the account's decides until they choose one.
  const mail = await Promise.any(
    (['de', 'en', 'hu'] as const).map((locale) =>
      seed.mailTo(person.email, serverCatalog(locale).email.passwordReset?.subject ?? ''),
    ),
  );
  const token = /reset-password#token=([A-Za-z0-9_-]+)/.exec(mail)?.[1] ?? '';
  const done = await page.request.post(`${kontor.baseUrl}/api/v1/auth/password-reset/complete`, {
    data: { token, password: memberPassword },
  });
  expect(done.ok(), await done.text()).toBe(true);
  await signInThroughApi(page, kontor, '/api/v1/auth/sign-in', {
    email: person.email,
    password: memberPassword,
  });
  return page;
}

for (const language of ['de', 'hu'] as const) {
  const text = (key: string, params?: Record<string, string | number>) => webText(language, key, params);
  const owner = {
    company: language === 'de' ? 'Kanzlei Adler GmbH' : 'Példa Kft.',
    username: `owner-${language}`,
    email: `owner-${language}@domains.example`,
    password: 'Zitronenbaum Fährhafen Morgentau',
    locale: language,
  };
  const domainName = language === 'de' ? 'bücher-adler.example' : 'példa-bolt.example';

  test.describe(language, () => {
    test.use({ locale: language === 'de' ? 'de-DE' : 'hu-HU' });

    test(`the owner keeps a domain, a reader only reads it (${language})`, async ({
      page,
      kontor,
      browser,
    }) => {
      const accountId = await seed.registerOwner(owner);
      await signInThroughApi(page, kontor, '/api/v1/auth/sign-in', owner);
      const contact = await page.request.post(
        `${kontor.baseUrl}/api/v1/accounts/${accountId}/domain-contacts`,
        {
          data: {
            kind: 'person',
            firstName: 'Dora',
            lastName: 'Domain',
            street: 'Hauptstraße 1',
            postalCode: '10115',
            city: 'Berlin',
            country: 'DE',
            phone: '030 1234567',
            email: `dns-${language}@domains.example`,
          },
          headers: await csrfHeader(page),
        },
      );
      expect(contact.status(), await contact.text()).toBe(201);

      await page.goto(`${kontor.baseUrl}/account`);
      await page
        .getByRole('navigation', { name: text('account.navigation') })
        .getByRole('link', { name: text('account.domains') })
        .click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(text('domains.title'));
      await page.getByRole('button', { name: text('domains.new') }).click();
      const add = page.getByRole('dialog', { name: text('domains.new') });
      await field(add, text('domains.name')).fill(domainName);
      await add.getByRole('combobox', { name: text('domains.registrant') }).click();
      // The form names the person as the language does (Hungarian: family name first).
      await page.getByRole('option', { name: language === 'hu' ? 'Domain Dora' : 'Dora Domain' }).click();
      await add.getByRole('button', { name: text('domains.add') }).click();
      await expect(page.getByText(text('domains.added', { name: domainName }))).toBeVisible();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(domainName);

      const addRecord = async (values: { type?: string; name: string; value: string }) => {
        await page.getByRole('button', { name: text('domains.records.new') }).click();
        const dialog = page.getByRole('dialog', { name: text('domains.records.new') });
        if (values.type) {
          await dialog.getByRole('combobox', { name: text('domains.records.type') }).click();
          await page.getByRole('option', { name: values.type, exact: true }).click();
        }
        await field(dialog, text('domains.records.name')).fill(values.name);
        await dialog
          .getByRole('textbox', { name: literally(text(`domains.records.valueOf.${values.type ?? 'A'}`)) })
          .fill(values.value);
        await dialog.getByRole('button', { name: text('domains.records.add') }).click();
        return dialog;
      };
      await addRecord({ name: 'www', value: '192.0.2.10' });
      await expect(page.getByText(text('domains.records.added'))).toBeVisible();

      // A CNAME at the apex: the server's message in the page's language, under the name field.
      const refused = await addRecord({ type: 'CNAME', name: '@', value: 'shops.example.net' });
      const nameField = field(refused, text('domains.records.name'));
      await expect(nameField).toHaveAccessibleDescription(
        literally(serverMessage(language, 'DNS_RECORD_CNAME_AT_APEX')),
      );
      await nameField.fill('shop');
      await refused.getByRole('button', { name: text('domains.records.add') }).click();
      await expect(refused).toBeHidden();
      const records = page.getByRole('table', { name: text('domains.records.title') });
      await expect(records.getByRole('row').filter({ hasText: 'CNAME' })).toContainText('shops.example.net');
      await expect(records.getByRole('row').filter({ hasText: '192.0.2.10' })).toContainText('www');

      const download = page.waitForEvent('download');
      await page.getByRole('link', { name: text('domains.export') }).click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/^xn--.*\.example\.zone$/);
      const zone = await (await file.createReadStream()).toArray();
      const zoneText = Buffer.concat(zone).toString('utf8');
      expect(zoneText).toMatch(/^\$ORIGIN xn--[a-z0-9-]+\.example\.$/m);
      expect(zoneText).toMatch(/^www\t3600\tIN\tA\t192\.0\.2\.10$/m);
      expect(zoneText).toMatch(/^shop\t3600\tIN\tCNAME\tshops\.example\.net\.$/m);

      // The reader sees the domain and its records, and no control that would change them.
      const reader = await readerPage(browser, kontor, page, accountId, {
        email: `vera-${language}@domains.example`,
        locale: language === 'de' ? 'de-DE' : 'hu-HU',
      });
      await reader.goto(`${kontor.baseUrl}/account`);
      await reader
        .getByRole('navigation', { name: text('account.navigation') })
        .getByRole('link', { name: text('account.domains') })
        .click();
      await expect(reader.getByText(text('domains.introReadOnly'))).toBeVisible();
      await expect(reader.getByRole('button', { name: text('domains.new') })).toHaveCount(0);
      await reader.getByRole('link', { name: domainName }).click();
      await expect(reader.getByRole('heading', { level: 1 })).toHaveText(domainName);
      await expect(reader.getByRole('table', { name: text('domains.records.title') })).toContainText(
        '192.0.2.10',
      );
      await expect(reader.getByRole('link', { name: text('domains.export') })).toBeVisible();
      for (const label of ['domains.records.new', 'domains.editSettings', 'domains.remove']) {
        await expect(reader.getByRole('button', { name: text(label) })).toHaveCount(0);
      }
      await expect(reader.getByRole('button', { name: /www/ })).toHaveCount(0);

      const api = `${kontor.baseUrl}/api/v1/accounts/${accountId}/domains`;
      const list = (await (await reader.request.get(api)).json()) as { items: { id: string }[] };
      const domainId = list.items[0]?.id ?? '';
      const change = await reader.request.post(`${api}/${domainId}/records`, {
        data: { name: 'evil', type: 'A', value: '192.0.2.66' },
        headers: await csrfHeader(reader),
      });
      expect(change.status()).toBe(403);
      const removal = await reader.request.delete(`${api}/${domainId}`, {
        headers: await csrfHeader(reader),
      });
      expect(removal.status()).toBe(403);
      await reader.context().close();
    });
  });
}
