// The activation page as a person fills it in (German): password, PIN and a security question.
import { expect, field, type Page, pageHeading } from './fixtures.ts';

export interface Activation {
  password: string;
  pin: string;
  /** The question's German text, as the list shows it. */
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
export async function activateThroughPage(page: Page, link: string, activation: Activation) {
  await page.goto(link);
  await expect(pageHeading(page)).toHaveText('Zugang aktivieren');
  await field(page, 'Passwort').fill(activation.password);
  await field(page, 'Passwort wiederholen').fill(activation.password);
  await field(page, 'PIN').fill(activation.pin);
  await field(page, 'PIN wiederholen').fill(activation.pin);
  await page.getByLabel('Sicherheitsfrage').selectOption({ label: activation.question });
  await field(page, 'Antwort').fill(activation.answer);
  await page.getByRole('button', { name: 'Zugang aktivieren' }).click();
  await expect(page).toHaveURL(/\/account$/);
}
