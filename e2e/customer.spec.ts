import { chromiumMissing, chromiumMissingReason } from './chromium.ts';
import { putOffExpressSetup } from './express-setup-later.ts';
import {
  expect,
  field,
  type Kontor,
  type Page,
  pageHeading,
  serverCatalog,
  serverMessage,
  switchLanguage,
  test,
} from './fixtures.ts';
import { type OperatorMailbox, openOperatorMailbox } from './operator-mailbox.ts';

// This spec uses up the printed set-up link for its operator, so it gets a Kontor of its own.
test.use({ kontorServer: 'customer', locale: 'de-DE' });
test.skip(chromiumMissing, chromiumMissingReason);
test.describe.configure({ mode: 'serial' });

const operator = {
  name: 'Otto Betreiber',
  email: 'otto@kontor.example',
  password: 'Leuchtturm Wanderdüne 1907',
};
const owner = {
  company: 'Muster Bau GmbH',
  firstName: 'Erika',
  lastName: 'Musterfrau',
  username: 'emuster',
  email: 'erika@muster-bau.example',
  password: 'Kaffeetasse Segelboot Mondlicht',
};
const welcomeSubject = 'Willkommen: Bitte bestätigen Sie Ihre E-Mail-Adresse';

/** What the welcome e-mail told the owner; filled by the first tests, used by the later ones. */
const welcome = { confirmLink: '', revealLink: '', customerNumber: '', userNumber: '' };
let mailbox: OperatorMailbox;

const containing = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));

/** The value next to a term of a description list (<dt>term</dt><dd>value</dd>). */
const definition = (page: Page, term: string) => page.locator(`dt:text-is("${term}") + dd`);

test.beforeAll(async ({ kontor, playwright }) => {
  mailbox = await openOperatorMailbox(playwright, kontor, operator);
});

test.afterAll(async () => {
  await mailbox?.dispose();
});

const readMail = (to: string, subject: string) => mailbox.read(to, subject);

async function signInWithEmail(page: Page, kontor: Kontor, password = owner.password) {
  await page.goto(`${kontor.baseUrl}/sign-in`);
  await field(page, 'E-Mail-Adresse').fill(owner.email);
  await field(page, 'Passwort').fill(password);
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
}

test('a company registers in German and is asked to check its e-mail', async ({ page, kontor }) => {
  await page.goto(`${kontor.baseUrl}/sign-in`);
  await expect(pageHeading(page)).toHaveText('Anmelden');
  await page.getByRole('link', { name: 'Jetzt registrieren.' }).click();
  await expect(page).toHaveURL(`${kontor.baseUrl}/register`);
  await expect(pageHeading(page)).toHaveText('Registrieren');

  await field(page, 'Firmenname').fill(owner.company);
  await page.getByLabel('Anrede').selectOption({ label: 'Frau' });
  await field(page, 'Vorname').fill(owner.firstName);
  await field(page, 'Nachname').fill(owner.lastName);
  await field(page, 'Benutzername').fill(owner.username);
  await field(page, 'E-Mail-Adresse').fill(owner.email);

  const password = field(page, 'Passwort');
  await password.fill('password1234');
  await expect(password).toHaveAccessibleDescription(containing(serverMessage('de', 'PASSWORD_TOO_COMMON')));
  await password.fill('Musterfrau Erika');
  await expect(password).toHaveAccessibleDescription(
    containing(serverMessage('de', 'PASSWORD_CONTAINS_PERSONAL_DATA')),
  );
  await password.fill(owner.password);
  await expect(password).toHaveAccessibleDescription(/Dieses Passwort kann verwendet werden/);

  const repeat = field(page, 'Passwort wiederholen');
  await repeat.fill('etwas ganz anderes');
  await page.getByRole('button', { name: 'Registrieren', exact: true }).click();
  await expect(repeat).toHaveAccessibleDescription('Die Passwörter stimmen nicht überein.');
  await expect(repeat).toBeFocused();
  await expect(field(page, 'Firmenname')).toHaveValue(owner.company); // nothing typed is lost

  await repeat.fill(owner.password);
  await page.getByRole('button', { name: 'Registrieren', exact: true }).click();
  await expect(page).toHaveURL(`${kontor.baseUrl}/register/check-email`);
  await expect(pageHeading(page)).toHaveText('Bitte prüfen Sie Ihre E-Mails');
  await expect(pageHeading(page)).toBeFocused();
  await expect(page.getByRole('main')).toContainText(owner.email);
  await expect(page.getByRole('main')).toContainText('innerhalb von 48 Stunden');
});

test('the welcome e-mail brings the numbers and both links', async ({ kontor }) => {
  const text = await readMail(owner.email, welcomeSubject);
  const link = (page: string) =>
    new RegExp(`${kontor.baseUrl.replace(/[.]/g, '\\.')}/${page}#token=[A-Za-z0-9_-]+`).exec(text)?.[0];
  welcome.confirmLink = link('confirm-email') ?? '';
  welcome.revealLink = link('reveal') ?? '';
  welcome.customerNumber = /Kundennummer: (\d{7}-\d)/.exec(text)?.[1] ?? '';
  welcome.userNumber = /Benutzernummer: (\d{7})/.exec(text)?.[1] ?? '';
  expect(welcome, text).toEqual({
    confirmLink: expect.stringContaining('/confirm-email#token='),
    revealLink: expect.stringContaining('/reveal#token='),
    customerNumber: expect.stringMatching(/^\d{7}-\d$/),
    userNumber: expect.stringMatching(/^\d{7}$/),
  });
});

test('signing in before the address is confirmed is refused', async ({ page, kontor }) => {
  await signInWithEmail(page, kontor);
  await expect(page.getByRole('alert')).toHaveText(serverMessage('de', 'EMAIL_NOT_CONFIRMED'));
  await expect(page).toHaveURL(`${kontor.baseUrl}/sign-in`);
});

test('the confirmation link opens the account, once', async ({ page, kontor }) => {
  await page.goto(welcome.confirmLink);
  await expect(page).toHaveURL(`${kontor.baseUrl}/confirm-email`); // the token left the address bar
  await expect(page.getByRole('status')).toContainText(
    `Ihr Kundenkonto ${welcome.customerNumber} ist bereit`,
  );

  await page.goto(welcome.confirmLink);
  await expect(page.getByRole('alert')).toHaveText(serverMessage('de', 'LINK_USED'));
  await page.getByRole('link', { name: 'Zur Anmeldung' }).click();
  await expect(page).toHaveURL(`${kontor.baseUrl}/sign-in`);
});

test('reveal page: the credentials are shown once, then "already shown", and the key never breaks mid-group', async ({
  page,
  kontor,
}) => {
  await page.setViewportSize({ width: 360, height: 740 }); // a phone: the key must wrap
  await page.goto(welcome.revealLink);
  await expect(page).toHaveURL(`${kontor.baseUrl}/reveal`);
  await expect(pageHeading(page)).toHaveText('Zugangsdaten für das Desktop-Programm');
  await expect(page.getByText('Diese Zugangsdaten werden nur einmal angezeigt.')).toBeVisible();
  await page.getByRole('button', { name: 'Zugangsdaten anzeigen' }).click();

  await expect(definition(page, 'Kundennummer')).toContainText(welcome.customerNumber);
  await expect(definition(page, 'Benutzernummer')).toContainText(welcome.userNumber);
  await expect(definition(page, 'Benutzername')).toContainText(owner.username);
  await expect(definition(page, 'Zugangsschlüssel')).toContainText(/[A-Za-z0-9_-]{43}/);
  await expect(page.getByRole('button', { name: /kopieren$/ })).toHaveCount(4);
  await expect(page.getByRole('button', { name: 'Zugangsschlüssel kopieren' })).toHaveText('Kopieren');
  // The key wraps between groups of four, never inside one.
  const groups = definition(page, 'Zugangsschlüssel').locator('[data-key-group]');
  await expect(groups).toHaveCount(11);
  const boxes = await groups.evaluateAll((spans) => spans.map((span) => span.getBoundingClientRect()));
  expect(
    new Set(boxes.map((box) => Math.round(box.top))).size,
    'the key spans several lines',
  ).toBeGreaterThan(1);
  for (const box of boxes) expect(box.height).toBeLessThan((boxes[0]?.height ?? 0) * 1.5);

  // A reload (the token left the address bar) and the link opened again both say what happened.
  const alreadyShown = page.getByRole('status').filter({ hasText: 'Bereits angezeigt' });
  await page.reload();
  await expect(alreadyShown).toContainText('bitten Sie einen Verwalter Ihres Kontos');
  await page.goto(welcome.revealLink);
  await expect(alreadyShown).toBeVisible();
  await expect(page.getByRole('button', { name: 'Zugangsdaten anzeigen' })).toHaveCount(0);
  await expect(definition(page, 'Zugangsschlüssel')).toHaveCount(0);
});

test('the owner signs in with the e-mail address and signs out', async ({ page, kontor }) => {
  await signInWithEmail(page, kontor);
  await putOffExpressSetup(page); // the owner's first sign-in opens the express setup (T1)
  await expect(page).toHaveURL(`${kontor.baseUrl}/account`);
  await expect(pageHeading(page)).toHaveText('Übersicht');
  const banner = page.getByRole('banner');
  await expect(banner).toContainText(owner.company);
  await expect(banner).toContainText(`Kundennummer ${welcome.customerNumber}`);
  await expect(banner).toContainText(`${owner.firstName} ${owner.lastName}`);
  await expect(banner).toContainText('Inhaber');
  await expect(page.getByRole('main')).toContainText(`Willkommen, ${owner.firstName} ${owner.lastName}!`);
  await expect(definition(page, 'Benutzernummer')).toHaveText(welcome.userNumber);
  await expect(definition(page, 'Benutzername')).toHaveText(owner.username);

  await page.goto(`${kontor.baseUrl}/`);
  await expect(page).toHaveURL(`${kontor.baseUrl}/account`);

  await banner.getByRole('button', { name: 'Abmelden' }).click();
  await expect(page).toHaveURL(`${kontor.baseUrl}/sign-in`);
  await page.goto(`${kontor.baseUrl}/account`);
  await expect(page).toHaveURL(`${kontor.baseUrl}/sign-in`);
});

test('the owner signs in with customer number and user number', async ({ page, kontor }) => {
  await page.goto(`${kontor.baseUrl}/sign-in`);
  await page.getByRole('radiogroup', { name: 'Anmelden mit' }).getByText('Kundennummer').click();
  await expect(field(page, 'E-Mail-Adresse')).toHaveCount(0);
  await field(page, 'Kundennummer').fill(welcome.customerNumber);
  await field(page, 'Benutzernummer').fill('12345');
  await field(page, 'Passwort').fill(owner.password);
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  await expect(field(page, 'Benutzernummer')).toHaveAccessibleDescription(/7 Ziffern/);
  await expect(field(page, 'Benutzernummer')).toBeFocused();

  await field(page, 'Benutzernummer').fill(welcome.userNumber);
  await page.getByRole('checkbox', { name: 'Angemeldet bleiben' }).check();
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  await expect(page).toHaveURL(`${kontor.baseUrl}/account`);
  await expect(page.getByRole('banner')).toContainText(`Kundennummer ${welcome.customerNumber}`);
});

test('My sessions lists this device and signs out the others', async ({ page, kontor, playwright }) => {
  // A second session elsewhere, as from another computer.
  const elsewhere = await playwright.request.newContext({ baseURL: kontor.baseUrl });
  const response = await elsewhere.post('/api/v1/auth/sign-in', {
    data: { email: owner.email, password: owner.password },
  });
  expect(response.ok(), await response.text()).toBe(true);

  await signInWithEmail(page, kontor);
  await page
    .getByRole('navigation', { name: 'Navigation im Kundenkonto' })
    .getByRole('link', { name: 'Meine Sitzungen' })
    .click();
  await expect(pageHeading(page)).toHaveText('Meine Sitzungen');
  const table = page.getByRole('table', { name: 'Ihre Sitzungen' });
  const current = table.getByRole('row').filter({ hasText: 'Dieses Gerät' });
  await expect(current).toHaveCount(1);
  await expect(current.getByRole('button', { name: /^Abmelden/ })).toHaveCount(0);
  await expect(
    table.getByRole('row').filter({ has: page.getByRole('button', { name: /^Abmelden/ }) }),
  ).not.toHaveCount(0);

  await page.getByRole('button', { name: 'Überall sonst abmelden' }).click();
  await expect(page.getByRole('status')).toHaveText(/^\d+ Sitzung(en)? beendet\.$/);
  await expect(table.getByRole('row')).toHaveCount(2); // the header and this device
  await expect(current).toHaveCount(1);

  const ended = await elsewhere.get('/api/v1/auth/session');
  expect(ended.status()).toBe(401);
  await elsewhere.dispose();
});

test('changing the password checks the current one and explains a weak new one', async ({ page, kontor }) => {
  await signInWithEmail(page, kontor);
  await page
    .getByRole('navigation', { name: 'Navigation im Kundenkonto' })
    .getByRole('link', { name: 'Passwort ändern' })
    .click();
  await expect(pageHeading(page)).toHaveText('Passwort ändern');

  const current = field(page, 'Aktuelles Passwort');
  const next = field(page, 'Neues Passwort');
  await current.fill('nicht das richtige Passwort');
  await next.fill('password1234');
  await expect(next).toHaveAccessibleDescription(containing(serverMessage('de', 'PASSWORD_TOO_COMMON')));
  await next.fill('Wolkenkratzer Tintenfisch 42');
  await field(page, 'Neues Passwort wiederholen').fill('Wolkenkratzer Tintenfisch 42');
  await page.getByRole('button', { name: 'Passwort ändern', exact: true }).click();
  await expect(current).toHaveAccessibleDescription(
    containing(serverMessage('de', 'CURRENT_PASSWORD_WRONG')),
  );
  await expect(current).toBeFocused();

  await current.fill(owner.password);
  await page.getByRole('button', { name: 'Passwort ändern', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText(
    'Passwort geändert; Ihre anderen Sitzungen wurden abgemeldet.',
  );
  owner.password = 'Wolkenkratzer Tintenfisch 42';
});

test('registering an address that is already known gives the same answer', async ({ page, kontor }) => {
  await page.goto(`${kontor.baseUrl}/register`);
  await field(page, 'Firmenname').fill('Zweite Firma KG');
  await field(page, 'Vorname').fill('Erika');
  await field(page, 'Nachname').fill('Musterfrau');
  await field(page, 'Benutzername').fill('erika2');
  await field(page, 'E-Mail-Adresse').fill(owner.email);
  await field(page, 'Passwort').fill('Regenschirm Apfelbaum Zugspitze');
  await field(page, 'Passwort wiederholen').fill('Regenschirm Apfelbaum Zugspitze');
  await page.getByRole('button', { name: 'Registrieren', exact: true }).click();
  await expect(page).toHaveURL(`${kontor.baseUrl}/register/check-email`);
  await expect(pageHeading(page)).toHaveText('Bitte prüfen Sie Ihre E-Mails');
  await expect(page.getByRole('main')).toContainText(owner.email);
});

test('a forgotten password is reset with the e-mailed link', async ({ page, kontor }) => {
  await page.goto(`${kontor.baseUrl}/sign-in`);
  await page.getByRole('link', { name: 'Passwort vergessen?' }).click();
  await expect(pageHeading(page)).toHaveText('Passwort vergessen');
  await field(page, 'E-Mail-Adresse').fill(owner.email);
  await page.getByRole('button', { name: 'Link senden' }).click();
  await expect(page.getByRole('status')).toContainText('Er ist 30 Minuten gültig.');

  const text = await readMail(owner.email, serverCatalog('de').email.passwordReset?.subject ?? '');
  const resetLink = /https?:\/\/\S+\/reset-password#token=[A-Za-z0-9_-]+/.exec(text)?.[0] ?? '';
  expect(resetLink, text).not.toBe('');

  await page.goto(resetLink);
  await expect(page).toHaveURL(`${kontor.baseUrl}/reset-password`);
  await expect(pageHeading(page)).toHaveText('Neues Passwort wählen');
  const password = field(page, 'Neues Passwort');
  await password.fill('kurz');
  await expect(password).toHaveAccessibleDescription(/Es fehlen noch 8 Zeichen/);
  await password.fill('Bergwiese Lampenschirm Nordsee');
  await field(page, 'Passwort wiederholen').fill('Bergwiese Lampenschirm Nordsee');
  await page.getByRole('button', { name: 'Neues Passwort speichern' }).click();
  await expect(page.getByRole('status')).toHaveText(
    'Ihr Passwort wurde geändert; alle Sitzungen wurden abgemeldet.',
  );
  owner.password = 'Bergwiese Lampenschirm Nordsee';

  await page.getByRole('link', { name: 'Anmelden' }).click();
  await expect(page).toHaveURL(`${kontor.baseUrl}/sign-in`);
  await field(page, 'E-Mail-Adresse').fill(owner.email);
  await field(page, 'Passwort').fill(owner.password);
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  await expect(page).toHaveURL(`${kontor.baseUrl}/account`);

  await page.goto(resetLink);
  await expect(page.getByRole('alert')).toHaveText(serverMessage('de', 'LINK_USED'));
});

test('the sign-in speaks Hungarian, errors included', async ({ page, kontor }) => {
  await page.goto(`${kontor.baseUrl}/sign-in`);
  await switchLanguage(page, 'Magyar');
  await expect(pageHeading(page)).toHaveText('Bejelentkezés');
  await expect(page.getByRole('link', { name: 'Regisztráljon most.' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Elfelejtette a jelszavát?' })).toBeVisible();
  await expect(page.getByRole('radiogroup', { name: 'Bejelentkezés ezzel' })).toContainText('Ügyfélszám');

  await field(page, 'E-mail-cím').fill(owner.email);
  await field(page, 'Jelszó').fill('egy rossz jelszó');
  await page.getByRole('button', { name: 'Bejelentkezés', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText(serverMessage('hu', 'SIGN_IN_FAILED'));
  await expect(field(page, 'Jelszó')).toHaveValue('');
  await expect(page).toHaveURL(`${kontor.baseUrl}/sign-in`);
});

test('the e-mail address changes once the link sent to the new one is opened', async ({ page, kontor }) => {
  const oldEmail = owner.email;
  const newEmail = 'erika.musterfrau@muster-bau.example';
  await signInWithEmail(page, kontor);
  await expect(page).toHaveURL(`${kontor.baseUrl}/account`);
  await page
    .getByRole('navigation', { name: 'Navigation im Kundenkonto' })
    .getByRole('link', { name: 'E-Mail-Adresse', exact: true })
    .click();
  await expect(pageHeading(page)).toHaveText('E-Mail-Adresse ändern');
  await expect(definition(page, 'Aktuelle E-Mail-Adresse')).toHaveText(oldEmail);

  const password = field(page, 'Aktuelles Passwort');
  await field(page, 'Neue E-Mail-Adresse').fill(newEmail);
  await password.fill('nicht das richtige Passwort');
  await page.getByRole('button', { name: 'E-Mail-Adresse ändern', exact: true }).click();
  await expect(password).toHaveAccessibleDescription(
    containing(serverMessage('de', 'CURRENT_PASSWORD_WRONG')),
  );
  await expect(password).toBeFocused();

  await password.fill(owner.password);
  await page.getByRole('button', { name: 'E-Mail-Adresse ändern', exact: true }).click();
  await expect(page.getByRole('status')).toContainText(`Wir haben einen Link an ${newEmail} geschickt`);
  await expect(definition(page, 'Aktuelle E-Mail-Adresse')).toHaveText(oldEmail); // not before the link

  const email = serverCatalog('de').email;
  await readMail(oldEmail, email.emailChangeNotice?.subject ?? '');
  const text = await readMail(newEmail, email.emailChangeConfirm?.subject ?? '');
  const link = /https?:\/\/\S+\/confirm-email-change#token=[A-Za-z0-9_-]+/.exec(text)?.[0] ?? '';
  expect(link, text).not.toBe('');

  await page.goto(link);
  await expect(page).toHaveURL(`${kontor.baseUrl}/confirm-email-change`); // the token left the address bar
  await expect(page.getByRole('status')).toHaveText(`Ihre E-Mail-Adresse lautet jetzt ${newEmail}.`);
  owner.email = newEmail;
  await page.getByRole('link', { name: 'Zum Kundenkonto' }).click();
  await expect(pageHeading(page)).toHaveText('Übersicht');
  await expect(definition(page, 'E-Mail-Adresse')).toHaveText(newEmail);

  await page.goto(link);
  await expect(page.getByRole('alert')).toHaveText(serverMessage('de', 'LINK_USED'));
});
