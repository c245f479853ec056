// The activation page as a person fills it in: password, PIN and a security question, in the page's language.
import { putOffExpressSetup } from './express-setup-later.ts';
import { expect, field, type Page, pageHeading, webText } from './fixtures.ts';

export interface Activation {
  password: string;
  pin: string;
  /** The question's key (shared/caller-identification.ts), e.g. firstPet. */
  question: string;
  answer: string;
}

/** The activation link (…/activate#token=…) in an e-mail's text. */
export function activationLink(text: string): string {
  const link = /https?:\/\/\S+\/activate#token=[A-Za-z0-9_-]+/.exec(text)?.[0] ?? '';
  expect(link, text).not.toBe('');
  return link;
}

/** Opens the link, fills in the form and activates; the person then lands signed in on /account. */
export async function activateThroughPage(
  page: Page,
  link: string,
  activation: Activation,
  locale: 'de' | 'en' | 'hu' = 'de',
) {
  const text = (key: string) => webText(locale, key);
  await page.goto(link);
  await expect(pageHeading(page)).toHaveText(text('activation.title'));
  await field(page, text('activation.password')).fill(activation.password);
  await field(page, text('password.repeat')).fill(activation.password);
  await field(page, text('activation.pin')).fill(activation.pin);
  await field(page, text('activation.pinRepeat')).fill(activation.pin);
  await page
    .getByLabel(text('activation.question'))
    .selectOption({ label: text(`securityQuestions.${activation.question}`) });
  await field(page, text('activation.answer')).fill(activation.answer);
  await page.getByRole('button', { name: text('activation.submit') }).click();
  await putOffExpressSetup(page, locale);
  await expect(page).toHaveURL(/\/account$/);
}
