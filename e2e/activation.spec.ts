import type { Locator } from '@playwright/test';
import { activateThroughPage, activationLink } from './activation.ts';
import { chromiumMissing, chromiumMissingReason } from './chromium.ts';
import { expect, field, type Kontor, type Page, pageHeading, serverCatalog, test } from './fixtures.ts';
import { type OperatorMailbox, openOperatorMailbox } from './operator-mailbox.ts';

// S4, S5 in the browser, in German: an operator provisions an account, its main user activates through the
// mailbox link (password, PIN, security question) and is signed in, creates a user with "send activation
// e-mail", and that user activates too. The spec uses up the printed set-up link, so it has its own Kontor.
test.use({ kontorServer: 'activation', locale: 'de-DE' });
test.skip(chromiumMissing, chromiumMissingReason);
test.describe.configure({ mode: 'serial' });

const operator = {
  name: 'Ines Betreiberin',
  email: 'ines@kontor.example',
  password: 'Brombeere Fahrrad Leuchtfeuer 7',
};
const company = 'Tischlerei Holzwurm GmbH';
const main = {
  firstName: 'Hanna',
  lastName: 'Hobel',
  email: 'hanna@holzwurm.example',
  password: 'Eichenbrett Zapfenloch Werkbank',
};
const colleague = {
  username: 'ssäge',
  firstName: 'Simon',
  lastName: 'Säge',
  email: 'simon@holzwurm.example',
  password: 'Hobelspäne Kiefernholz Leimzwinge',
};
const email = serverCatalog('de').email;
const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? '');

let mailbox: OperatorMailbox;
const known = { accountUrl: '', mainLink: '', customerNumber: '', userNumber: '' };

test.beforeAll(async ({ kontor, playwright }) => {
  mailbox = await openOperatorMailbox(playwright, kontor, operator);
});
test.afterAll(async () => {
  await mailbox?.dispose();
});

const input = (scope: Locator, label: string) => scope.getByRole('textbox', { name: label, exact: true });
const notice = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text });
const activations = (page: Page) => page.getByRole('table', { name: 'Aktivierungs-E-Mails, neueste zuerst' });

async function signInAsOperator(page: Page, kontor: Kontor) {
  await page.goto(`${kontor.baseUrl}/operator/sign-in`);
  await field(page, 'E-Mail-Adresse').fill(operator.email);
  await field(page, 'Passwort').fill(operator.password);
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  await expect(page).toHaveURL(`${kontor.baseUrl}/operator/accounts`);
}

test('an operator provisions an account; its main user’s activation is listed as sent', async ({
  page,
  kontor,
}) => {
  await signInAsOperator(page, kontor);
  await page.getByRole('link', { name: 'Neues Kundenkonto' }).click();
  await field(page, 'Firmenname').fill(company);
  await page.getByRole('spinbutton', { name: 'Lizenzen' }).fill('3');
  const mainUser = page.getByRole('group', { name: 'Hauptbenutzer' });
  await input(mainUser, 'Vorname').fill(main.firstName);
  await input(mainUser, 'Nachname').fill(main.lastName);
  await input(mainUser, 'E-Mail-Adresse').fill(main.email);
  await page.getByRole('button', { name: 'Kundenkonto anlegen' }).click();
  await expect(pageHeading(page)).toHaveText(company);
  known.accountUrl = page.url();
  const row = activations(page).getByRole('row').filter({ hasText: main.email });
  await expect(row).toContainText('Gesendet');
  await expect(
    row.getByRole('button', { name: `Erneut senden: ${main.firstName} ${main.lastName}` }),
  ).toBeVisible();
});

test('the main user activates with password, PIN and security question and lands signed in', async ({
  page,
  kontor,
}) => {
  const text = await mailbox.read(
    main.email,
    fill(email.accountProvisioned?.subject ?? '', { companyName: company }),
  );
  known.mainLink = activationLink(text);
  known.customerNumber = /\d{7}-\d/.exec(text)?.[0] ?? '';
  known.userNumber = /Benutzernummer: (\d{7})/.exec(text)?.[1] ?? '';
  await page.goto(known.mainLink);
  await expect(pageHeading(page)).toHaveText('Zugang aktivieren');
  // The rules show under the field while typing, from the same module the server checks with.
  const pin = field(page, 'PIN');
  await pin.fill('123456');
  await expect(pin).toHaveAccessibleDescription(/keine Folge von vier auf- oder absteigenden Ziffern/);
  await pin.fill('111222');
  await expect(pin).toHaveAccessibleDescription(/keine Ziffer dreimal hintereinander enthalten/);
  await pin.fill('480153');
  await expect(pin).toHaveAccessibleDescription(/Diese PIN kann verwendet werden/);
  const answer = field(page, 'Antwort');
  await answer.fill('ab');
  await expect(answer).toHaveAccessibleDescription(/mindestens 3 Zeichen/);

  await activateThroughPage(page, known.mainLink, {
    password: main.password,
    pin: '480153',
    question: 'firstPet',
    answer: 'Krümel',
  });
  await expect(page).toHaveURL(`${kontor.baseUrl}/account`);
  await expect(page.getByRole('banner')).toContainText(company);
  await expect(page.getByRole('banner')).toContainText('Inhaber');

  // The link has been used up: opened again, it says so.
  await page.goto(known.mainLink);
  await expect(page.getByRole('alert')).toContainText('Link bereits verwendet');
});

test('the main user creates a user with "send activation e-mail"; that user activates too', async ({
  page,
  kontor,
  browser,
}) => {
  await page.goto(`${kontor.baseUrl}/sign-in`);
  await field(page, 'E-Mail-Adresse').fill(main.email);
  await field(page, 'Passwort').fill(main.password);
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  await expect(page).toHaveURL(`${kontor.baseUrl}/account`);
  await page
    .getByRole('navigation', { name: 'Navigation im Kundenkonto' })
    .getByRole('link', { name: 'Benutzer', exact: true })
    .click();
  await expect(pageHeading(page)).toHaveText('Benutzer');

  await page.getByRole('button', { name: 'Neuer Benutzer' }).click();
  const dialog = page.getByRole('dialog', { name: 'Neuer Benutzer' });
  await input(dialog, 'Benutzername').fill(colleague.username);
  await input(dialog, 'Vorname').fill(colleague.firstName);
  await input(dialog, 'Nachname').fill(colleague.lastName);
  await input(dialog, 'E-Mail-Adresse').fill(colleague.email);
  await dialog.getByRole('checkbox', { name: 'Aktivierungs-E-Mail senden' }).check();
  await dialog.getByRole('button', { name: 'Benutzer anlegen' }).click();
  await expect(dialog).toBeHidden();
  await expect(notice(page, `die Aktivierungs-E-Mail ist an ${colleague.email} unterwegs`)).toBeVisible();
  await expect(page.getByText('2 von 3 Lizenzen belegt')).toBeVisible();
  const row = page
    .getByRole('table', { name: 'Benutzer des Kontos' })
    .getByRole('row')
    .filter({ hasText: colleague.email });
  await expect(row).toContainText('Aktivierung ausstehend');
  await expect(activations(page).getByRole('row').filter({ hasText: colleague.email })).toContainText(
    'Gesendet',
  );

  // The colleague, in a browser of their own.
  const text = await mailbox.read(
    colleague.email,
    fill(email.userActivation?.subject ?? '', { companyName: company }),
  );
  const context = await browser.newContext({ locale: 'de-DE', reducedMotion: 'reduce' });
  const other = await context.newPage();
  await activateThroughPage(other, activationLink(text), {
    password: colleague.password,
    pin: '2958173',
    question: 'parentsMetCity',
    answer: 'Würzburg',
  });
  await expect(other.getByRole('banner')).toContainText(company);
  await context.close();

  await page.reload();
  await expect(activations(page).getByRole('row').filter({ hasText: colleague.email })).toContainText(
    'Aktiviert',
  );
  await expect(
    page
      .getByRole('table', { name: 'Benutzer des Kontos' })
      .getByRole('row')
      .filter({ hasText: colleague.email }),
  ).not.toContainText('Aktivierung ausstehend');
});

test('the operator sees both activations accepted on the account’s page', async ({ page, kontor }) => {
  await signInAsOperator(page, kontor);
  await page.goto(known.accountUrl);
  await expect(pageHeading(page)).toHaveText(company);
  for (const address of [main.email, colleague.email]) {
    const row = activations(page).getByRole('row').filter({ hasText: address });
    await expect(row).toContainText('Aktiviert');
    await expect(row.getByRole('button')).toHaveCount(0);
  }
});

test('the main user changes the PIN on the profile; the operator identifies her by it, never seeing it', async ({
  page,
  kontor,
}) => {
  await page.goto(`${kontor.baseUrl}/sign-in`);
  await field(page, 'E-Mail-Adresse').fill(main.email);
  await field(page, 'Passwort').fill(main.password);
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  await page
    .getByRole('navigation', { name: 'Navigation im Kundenkonto' })
    .getByRole('link', { name: 'PIN und Sicherheitsfrage' })
    .click();
  await expect(pageHeading(page)).toHaveText('PIN und Sicherheitsfrage');
  await field(page, 'Aktuelles Passwort').fill(main.password);
  await field(page, 'Neue PIN').fill('730519');
  await field(page, 'Neue PIN wiederholen').fill('730519');
  await page.getByRole('button', { name: 'Speichern' }).click();
  await expect(notice(page, 'Ihre Angaben zur Identifizierung wurden geändert.')).toBeVisible();
  await page.context().clearCookies();

  await signInAsOperator(page, kontor);
  await page.getByRole('button', { name: 'Anrufer identifizieren' }).click();
  const dialog = page.getByRole('dialog', { name: 'Anrufer identifizieren' });
  await input(dialog, 'Kundennummer').fill(known.customerNumber);
  await input(dialog, 'Benutzernummer').fill(known.userNumber);
  await dialog.getByRole('button', { name: 'Benutzer suchen' }).click();
  await expect(dialog).toContainText(`Anrufer: ${main.firstName} ${main.lastName}, ${company}`);
  await expect(dialog).toContainText('Sicherheitsfrage: Wie hieß Ihr erstes Haustier?');
  await expect(dialog).not.toContainText('Krümel');
  const said = dialog.getByLabel('Was der Anrufer sagt');
  await said.fill('480153');
  await dialog.getByRole('button', { name: 'Prüfen', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText('Keine Übereinstimmung. Noch 4 Versuche');
  await said.fill('730519');
  await dialog.getByRole('button', { name: 'Prüfen', exact: true }).click();
  await expect(dialog.getByRole('status')).toContainText('Übereinstimmung: Der Anrufer ist identifiziert.');
  await dialog.getByRole('radio', { name: 'Antwort auf die Sicherheitsfrage' }).check();
  await said.fill('  KRÜMEL ');
  await dialog.getByRole('button', { name: 'Prüfen', exact: true }).click();
  await expect(dialog.getByRole('status')).toContainText('Übereinstimmung');
});
