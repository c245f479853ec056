// S8 in the browser, in Hungarian: a customer sets up an authenticator app from the key shown on the page
// (the test computes the app's codes with otpauth), signs out, and signs in with password and code.
import { Secret, TOTP } from 'otpauth';
import { chromiumMissing, chromiumMissingReason } from './chromium.ts';
import { putOffExpressSetup } from './express-setup-later.ts';
import { expect, field, type Kontor, type Page, pageHeading, test } from './fixtures.ts';
import { type Seed, seedPortal, signInThroughApi } from './seed.ts';

// The seed uses up the printed set-up link for its operator, so the spec gets a Kontor of its own.
test.use({ kontorServer: 'two-factor', locale: 'hu-HU' });
test.skip(chromiumMissing, chromiumMissingReason);

const operator = {
  name: 'Olga Üzemeltető',
  email: 'olga@totp.example',
  password: 'Bernstein Kranich Mole 12',
};
const owner = { email: 'kovacs@totp.example', password: 'Zitronenbaum Fährhafen Morgentau' };
const strict = { email: 'szabo@totp.example', password: 'Sárgarépa Hajóállomás Hajnal 7' };

let seed: Seed;
test.beforeAll(async ({ kontor, playwright }) => {
  seed = await seedPortal(playwright, kontor, operator);
  await seed.registerOwner({ company: 'Kovács Kft.', username: 'kovacs', locale: 'hu', ...owner });
  await seed.registerOwner({ company: 'Szabó Bt.', username: 'szabo', locale: 'hu', ...strict });
});
test.afterAll(async () => {
  await seed?.dispose();
});

/** What the app shows now, or `steps` × 30 seconds later. */
const codeOf = (secret: string, steps = 0) =>
  new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: Date.now() + steps * 30_000 });
/** A code wrong for certain: none the window accepts now or a step later. */
const wrongCodeOf = (secret: string) => {
  const accepted = new Set([-1, 0, 1, 2].map((steps) => codeOf(secret, steps)));
  return ['000000', '111111', '222222', '333333', '444444'].find((code) => !accepted.has(code)) as string;
};

async function signIn(page: Page, kontor: Kontor, person: { email: string; password: string }) {
  await page.goto(`${kontor.baseUrl}/sign-in`);
  await field(page, 'E-mail-cím').fill(person.email);
  await field(page, 'Jelszó').fill(person.password);
  await page.getByRole('button', { name: 'Bejelentkezés', exact: true }).click();
}

/** The key shown for typing into the app, without the gaps between its groups. */
async function shownSecret(page: Page) {
  const secret = ((await page.getByLabel('Kulcs kézi beíráshoz').textContent()) ?? '').replace(/\s/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  return secret;
}

test('a customer sets up two-factor sign-in and signs in with password and code', async ({
  page,
  kontor,
}) => {
  await signInThroughApi(page, kontor, '/api/v1/auth/sign-in', owner);
  await page.goto(`${kontor.baseUrl}/account/two-factor`);
  await expect(pageHeading(page)).toHaveText('Kétlépcsős bejelentkezés');
  await expect(page.getByText('Kikapcsolva', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Hitelesítő alkalmazás beállítása' }).click();

  await expect(
    page.getByRole('img', {
      name: 'QR-kód a kétlépcsős bejelentkezés beállításához egy hitelesítő alkalmazásban',
    }),
  ).toBeVisible();
  const secret = await shownSecret(page);
  const code = field(page, 'Az alkalmazás kódja');
  await expect(code).toHaveAttribute('autocomplete', 'one-time-code');
  await code.fill(wrongCodeOf(secret));
  await page.getByRole('button', { name: 'Bekapcsolás' }).click();
  await expect(code).toHaveAccessibleDescription(/nem helyes/);
  await code.fill(codeOf(secret));
  await page.getByRole('button', { name: 'Bekapcsolás' }).click();

  await expect(page.getByRole('heading', { name: 'Az Ön helyreállító kódjai' })).toBeVisible();
  await expect(
    page.getByRole('list', { name: 'Az Ön helyreállító kódjai' }).getByRole('listitem'),
  ).toHaveCount(10);
  await expect(page.getByRole('link', { name: 'Letöltés szövegfájlként' })).toBeVisible();
  await page.getByRole('button', { name: 'Elmentettem a kódokat' }).click();
  await expect(page.getByText('Bekapcsolva', { exact: true })).toBeVisible();
  await expect(page.getByText('Megmaradt helyreállító kódok: 10')).toBeVisible();

  await page.getByRole('button', { name: 'Kijelentkezés' }).first().click();
  await expect(pageHeading(page)).toHaveText('Bejelentkezés');
  await signIn(page, kontor, owner);

  await expect(pageHeading(page)).toHaveText('Kód megadása');
  // The enrolment spent the current step; the next one is within the accepted window.
  await field(page, 'Az alkalmazás kódja').fill(codeOf(secret, 1));
  await page.getByRole('button', { name: 'Bejelentkezés', exact: true }).click();
  await putOffExpressSetup(page, 'hu'); // the owner's first sign-in in the browser opens the express setup (T1)
  await expect(page).toHaveURL(`${kontor.baseUrl}/account`);
  await expect(pageHeading(page)).toHaveText('Áttekintés');
});

test('an admin requires two-factor sign-in for everyone; the next sign-in sets it up first', async ({
  page,
  kontor,
}) => {
  await signIn(page, kontor, strict);
  await putOffExpressSetup(page, 'hu'); // the owner's first sign-in opens the express setup (T1)
  await expect(page).toHaveURL(`${kontor.baseUrl}/account`);
  await page.goto(`${kontor.baseUrl}/account/two-factor`);
  const policy = page.getByRole('switch', {
    name: 'Kétlépcsős bejelentkezés megkövetelése a fiók minden tagjától',
  });
  await expect(policy).toBeEnabled();
  await policy.check();
  await expect(page.getByRole('status').filter({ hasText: 'mostantól mindenkinek kötelező' })).toBeVisible();
  await page.getByRole('button', { name: 'Kijelentkezés' }).first().click();

  await signIn(page, kontor, strict);
  await expect(pageHeading(page)).toHaveText('Kétlépcsős bejelentkezés beállítása');
  await page.getByRole('button', { name: 'Hitelesítő alkalmazás beállítása' }).click();
  const secret = await shownSecret(page);
  await field(page, 'Az alkalmazás kódja').fill(codeOf(secret));
  await page.getByRole('button', { name: 'Bekapcsolás' }).click();
  await expect(
    page.getByRole('list', { name: 'Az Ön helyreállító kódjai' }).getByRole('listitem'),
  ).toHaveCount(10);
  await page.getByRole('button', { name: 'Tovább a fiókomhoz' }).click();
  await expect(page).toHaveURL(`${kontor.baseUrl}/account`);
  await expect(pageHeading(page)).toHaveText('Áttekintés');
});
