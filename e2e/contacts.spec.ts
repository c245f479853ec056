// Issue 11, items 1 and 2 in German and Hungarian: an owner adds an accountant contact who receives
// invoice e-mails only (a bad phone number is refused under its field), sees on the routing page who
// receives what, sends a test e-mail that reaches the contact in her own language, and the contact
// unsubscribes with the e-mail's link on a page in her language.

import { chromiumMissing, chromiumMissingReason } from './chromium.ts';
import { putOffExpressSetup } from './express-setup-later.ts';
import { expect, field, type Page, serverCatalog, test, webText } from './fixtures.ts';
import { type Seed, seedPortal } from './seed.ts';

test.use({ kontorServer: 'contacts' });
test.skip(chromiumMissing, chromiumMissingReason);
test.describe.configure({ mode: 'serial' });

const operator = {
  name: 'Olga Operátor',
  email: 'olga@kontakte.example',
  password: 'Borostyán Daru Móló 12',
};
let seed: Seed;
test.beforeAll(async ({ kontor, playwright }) => {
  seed = await seedPortal(playwright, kontor, operator);
});
test.afterAll(async () => {
  await seed?.dispose();
});

for (const locale of ['de', 'hu'] as const) {
  test.describe(`in ${locale}`, () => {
    test.use({ locale: locale === 'hu' ? 'hu-HU' : 'de-DE' });
    const text = (key: string, params?: Record<string, string>) => webText(locale, key, params);
    const company = locale === 'hu' ? 'Jura Kft.' : 'Kanzlei Jura';
    const owner = {
      email: `justus-${locale}@jura.example`,
      password: 'Lavendel Brücke Abend 31',
      username: 'justus',
    };
    const accountant = { name: 'Erika Zahl', email: `erika-${locale}@steuer.example` };
    const navigation = (page: Page) => page.getByRole('navigation', { name: text('account.navigation') });

    async function signIn(page: Page, kontor: { baseUrl: string }) {
      await page.goto(`${kontor.baseUrl}/sign-in`);
      await field(page, text('signIn.email')).fill(owner.email);
      await field(page, text('signIn.password')).fill(owner.password);
      await page.getByRole('button', { name: text('signIn.submit'), exact: true }).click();
      await putOffExpressSetup(page, locale); // the owner's first sign-in opens the express setup (T1)
      await expect(page.getByRole('banner')).toContainText(company);
    }

    test('the owner adds an accountant who receives invoice e-mails only', async ({ page, kontor }) => {
      await seed.registerOwner({ company, locale, ...owner });
      await signIn(page, kontor);
      await navigation(page)
        .getByRole('link', { name: text('account.contacts'), exact: true })
        .click();
      await expect(page.getByText(text('contacts.none'))).toBeVisible();
      await page.getByRole('button', { name: text('contacts.add') }).click();
      const dialog = page.getByRole('dialog', { name: text('contacts.addTitle') });
      await field(dialog, text('contacts.name')).fill(accountant.name);
      await field(dialog, text('contacts.email')).fill(accountant.email);
      await field(dialog, text('contacts.phone')).fill('12');
      await dialog.getByRole('checkbox', { name: text('notifications.categories.invoice') }).check();
      await dialog.getByRole('button', { name: text('contacts.add') }).click();
      // The server's refusal lands under the field, and nothing typed is lost.
      await expect(field(dialog, text('contacts.phone'))).toHaveAccessibleDescription(
        new RegExp(serverCatalog(locale).errors.PHONE_INVALID?.slice(0, 30) ?? '-'),
      );
      await expect(field(dialog, text('contacts.name'))).toHaveValue(accountant.name);
      await field(dialog, text('contacts.phone')).fill(locale === 'hu' ? '06 1 234 5678' : '030 1234567');
      await dialog.getByRole('button', { name: text('contacts.add') }).click();
      await expect(dialog).toBeHidden();

      const row = page.getByRole('row').filter({ hasText: accountant.email });
      await expect(row).toContainText(accountant.name);
      await expect(row).toContainText(locale === 'hu' ? '+36 1 234 5678' : '+49 30 1234567');
      await expect(row).toContainText(text('notifications.categories.invoice'));
      await expect(row).not.toContainText(text('notifications.categories.support'));
    });

    test('the routing page shows who receives what, and a test e-mail reaches the accountant', async ({
      page,
      kontor,
    }) => {
      await signIn(page, kontor);
      await navigation(page)
        .getByRole('link', { name: text('account.notifications') })
        .click();
      const card = (category: string) =>
        page.getByRole('region', { name: text(`notifications.categories.${category}`) });
      await expect(card('invoice')).toContainText(owner.email);
      await expect(card('invoice')).toContainText(accountant.email);
      await expect(card('support')).toContainText(owner.email);
      await expect(card('support')).not.toContainText(accountant.email);
      await card('invoice')
        .getByRole('button', {
          name: text('notifications.sendTestFor', { category: text('notifications.categories.invoice') }),
        })
        .click();
      await expect(
        page.getByRole('status').filter({ hasText: text('notifications.testSent_other', { count: '2' }) }),
      ).toBeVisible();
    });

    test('the accountant unsubscribes with the link of the e-mail', async ({ page, kontor }) => {
      const catalog = serverCatalog(locale) as unknown as {
        email: { categories: Record<string, string>; notificationTest: { subject: string } };
      };
      const subject = catalog.email.notificationTest.subject
        .replace('{{category}}', catalog.email.categories.invoice ?? '')
        .replace('{{companyName}}', company);
      const mail = await seed.mailTo(accountant.email, subject);
      const link = /https?:\/\/\S+\/unsubscribe\/\S+/.exec(mail)?.[0] ?? '';
      expect(link).not.toBe('');
      await page.goto(link);
      await expect(page.getByRole('heading', { name: text('unsubscribe.title') })).toBeVisible();
      await page.getByRole('button', { name: text('unsubscribe.confirm') }).click();
      await expect(page.getByRole('status')).toContainText(accountant.email);

      await signIn(page, kontor);
      await page.goto(`${kontor.baseUrl}/account/notifications`);
      await expect(
        page.getByRole('region', { name: text('notifications.categories.invoice') }),
      ).not.toContainText(accountant.email);
    });
  });
}
