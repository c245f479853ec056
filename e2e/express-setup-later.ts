// T1: right after an owner signs in or activates, the express setup opens until it is finished or put off.
// Specs about other things put it off with "Later", as an owner would, and go on from /account.
import { expect, type Page, pageHeading, webText } from './fixtures.ts';

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Waits until the page after sign-in or activation has loaded; in the express setup, chooses "Later". */
export async function putOffExpressSetup(page: Page, locale: 'de' | 'en' | 'hu' = 'de'): Promise<void> {
  const text = (key: string) => webText(locale, key);
  const before = [text('activation.title'), text('signIn.title'), text('twoFactor.stepTitle')]
    .map(escaped)
    .join('|');
  // Any page's heading but the one the person came from: the redirect (if any) has happened by then.
  await expect(pageHeading(page)).toHaveText(new RegExp(`^(?!(?:${before})$).+`));
  if (page.url().endsWith('/account/express-setup/wizard')) {
    await page.getByRole('button', { name: text('expressSetup.later'), exact: true }).click();
  }
  await expect(page).toHaveURL(/\/account$/);
}
