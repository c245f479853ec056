// Issue 11, item 6 in German: a visitor asks for the access data of an account from the sign-in page; an
// operator sends the links with one click; the owner's e-mail arrives and its link shows the credentials.
import { chromiumMissing, chromiumMissingReason } from './chromium.ts';
import { expect, field, pageHeading, serverCatalog, test, webText } from './fixtures.ts';
import { type Seed, seedPortal, signInThroughApi } from './seed.ts';

test.use({ kontorServer: 'credential-requests', locale: 'de-DE' });
test.skip(chromiumMissing, chromiumMissingReason);

const operator = {
  name: 'Olga Betreiberin',
  email: 'olga@zugang.example',
  password: 'Bernstein Kranich Mole 12',
};
const owner = {
  email: 'justus@jura-zugang.example',
  password: 'Lavendel Brücke Abend 31',
  username: 'justus',
  company: 'Kanzlei Jura Zugang',
  locale: 'de' as const,
};
let seed: Seed;
let customerNumber = '';
test.beforeAll(async ({ kontor, playwright }) => {
  seed = await seedPortal(playwright, kontor, operator);
  const accountId = await seed.registerOwner(owner);
  const account = await seed.operatorApi.get(`/api/v1/operator/accounts/${accountId}`);
  customerNumber = ((await account.json()) as { customerNumber: string }).customerNumber;
});
test.afterAll(async () => {
  await seed?.dispose();
});

const de = (key: string, params?: Record<string, string>) => webText('de', key, params);

test('a visitor asks, an operator sends, the owner’s link shows the credentials', async ({
  page,
  kontor,
  browser,
}) => {
  await page.goto(`${kontor.baseUrl}/sign-in`);
  await page.getByRole('link', { name: de('signIn.requestCredentials') }).click();
  await expect(pageHeading(page)).toHaveText(de('credentialsRequest.title'));
  await field(page, de('credentialsRequest.customerNumber')).fill(customerNumber);
  await field(page, de('credentialsRequest.name')).fill('Fritz Fremd');
  await field(page, de('credentialsRequest.email')).fill('fritz@fremd.example');
  await field(page, de('credentialsRequest.message')).fill('Unser Zugang ist verloren gegangen.');
  await page.getByRole('button', { name: de('credentialsRequest.submit') }).click();
  await expect(page.getByRole('status')).toHaveText(de('credentialsRequest.sent'));

  // The operator sees the request and sends the links to the admins.
  const deskContext = await browser.newContext({ locale: 'de-DE' });
  const desk = await deskContext.newPage();
  await signInThroughApi(desk, kontor, '/api/v1/operator/sign-in', operator);
  await desk.goto(`${kontor.baseUrl}/operator/accounts`);
  await desk
    .getByRole('navigation', { name: de('operator.navigation') })
    .getByRole('link', { name: de('operator.credentialRequests') })
    .click();
  await expect(pageHeading(desk)).toHaveText(de('credentialRequests.title'));
  const row = desk.getByRole('row').filter({ hasText: 'fritz@fremd.example' });
  await expect(row).toContainText(owner.company);
  await expect(row).toContainText('Unser Zugang ist verloren gegangen.');
  await row.getByRole('button', { name: de('credentialRequests.send') }).click();
  const dialog = desk.getByRole('dialog', { name: de('credentialRequests.sendTitle') });
  await expect(dialog).toContainText(owner.company);
  await dialog.getByRole('button', { name: de('credentialRequests.send') }).click();
  await expect(desk.getByText(de('credentialRequests.none'))).toBeVisible();
  await deskContext.close();

  // The owner's e-mail, in German, with a link that shows the credentials once.
  const subject = serverCatalog('de').email.credentialRequestAnswered?.subject.replace(
    '{{companyName}}',
    owner.company,
  );
  const text = await seed.mailTo(owner.email, subject ?? '');
  expect(text).toContain('Fritz Fremd');
  const link = /(https?:\/\/\S+\/reveal#token=[\w-]+)/.exec(text)?.[1] ?? '';
  expect(link).not.toBe('');
  await page.goto(link);
  await page.getByRole('button', { name: de('reveal.show') }).click();
  await expect(page.locator(`dt:text-is("${de('reveal.customerNumber')}") + dd`)).toContainText(
    customerNumber,
  );
  await expect(page.locator(`dt:text-is("${de('reveal.username')}") + dd`)).toContainText(owner.username);
  await expect(page.locator(`dt:text-is("${de('reveal.accessKey')}") + dd`)).toContainText(
    /[A-Za-z0-9_-]{43}/,
  );
});
