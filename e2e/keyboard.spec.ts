// Issue 7, item 6: the sign-in, the users page and its dialogs with the keyboard alone, with a visible
// focus ring on every stop, and focus back on the opener when a dialog closes.
import { chromiumMissing, chromiumMissingReason } from './chromium.ts';
import { expect, type Page, test } from './fixtures.ts';
import { type Seed, seedPortal } from './seed.ts';

test.use({ kontorServer: 'keyboard', locale: 'en-GB' });
test.skip(chromiumMissing, chromiumMissingReason);
test.describe.configure({ mode: 'serial' });

const operator = {
  name: 'Olga Operator',
  email: 'olga@keyboard.example',
  password: 'Bernstein Kranich Mole 12',
};
const owner = { email: 'kim@keyboard.example', password: 'Lemon Tree Harbour Dawn 7', username: 'kim' };
let seed: Seed;

test.beforeAll(async ({ kontor, playwright }) => {
  seed = await seedPortal(playwright, kontor, operator);
  await seed.registerOwner({ company: 'Keyboard Works Ltd', locale: 'en', ...owner });
});
test.afterAll(async () => {
  await seed?.dispose();
});

/** Presses Tab until the element matching `target` has focus (at most `limit` times). */
async function tabTo(page: Page, target: ReturnType<Page['getByRole']>, limit = 25) {
  await expect(target).toBeVisible();
  for (let presses = 0; presses < limit; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

/** A focus ring someone can see: an outline or a box shadow on the focused element or the field around it. */
async function expectVisibleFocus(page: Page) {
  const ring = await page.evaluate(() => {
    const focused = document.activeElement as HTMLElement;
    // A password field's input sits inside the box that draws the field.
    const drawn = [focused, focused.closest<HTMLElement>('.mantine-Input-input')].filter(
      (element) => element !== null,
    );
    return drawn.some((element) => {
      const style = getComputedStyle(element);
      return (style.outlineStyle !== 'none' && style.outlineWidth !== '0px') || style.boxShadow !== 'none';
    });
  });
  expect(ring, 'the focused element shows a focus ring').toBe(true);
}

test('signs in with the keyboard alone, seeing where the focus is', async ({ page, kontor }) => {
  await page.goto(`${kontor.baseUrl}/sign-in`);
  const email = page.getByRole('textbox', { name: 'E-mail address' });
  await tabTo(page, email);
  await expectVisibleFocus(page);
  await page.keyboard.type(owner.email);
  const password = page.getByRole('textbox', { name: 'Password', exact: true });
  await tabTo(page, password, 3);
  await expectVisibleFocus(page);
  await page.keyboard.type(owner.password);
  await page.keyboard.press('Enter');
  // The owner's first sign-in opens the express setup (T1); "Later" is reachable by keyboard too.
  await expect(page).toHaveURL(`${kontor.baseUrl}/account/express-setup/wizard`);
  const later = page.getByRole('button', { name: 'Later', exact: true });
  await tabTo(page, later, 40);
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(`${kontor.baseUrl}/account`);
});

test('works the users page and its dialogs with the keyboard; focus returns to the opener', async ({
  page,
  kontor,
}) => {
  await page.goto(`${kontor.baseUrl}/sign-in`);
  await page.getByRole('textbox', { name: 'E-mail address' }).fill(owner.email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(owner.password);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(`${kontor.baseUrl}/account`);

  // The navigation by keyboard.
  const usersLink = page.getByRole('link', { name: 'Users', exact: true });
  await tabTo(page, usersLink);
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(`${kontor.baseUrl}/account/users`);

  // The new-user dialog: opened with Enter, focus inside, closed with Escape, focus back on its button.
  const newUser = page.getByRole('button', { name: 'New user' });
  await tabTo(page, newUser);
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.locator(':focus')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(newUser).toBeFocused();

  // A row's menu: opened with Enter, an item chosen with the arrow keys; its dialog returns focus to the menu.
  const actions = page.getByRole('button', { name: /^Actions for / }).first();
  await tabTo(page, actions, 40);
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu');
  await expect(menu).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(menu.locator('[role="menuitem"]:focus')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(actions).toBeFocused();
});
