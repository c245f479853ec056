// S4 in Hungarian (the issue asks for the flow in German and Hungarian; activation.spec.ts is the German
// one): an operator provisions an account, its main user activates through the e-mailed link with password,
// PIN and security question, creates a user with "send activation e-mail", and that user activates too.
import { activateThroughPage, activationLink } from './activation.ts';
import { chromiumMissing, chromiumMissingReason } from './chromium.ts';
import { expect, field, serverCatalog, test, webText } from './fixtures.ts';
import { type Seed, seedPortal } from './seed.ts';

test.use({ kontorServer: 'activation-hu', locale: 'hu-HU' });
test.skip(chromiumMissing, chromiumMissingReason);

const text = (key: string, params?: Record<string, string>) => webText('hu', key, params);
const operator = {
  name: 'Irén Üzemeltető',
  email: 'iren@kontor.example',
  password: 'Szeder Bicikli Világítótorony 7',
};
const company = 'Fakopács Asztalosműhely Kft.';
const main = { email: 'hanna@fakopacs.example', password: 'Tölgydeszka Csaplyuk Gyalupad 3' };
const colleague = {
  username: 'sfuresz',
  firstName: 'Simon',
  lastName: 'Fűrész',
  email: 'simon@fakopacs.example',
  password: 'Forgács Fenyőfa Pillanatszorító 9',
};
let seed: Seed;

test.beforeAll(async ({ kontor, playwright }) => {
  seed = await seedPortal(playwright, kontor, operator);
});
test.afterAll(async () => {
  await seed?.dispose();
});

const subject = (template: 'accountProvisioned' | 'userActivation') =>
  (serverCatalog('hu').email[template]?.subject ?? '').replace('{{companyName}}', company);

test('a provisioned main user activates, creates a user with an activation e-mail, and that user activates', async ({
  page,
  browser,
}) => {
  // The operator's API context sends the CSRF token the way the web app does.
  await seed.operatorApi.get('/api/v1/operator/session');
  const { cookies } = await seed.operatorApi.storageState();
  const csrf = cookies.find((cookie) => cookie.name.endsWith('kontor_csrf'))?.value ?? '';
  const provisioned = await seed.operatorApi.post('/api/v1/operator/accounts', {
    headers: { 'x-csrf-token': csrf },
    data: {
      name: company,
      seatLimit: 3,
      locale: 'hu',
      timezone: 'Europe/Budapest',
      mainUser: { firstName: 'Hanna', lastName: 'Gyalu', email: main.email },
    },
  });
  expect(provisioned.ok(), await provisioned.text()).toBe(true);

  const link = activationLink(await seed.mailTo(main.email, subject('accountProvisioned')));
  await page.goto(link);
  // The PIN's rule shows while typing, from the module the server checks with.
  const pin = field(page, text('activation.pin'));
  await pin.fill('123456');
  await expect(pin).not.toHaveAccessibleDescription(new RegExp(text('activation.pinAccepted')));
  await pin.fill('480153');
  await expect(pin).toHaveAccessibleDescription(new RegExp(text('activation.pinAccepted')));
  await activateThroughPage(
    page,
    link,
    { password: main.password, pin: '480153', question: 'firstPet', answer: 'Morzsa' },
    'hu',
  );
  await expect(page.getByRole('banner')).toContainText(company);
  await expect(page.getByRole('banner')).toContainText(text('roles.owner'));

  await page
    .getByRole('navigation', { name: text('account.navigation') })
    .getByRole('link', { name: text('account.users') })
    .click();
  await page.getByRole('button', { name: text('users.new') }).click();
  const dialog = page.getByRole('dialog', { name: text('users.new') });
  await dialog.getByRole('textbox', { name: text('users.username'), exact: true }).fill(colleague.username);
  await dialog.getByRole('textbox', { name: text('users.firstName'), exact: true }).fill(colleague.firstName);
  await dialog.getByRole('textbox', { name: text('users.lastName'), exact: true }).fill(colleague.lastName);
  await dialog.getByRole('textbox', { name: text('users.email'), exact: true }).fill(colleague.email);
  await dialog.getByRole('checkbox', { name: text('users.sendActivation') }).check();
  await dialog.getByRole('button', { name: text('users.submit.create') }).click();
  await expect(dialog).toBeHidden();
  const row = page
    .getByRole('table', { name: text('users.caption') })
    .getByRole('row')
    .filter({
      hasText: colleague.email,
    });
  await expect(row).toContainText(text('users.pendingActivation'));

  const context = await browser.newContext({ locale: 'hu-HU', reducedMotion: 'reduce' });
  const other = await context.newPage();
  await activateThroughPage(
    other,
    activationLink(await seed.mailTo(colleague.email, subject('userActivation'))),
    { password: colleague.password, pin: '2958173', question: 'parentsMetCity', answer: 'Szeged' },
    'hu',
  );
  await expect(other.getByRole('banner')).toContainText(company);
  await context.close();

  await page.reload();
  await expect(row).not.toContainText(text('users.pendingActivation'));
});
