// Issue 16, items 1 and 2 in the browser: an operator admin (German) invites a support operator, who joins
// with the e-mailed link in Hungarian, may read but not change the staff, is refused a billing change with
// the reason, and creates a user for a customer on its order (the owner gets the notice and sees it in the
// log); the admin (now in Hungarian) gives them the billing role, then disables them, and their next click
// lands on the sign-in page.
import { Secret, TOTP } from 'otpauth';
import { chromiumMissing, chromiumMissingReason } from './chromium.ts';
import {
  expect,
  field,
  type Page,
  pageHeading,
  serverMessage,
  switchLanguage,
  test,
  webText,
} from './fixtures.ts';
import { csrf } from './last-month-invoice.ts';
import { type Seed, seedPortal, signInThroughApi } from './seed.ts';

test.use({ kontorServer: 'operator-staff', locale: 'de-DE' });
test.skip(chromiumMissing, chromiumMissingReason);
test.describe.configure({ mode: 'serial' });

const admin = {
  name: 'Olga Betreiberin',
  email: 'olga@anbieter.example',
  password: 'Bernstein Kranich Hafenmole 12',
};
const colleague = {
  name: 'Szabó Éva',
  email: 'eva@anbieter.example',
  password: 'Balaton Napraforgó Kemence',
};
const de = (key: string, params?: Record<string, string>) => webText('de', key, params);
const hu = (key: string, params?: Record<string, string>) => webText('hu', key, params);

const owner = {
  company: 'Kovács és Társa Ügyvédi Iroda',
  username: 'kovacs',
  email: 'kovacs@iroda.example',
  password: 'Tihany Levendula Kikötő 7',
  locale: 'hu' as const,
};

let seed: Seed;
let accountId = '';
test.beforeAll(async ({ kontor, playwright }) => {
  seed = await seedPortal(playwright, kontor, admin);
  accountId = await seed.registerOwner(owner);
});
test.afterAll(async () => {
  await seed?.dispose();
});

const staffPage = async (page: Page, baseUrl: string, text: typeof de) => {
  await page.goto(`${baseUrl}/operator/accounts`);
  await page
    .getByRole('navigation', { name: text('operator.navigation') })
    .getByRole('link', { name: text('operator.staff') })
    .click();
  await expect(pageHeading(page)).toHaveText(text('operatorStaff.title'));
};

test('an operator admin invites a support operator, who joins in Hungarian and may change only support', async ({
  page,
  browser,
  kontor,
}) => {
  await signInThroughApi(page, kontor, '/api/v1/operator/sign-in', admin);
  await staffPage(page, kontor.baseUrl, de);
  await page.getByRole('button', { name: de('operatorStaff.invite') }).click();
  const form = page.getByRole('dialog', { name: de('operatorStaff.inviteTitle') });
  await field(form, de('operatorStaff.name')).fill(colleague.name);
  await field(form, de('operatorStaff.email')).fill(colleague.email);
  await form.getByLabel(de('operatorStaff.locale')).selectOption('hu');
  // Without a role the form says so, and keeps what was typed.
  await form.getByRole('button', { name: de('operatorStaff.sendInvitation') }).click();
  await expect(form.getByText(de('operatorStaff.rolesRequired'))).toBeVisible();
  await expect(field(form, de('operatorStaff.name'))).toHaveValue(colleague.name);
  await form.getByRole('checkbox', { name: de('operatorRoles.support.name') }).check();
  await form.getByRole('button', { name: de('operatorStaff.sendInvitation') }).click();
  await expect(page.getByText(de('operatorStaff.invited', { email: colleague.email }))).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(colleague.email) });
  await expect(row).toContainText(de('operatorStaff.statuses.invited'));
  await expect(row).toContainText(de('operatorRoles.support.name'));

  // The invitation in Hungarian, with the role named; its link sets the password.
  const mail = await seed.mailTo(
    colleague.email,
    `${admin.name} meghívja Önt az ügyfélportál üzemeltetői felületére`,
  );
  expect(mail).toContain('Ügyfélszolgálat');
  const link = /https?:\/\/\S+\/operator\/invitation#token=[\w-]+/.exec(mail)?.[0] ?? '';
  const context = await browser.newContext({ locale: 'hu-HU' });
  const eva = await context.newPage();
  await eva.goto(link);
  await expect(pageHeading(eva)).toHaveText(hu('operatorInvitation.title'));
  await field(eva, hu('operatorInvitation.password')).fill(colleague.password);
  await field(eva, hu('password.repeat')).fill(colleague.password);
  await eva.getByRole('button', { name: hu('operatorInvitation.submit') }).click();
  await expect(eva.getByText(hu('operatorInvitation.done'))).toBeVisible();
  await expect(field(eva, hu('operatorSignIn.email'))).toHaveValue(colleague.email);
  await field(eva, hu('operatorSignIn.password')).fill(colleague.password);
  await eva.getByRole('button', { name: hu('operatorSignIn.submit') }).click();
  await expect(pageHeading(eva)).toHaveText(hu('operator.customerAccounts'));

  // She reads the staff, without the admin's buttons.
  await staffPage(eva, kontor.baseUrl, hu);
  await expect(eva.getByText(hu('operatorStaff.readOnly'))).toBeVisible();
  await expect(eva.getByRole('button', { name: hu('operatorStaff.invite') })).toHaveCount(0);
  await expect(eva.getByRole('switch', { name: hu('operatorStaff.policyLabel') })).toBeDisabled();

  // A billing change is refused with the reason, in Hungarian.
  await eva.goto(`${kontor.baseUrl}/operator/services`);
  await expect(eva.getByRole('button', { name: hu('catalogue.new') })).toHaveCount(0);
  const refused = await eva.request.post(`${kontor.baseUrl}/api/v1/operator/payment-reminders/run`, {
    headers: { 'accept-language': 'hu', ...(await csrf(eva)) },
  });
  expect(refused.status()).toBe(403);
  expect(((await refused.json()) as { message: string }).message).toBe(
    serverMessage('hu', 'OPERATOR_ROLE_MISSING'),
  );

  // On the customer's order she creates a user, who gets the activation e-mail; the owner is told.
  await eva.goto(`${kontor.baseUrl}/operator/accounts/${accountId}`);
  const users = eva.getByRole('region', { name: hu('onOrder.title') });
  await expect(users.getByText(hu('onOrder.intro'))).toBeVisible();
  await users.getByRole('button', { name: hu('users.new') }).click();
  const userForm = eva.getByRole('dialog', { name: hu('users.new') });
  await field(userForm, hu('users.username')).fill('nagy.anna');
  await field(userForm, hu('users.lastName')).fill('Nagy');
  await field(userForm, hu('users.firstName')).fill('Anna');
  await field(userForm, hu('users.email')).fill('anna@iroda.example');
  await userForm.getByRole('button', { name: hu('users.submit.create') }).click();
  await expect(
    eva.getByText(hu('users.activationSent', { name: 'Nagy Anna', email: 'anna@iroda.example' })),
  ).toBeVisible();
  await expect(users.getByRole('row', { name: /Nagy Anna/ })).toBeVisible();
  const notice = await seed.mailTo(
    owner.email,
    `${colleague.name} az Ön megbízásából módosított valamit az ügyfélfiókjában`,
  );
  expect(notice).toContain('létrehozta a(z) Nagy Anna');

  const ownerContext = await browser.newContext({ locale: 'hu-HU' });
  const ownerPage = await ownerContext.newPage();
  await signInThroughApi(ownerPage, kontor, '/api/v1/auth/sign-in', owner);
  await ownerPage.goto(`${kontor.baseUrl}/account/audit`);
  await expect(
    ownerPage.getByRole('row', { name: new RegExp(hu('audit.actions.user.created')) }).first(),
  ).toContainText(
    hu('audit.byOperatorWithRoles', { name: colleague.name, roles: hu('operatorRoles.support.name') }),
  );
  await ownerContext.close();

  // In Hungarian now, the admin gives her billing too, which counts from her next click.
  await switchLanguage(page, 'Magyar');
  await page
    .getByRole('button', { name: hu('operatorStaff.changeRolesOf', { name: colleague.name }) })
    .click();
  const roles = page.getByRole('dialog', { name: hu('operatorStaff.rolesTitle', { name: colleague.name }) });
  await roles.getByRole('checkbox', { name: hu('operatorRoles.billing.name') }).check();
  await roles.getByRole('button', { name: hu('operatorStaff.saveRoles') }).click();
  await expect(page.getByText(hu('operatorStaff.rolesSaved', { name: colleague.name }))).toBeVisible();
  await eva.goto(`${kontor.baseUrl}/operator/services`);
  await expect(eva.getByRole('button', { name: hu('catalogue.new') })).toBeVisible();

  // Disabled, her next click in the operator area lands on the sign-in page.
  await page.getByRole('button', { name: hu('operatorStaff.disableOf', { name: colleague.name }) }).click();
  const confirm = page.getByRole('dialog', {
    name: hu('operatorStaff.disableTitle', { name: colleague.name }),
  });
  await confirm.getByRole('button', { name: hu('operatorStaff.disable') }).click();
  await expect(page.getByText(hu('operatorStaff.disabled', { name: colleague.name }))).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(colleague.email) })).toContainText(
    hu('operatorStaff.statuses.disabled'),
  );
  await eva
    .getByRole('navigation', { name: hu('operator.navigation') })
    .getByRole('link', { name: hu('operator.customerAccounts') })
    .click();
  await expect(pageHeading(eva)).toHaveText(hu('operatorSignIn.title'));
  await context.close();
});

const codeOf = (secret: string) =>
  new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: Date.now() });

/** Sets up the authenticator app on the page that shows its key; ends on the recovery codes. */
async function setUpApp(page: Page, text: typeof de) {
  await page.getByRole('button', { name: text('twoFactor.start') }).click();
  const secret = ((await page.getByLabel(text('twoFactor.secretLabel')).textContent()) ?? '').replace(
    /\s/g,
    '',
  );
  await field(page, text('twoFactor.codeLabel')).fill(codeOf(secret));
  await page.getByRole('button', { name: text('twoFactor.confirm') }).click();
  await expect(
    page.getByRole('list', { name: text('twoFactor.recoveryTitle') }).getByRole('listitem'),
  ).toHaveCount(10);
}

test('the admin requires a second factor of every operator; one without sets it up at the next sign-in', async ({
  page,
  browser,
  kontor,
}) => {
  await signInThroughApi(page, kontor, '/api/v1/operator/sign-in', admin);
  await page.goto(`${kontor.baseUrl}/operator/accounts`);
  await switchLanguage(page, 'Deutsch'); // the first test left her in Hungarian
  await staffPage(page, kontor.baseUrl, de);
  const policy = page.getByRole('switch', { name: de('operatorStaff.policyLabel') });
  // Not before the admin has a second factor of their own; the refusal leads there.
  await policy.click();
  await expect(page.getByText(serverMessage('de', 'OPERATOR_TWO_FACTOR_FIRST'))).toBeVisible();
  await expect(policy).not.toBeChecked();
  await page.getByRole('link', { name: de('operatorStaff.policySetUpOwn') }).click();
  await setUpApp(page, de);
  await page.getByRole('button', { name: de('twoFactor.recoveryStored') }).click();
  await expect(page.getByText(de('twoFactor.on'), { exact: true })).toBeVisible();
  await staffPage(page, kontor.baseUrl, de);
  // The switch shows what the server answered, so it turns once the answer is in.
  await page.getByRole('switch', { name: de('operatorStaff.policyLabel') }).click();
  await expect(page.getByText(de('operatorStaff.policyOn'))).toBeVisible();
  await expect(page.getByRole('switch', { name: de('operatorStaff.policyLabel') })).toBeChecked();
  await page.getByRole('button', { name: de('operatorStaff.enableOf', { name: colleague.name }) }).click();
  await expect(page.getByText(de('operatorStaff.enabled', { name: colleague.name }))).toBeVisible();

  // Enabled again, she signs in in Hungarian and sets up the app before her first page.
  const context = await browser.newContext({ locale: 'hu-HU' });
  const eva = await context.newPage();
  await eva.goto(`${kontor.baseUrl}/operator/sign-in`);
  await field(eva, hu('operatorSignIn.email')).fill(colleague.email);
  await field(eva, hu('operatorSignIn.password')).fill(colleague.password);
  await eva.getByRole('button', { name: hu('operatorSignIn.submit') }).click();
  await expect(pageHeading(eva)).toHaveText(hu('twoFactor.enrolTitle'));
  await expect(eva.getByText(hu('twoFactor.enrolRequiredOperator'))).toBeVisible();
  await setUpApp(eva, hu);
  await eva.getByRole('button', { name: hu('twoFactor.continueOperator') }).click();
  await expect(pageHeading(eva)).toHaveText(hu('operator.customerAccounts'));
  await context.close();
});
