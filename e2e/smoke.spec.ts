import { chromiumMissing, chromiumMissingReason } from './chromium.ts';
import {
  expect,
  field,
  type Kontor,
  type Page,
  pageHeading,
  serverMessage,
  switchLanguage,
  test,
} from './fixtures.ts';

const operator = {
  name: 'Erika Mustermann',
  email: 'erika@example.com',
  password: 'correct horse battery staple',
};

async function signIn(page: Page, kontor: Kontor, password = operator.password) {
  await page.goto(`${kontor.baseUrl}/operator/sign-in`);
  await field(page, 'E-mail address').fill(operator.email);
  await field(page, 'Password').fill(password);
  await field(page, 'Password').press('Enter');
}

test.skip(chromiumMissing, chromiumMissingReason);

test.describe('before any operator exists', () => {
  test('speaks the browser language, falling back to German', async ({ browser, kontor }) => {
    const cases = [
      { locale: 'de-DE', heading: 'Anmelden', lang: 'de', label: 'Sprache' },
      { locale: 'en-GB', heading: 'Sign in', lang: 'en', label: 'Language' },
      { locale: 'hu-HU', heading: 'Bejelentkezés', lang: 'hu', label: 'Nyelv' },
      { locale: 'fr-FR', heading: 'Anmelden', lang: 'de', label: 'Sprache' },
    ];
    for (const { locale, heading, lang, label } of cases) {
      const context = await browser.newContext({ locale });
      const page = await context.newPage();
      await page.goto(`${kontor.baseUrl}/sign-in`);
      await expect(pageHeading(page)).toHaveText(heading);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.getByRole('banner').getByLabel(label, { exact: true })).toBeVisible();
      await context.close();
    }
  });

  test('the switcher changes the language, and the choice is remembered', async ({ page, kontor }) => {
    await page.goto(`${kontor.baseUrl}/sign-in`);
    await expect(pageHeading(page)).toHaveText('Sign in');
    await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeAttached();

    await switchLanguage(page, 'Magyar');
    await expect(pageHeading(page)).toHaveText('Bejelentkezés');
    await expect(field(page, 'Jelszó')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'hu');

    await page.reload();
    await expect(pageHeading(page)).toHaveText('Bejelentkezés');

    await page.evaluate(() => localStorage.setItem('kontor.locale', 'de'));
    await page.reload();
    await expect(pageHeading(page)).toHaveText('Anmelden');
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');

    await switchLanguage(page, 'English');
    await expect(pageHeading(page)).toHaveText('Sign in');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });

  test('unknown paths show a translated "page not found"', async ({ page, kontor }) => {
    await page.goto(`${kontor.baseUrl}/no/such/page`);
    await expect(pageHeading(page)).toHaveText('Page not found');
    await switchLanguage(page, 'Deutsch');
    await expect(pageHeading(page)).toHaveText('Seite nicht gefunden');
  });

  test('the operator area sends visitors without a session to the staff sign-in', async ({
    page,
    kontor,
  }) => {
    await page.goto(`${kontor.baseUrl}/operator/mailbox`);
    await expect(page).toHaveURL(`${kontor.baseUrl}/operator/sign-in`);
    await expect(pageHeading(page)).toHaveText('Staff sign-in');
    await page.getByRole('link', { name: 'Customer sign-in' }).click();
    await expect(page).toHaveURL(`${kontor.baseUrl}/sign-in`);
    await page.getByRole('link', { name: 'Staff sign-in' }).click();
    await expect(page).toHaveURL(`${kontor.baseUrl}/operator/sign-in`);
  });

  test('the start page sends visitors without a session to sign-in', async ({ page, kontor }) => {
    await page.goto(`${kontor.baseUrl}/`);
    await expect(page).toHaveURL(`${kontor.baseUrl}/sign-in`);
  });
});

test.describe('the first operator', () => {
  // Each step builds on the one before (set-up, then sign-in); after a failure the rest would only add noise.
  test.describe.configure({ mode: 'serial' });

  test('the printed set-up link creates the first operator', async ({ page, kontor }) => {
    await page.goto(kontor.setupLink);
    await expect(pageHeading(page)).toHaveText('Set up Kontor');
    await expect(page).toHaveURL(`${kontor.baseUrl}/setup`); // the token left the address bar

    const password = field(page, 'Password');
    const repeat = field(page, 'Repeat password');
    await field(page, 'Name').fill(operator.name);
    await field(page, 'E-mail address').fill('not-an-e-mail');
    await password.fill('short');
    await expect(password).toHaveAccessibleDescription(/12–128 characters.*7 more characters needed/);
    await password.fill(operator.password);
    await expect(password).not.toHaveAccessibleDescription(/more characters? needed/);
    await repeat.fill('something else entirely');
    await repeat.press('Enter');
    await expect(repeat).toHaveAccessibleDescription('The passwords do not match.');
    await expect(repeat).toBeFocused();

    await repeat.fill(operator.password);
    await page.getByRole('button', { name: 'Create operator account' }).click();
    const email = field(page, 'E-mail address');
    await expect(email).toHaveAccessibleDescription(/is not a valid e-mail address/i);
    await expect(email).toBeFocused();
    await expect(page.getByRole('alert').first()).toContainText('Please check the marked fields');

    await switchLanguage(page, 'Deutsch');
    await page.getByRole('button', { name: 'Betreiberzugang anlegen' }).click();
    await expect(field(page, 'E-Mail-Adresse')).toHaveAccessibleDescription(
      /ist keine gültige E-Mail-Adresse/i,
    );

    await switchLanguage(page, 'English');
    await email.fill(operator.email);
    await page.getByLabel('Preferred language').selectOption({ label: 'Magyar' });
    await page.getByRole('button', { name: 'Create operator account' }).click();

    await expect(page).toHaveURL(`${kontor.baseUrl}/operator/sign-in`);
    await expect(page.getByRole('status')).toContainText('Your operator account has been created');
    await expect(field(page, 'E-mail address')).toHaveValue(operator.email);
  });

  test('a used set-up link says so', async ({ page, kontor }) => {
    await page.goto(kontor.setupLink);
    await expect(page.getByRole('alert')).toContainText('This set-up link has already been used');
    await expect(field(page, 'Name')).toHaveCount(0);
    await page.getByRole('link', { name: 'Go to sign-in' }).click();
    await expect(page).toHaveURL(`${kontor.baseUrl}/operator/sign-in`);
  });

  test('a wrong password is refused in the chosen language', async ({ page, kontor }) => {
    await signIn(page, kontor, 'not the right password');
    await expect(page.getByRole('alert')).toHaveText(serverMessage('en', 'SIGN_IN_FAILED'));
    await switchLanguage(page, 'Magyar');
    await field(page, 'Jelszó').fill('still not the right one');
    await page.getByRole('button', { name: 'Bejelentkezés' }).click();
    await expect(page.getByRole('alert')).toHaveText(serverMessage('hu', 'SIGN_IN_FAILED'));
    await expect(page).toHaveURL(`${kontor.baseUrl}/operator/sign-in`);
  });

  test('the operator lands on the customer accounts and reads the welcome e-mail in the built-in mailbox', async ({
    page,
    kontor,
  }) => {
    await signIn(page, kontor);
    // Operators land on the customer accounts, their daily work, in the language they chose at set-up.
    await expect(page).toHaveURL(`${kontor.baseUrl}/operator/accounts`);
    await expect(pageHeading(page)).toHaveText('Ügyfélfiókok');
    await expect(pageHeading(page)).toBeFocused();
    await expect(page.getByRole('banner')).toContainText('Üzemeltetői terület');
    // Switching the language stores it for the operator (issue 8, item 9).
    await switchLanguage(page, 'English');
    await expect(pageHeading(page)).toHaveText('Customer accounts');
    await expect(page.getByRole('banner')).toContainText('Operator area');
    await expect
      .poll(
        async () =>
          (await (await page.request.get(`${kontor.baseUrl}/api/v1/operator/session`)).json()).operator
            .locale,
      )
      .toBe('en');
    await page.goto(`${kontor.baseUrl}/`);
    await expect(page).toHaveURL(`${kontor.baseUrl}/operator/accounts`);
    await page.getByRole('link', { name: 'Mailbox' }).click();
    await expect(page.getByText('No SMTP server is configured')).toBeVisible();

    // The operator chose Hungarian, so the welcome e-mail is in Hungarian.
    const welcome = page.getByRole('link', { name: 'Elkészült az üzemeltetői hozzáférése' });
    await expect(async () => {
      await page.getByRole('button', { name: 'Refresh' }).click();
      await expect(welcome).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
    await expect(page.getByRole('row', { name: /üzemeltetői hozzáférése/ })).toContainText(operator.email);

    await welcome.click();
    await expect(page).toHaveURL(new RegExp(`${kontor.baseUrl}/operator/mailbox/[^/]+$`));
    await expect(pageHeading(page)).toHaveText('Elkészült az üzemeltetői hozzáférése');
    const signInLink = page.locator('pre').getByRole('link', { name: /\/sign-in/ });
    // The operator's sign-in is /operator/sign-in; the e-mail may still name the customers' /sign-in.
    await expect(signInLink).toHaveAttribute('href', new RegExp(`^${kontor.baseUrl}(/operator)?/sign-in$`));

    await page.getByRole('link', { name: 'Customer accounts' }).click();
    await expect(pageHeading(page)).toHaveText('Customer accounts');
    await expect(page.getByText('No customer accounts yet')).toBeVisible();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(`${kontor.baseUrl}/operator/sign-in`);
    await page.goto(`${kontor.baseUrl}/operator/mailbox`);
    await expect(page).toHaveURL(`${kontor.baseUrl}/operator/sign-in`);
  });
});
