// S8 in the browser, in Hungarian: a customer sets up an authenticator app from the key shown on the page
// (the test computes the app's codes with otpauth), signs out, and signs in with password and code.
import { Secret, TOTP } from 'otpauth';
import { chromiumMissing, chromiumMissingReason } from './chromium.ts';
import { expect, field, pageHeading, test } from './fixtures.ts';
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

let seed: Seed;
test.beforeAll(async ({ kontor, playwright }) => {
  seed = await seedPortal(playwright, kontor, operator);
  await seed.registerOwner({ company: 'Kovács Kft.', username: 'kovacs', locale: 'hu', ...owner });
});
test.afterAll(async () => {
  await seed?.dispose();
});

/** What the app shows now, or `steps` × 30 seconds later. */
const codeOf = (secret: string, steps = 0) =>
  new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: Date.now() + steps * 30_000 });

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
  const secret = ((await page.getByLabel('Kulcs kézi beíráshoz').textContent()) ?? '').replace(/\s/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  const code = field(page, 'Az alkalmazás kódja');
  await expect(code).toHaveAttribute('autocomplete', 'one-time-code');
  await code.fill('000000');
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
  await field(page, 'E-mail-cím').fill(owner.email);
  await field(page, 'Jelszó').fill(owner.password);
  await page.getByRole('button', { name: 'Bejelentkezés', exact: true }).click();

  await expect(pageHeading(page)).toHaveText('Kód megadása');
  // The enrolment spent the current step; the next one is within the accepted window.
  await field(page, 'Az alkalmazás kódja').fill(codeOf(secret, 1));
  await page.getByRole('button', { name: 'Bejelentkezés', exact: true }).click();
  await expect(page).toHaveURL(`${kontor.baseUrl}/account`);
  await expect(pageHeading(page)).toHaveText('Áttekintés');
});
