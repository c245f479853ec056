// Issue 11, items 4 and 5 in Hungarian: the owner (who holds "open support requests") opens a request with
// an attachment, an operator answers it in the inbox, the answer e-mail is in the mailbox with the reference
// in its subject, the owner replies to it by e-mail (real SMTP into Kontor's listener), sees that reply
// in the thread and answers once more in the browser.
import nodemailer from 'nodemailer';
import { chromiumMissing, chromiumMissingReason } from './chromium.ts';
import { expect, field, test, webText } from './fixtures.ts';
import { type Seed, seedPortal, signInThroughApi } from './seed.ts';

test.use({ kontorServer: 'support', locale: 'hu-HU' });
test.skip(chromiumMissing, chromiumMissingReason);

const operator = { name: 'Olga Operátor', email: 'olga@support.example', password: 'Borostyán Daru Móló 12' };
const owner = {
  email: 'justus@jura-support.example',
  password: 'Lavendel Brücke Abend 31',
  username: 'justus',
  company: 'Jura Kft.',
  locale: 'hu' as const,
};
let seed: Seed;
test.beforeAll(async ({ kontor, playwright }) => {
  seed = await seedPortal(playwright, kontor, operator);
  await seed.registerOwner(owner);
});
test.afterAll(async () => {
  await seed?.dispose();
});

const hu = (key: string, params?: Record<string, string>) => webText('hu', key, params);
const de = (key: string, params?: Record<string, string>) => webText('de', key, params);

test('a request with an attachment is answered by the operator, e-mailed, and replied to', async ({
  page,
  kontor,
  browser,
}) => {
  await signInThroughApi(page, kontor, '/api/v1/auth/sign-in', owner);
  await page.goto(`${kontor.baseUrl}/account`);
  await page
    .getByRole('navigation', { name: hu('account.navigation') })
    .getByRole('link', { name: hu('account.support') })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(hu('support.title'));
  await page.getByRole('button', { name: hu('support.new') }).click();
  const dialog = page.getByRole('dialog', { name: hu('support.newTitle') });
  await field(dialog, hu('support.subject')).fill('Több tárhely');
  await field(dialog, hu('support.text')).fill('Kérünk 10 GB-tal több tárhelyet.');
  await dialog.locator('input[type="file"]').setInputFiles({
    name: 'naplo.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('Hiba: a tárhely megtelt\n'),
  });
  await dialog.getByRole('button', { name: hu('support.send') }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Több tárhely');
  await expect(page.getByRole('link', { name: /naplo\.txt/ })).toBeVisible();
  const reference = (await page.getByText(/^K-\d{6}$/).textContent()) ?? '';
  expect(reference).toMatch(/^K-\d{6}$/);

  // The operator (German) answers in the inbox.
  const operatorContext = await browser.newContext({ locale: 'de-DE' });
  const desk = await operatorContext.newPage();
  await signInThroughApi(desk, kontor, '/api/v1/operator/sign-in', operator);
  await desk.goto(`${kontor.baseUrl}/operator/support`);
  await expect(desk.getByRole('heading', { level: 1 })).toHaveText(de('support.inbox.title'));
  await desk.getByRole('link', { name: 'Több tárhely' }).click();
  await expect(desk.getByText('Jura Kft.')).toBeVisible();
  await desk.getByRole('textbox', { name: de('support.text') }).fill('Megnöveltük a tárhelyet 10 GB-tal.');
  await desk.getByRole('button', { name: de('support.operator.sendAnswer') }).click();
  await expect(desk.getByText(de('support.operator.answered'))).toBeVisible();
  await operatorContext.close();

  // The answer e-mail, with the reference in its subject, in the owner's language.
  await expect(async () => {
    const list = await seed.operatorApi.get('/api/v1/operator/mailbox?page=1&pageSize=100');
    const { items } = (await list.json()) as { items: { to: string; subject: string }[] };
    const subjects = items.filter((mail) => mail.to === owner.email).map((mail) => mail.subject);
    expect(subjects).toContain(`[#${reference}] Új válasz: Több tárhely`);
  }).toPass({ timeout: 15_000 });

  // The owner answers the e-mail from a mail program; it reaches the thread.
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port: kontor.supportMail.port,
    ignoreTLS: true,
  });
  await transport.sendMail({
    from: owner.email,
    to: kontor.supportMail.address,
    subject: `Re: [#${reference}] Új válasz: Több tárhely`,
    text: 'Köszönjük, e-mailben is megkaptuk.',
  });
  transport.close();

  // The owner sees the answer and the e-mailed reply in the thread, and replies in the browser.
  await page.reload();
  await expect(page.getByText('Megnöveltük a tárhelyet 10 GB-tal.')).toBeVisible();
  await expect(page.getByText('Köszönjük, e-mailben is megkaptuk.')).toBeVisible();
  await page.getByRole('textbox', { name: hu('support.text') }).fill('Köszönjük, minden rendben.');
  await page.getByRole('button', { name: hu('support.sendReply') }).click();
  await expect(page.getByText('Köszönjük, minden rendben.')).toBeVisible();
  await expect(page.getByText(hu('support.states.open'))).toBeVisible();
});
