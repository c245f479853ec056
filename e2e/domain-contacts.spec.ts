// Issue 11, item 3 (C4) in Hungarian: an owner adds an organisation as domain contact with a national phone
// number, sees it in the list in international format, is shown a bad phone number under its field,
// changes the contact and removes it again; the audit log names each step.
import { chromiumMissing, chromiumMissingReason } from './chromium.ts';
import { expect, field, type Page, serverMessage, test, webText } from './fixtures.ts';
import { type Seed, seedPortal, signInThroughApi } from './seed.ts';

test.use({ kontorServer: 'domain-contacts', locale: 'hu-HU' });
test.skip(chromiumMissing, chromiumMissingReason);
test.describe.configure({ mode: 'serial' });

const operator = { name: 'Olga Operátor', email: 'olga@domain.example', password: 'Borostyán Daru Móló 12' };
const owner = {
  company: 'Példa Kft.',
  username: 'kpeter',
  email: 'peter@pelda.example',
  password: 'Balaton Napraforgó Kemence',
  locale: 'hu' as const,
};
const text = (key: string, params?: Record<string, string>) => webText('hu', key, params);
const literally = (value: string) => new RegExp(value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));

let seed: Seed;
test.beforeAll(async ({ kontor, playwright }) => {
  seed = await seedPortal(playwright, kontor, operator);
  await seed.registerOwner(owner);
});
test.afterAll(async () => {
  await seed?.dispose();
});

const dialogOf = (page: Page, name: string) => page.getByRole('dialog', { name });

test('an owner keeps an organisation as domain contact in Hungarian', async ({ page, kontor }) => {
  await signInThroughApi(page, kontor, '/api/v1/auth/sign-in', owner);
  await page.goto(`${kontor.baseUrl}/account`);
  await page
    .getByRole('navigation', { name: text('account.navigation') })
    .getByRole('link', { name: text('account.domainContacts') })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(text('domainContacts.title'));
  await expect(page.getByText(text('domainContacts.empty'))).toBeVisible();

  await page.getByRole('button', { name: text('domainContacts.new') }).click();
  const add = dialogOf(page, text('domainContacts.new'));
  await add.getByText(text('domainContacts.kinds.organisation'), { exact: true }).click();
  await field(add, text('domainContacts.organisation')).fill('Példa Kft.');
  await field(add, text('domainContacts.lastName')).fill('Kovács');
  await field(add, text('domainContacts.firstName')).fill('Péter');
  await field(add, text('domainContacts.street')).fill('Váci utca 1.');
  await field(add, text('domainContacts.postalCode')).fill('1052');
  await field(add, text('domainContacts.city')).fill('Budapest');
  // Germany is chosen until the person picks another country, by its Hungarian name.
  const country = add.getByRole('combobox', { name: text('domainContacts.country') });
  await expect(country).toHaveValue('Németország');
  await country.fill('Magyar');
  await page.getByRole('option', { name: 'Magyarország', exact: true }).click();
  await field(add, text('domainContacts.phone')).fill('06 30 123 4567');
  await field(add, text('domainContacts.email')).fill('domain@pelda.example');
  await add.getByRole('button', { name: text('domainContacts.add') }).click();
  await expect(page.getByText(text('domainContacts.added', { name: 'Példa Kft.' }))).toBeVisible();

  const table = page.getByRole('table', { name: text('domainContacts.caption') });
  const row = table.getByRole('row').filter({ hasText: 'Példa Kft.' });
  await expect(row).toContainText('+36 30 123 4567');
  await expect(row).toContainText('1052 Budapest, Magyarország');
  await expect(row).toContainText(text('domainContacts.responsible', { name: 'Kovács Péter' }));

  // A bad number is named under its field; nothing is saved.
  const actions = row.getByRole('button', {
    name: text('domainContacts.actionsFor', { name: 'Példa Kft.' }),
  });
  await actions.click();
  await page.getByRole('menuitem', { name: text('domainContacts.edit') }).click();
  const edit = dialogOf(page, text('domainContacts.editTitle', { name: 'Példa Kft.' }));
  const phone = field(edit, text('domainContacts.phone'));
  await expect(phone).toHaveValue('+36 30 123 4567');
  await phone.fill('06 99 999');
  await field(edit, text('domainContacts.city')).fill('Debrecen');
  await edit.getByRole('button', { name: text('domainContacts.save') }).click();
  await expect(phone).toHaveAccessibleDescription(
    literally(serverMessage('hu', 'DOMAIN_CONTACT_PHONE_INVALID')),
  );
  await expect(phone).toBeFocused();

  await phone.fill('+36 1 234 5678');
  await field(edit, text('domainContacts.postalCode')).fill('4024');
  await edit.getByRole('button', { name: text('domainContacts.save') }).click();
  await expect(page.getByText(text('domainContacts.changed', { name: 'Példa Kft.' }))).toBeVisible();
  await expect(row).toContainText('+36 1 234 5678');
  await expect(row).toContainText('4024 Debrecen, Magyarország');

  await actions.click();
  await page.getByRole('menuitem', { name: text('domainContacts.remove') }).click();
  const confirm = dialogOf(page, text('domainContacts.removeTitle'));
  await expect(confirm).toContainText(text('domainContacts.removeConfirm', { name: 'Példa Kft.' }));
  await confirm.getByRole('button', { name: text('domainContacts.remove') }).click();
  await expect(page.getByText(text('domainContacts.removed', { name: 'Példa Kft.' }))).toBeVisible();
  await expect(page.getByText(text('domainContacts.empty'))).toBeVisible();
  await expect(actions).toHaveCount(0);

  await page
    .getByRole('navigation', { name: text('account.navigation') })
    .getByRole('link', { name: text('account.audit') })
    .click();
  const log = page.getByRole('table');
  for (const action of ['added', 'changed', 'removed']) {
    await expect(log).toContainText(text(`audit.actions.domain_contact.${action}`));
  }
  await expect(log).toContainText('Példa Kft.');
});
