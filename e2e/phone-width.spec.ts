// Issue 7, item 7: every page usable at phone width (390 × 844) in all three languages: nothing scrolls
// sideways, no button or badge is cut off, the area navigation sits behind a burger menu and a table's
// actions stay on screen.
import { chromiumMissing, chromiumMissingReason } from './chromium.ts';
import { expect, type Kontor, type Page, pageHeading, test } from './fixtures.ts';
import { type Seed, seedPortal, signInThroughApi } from './seed.ts';

test.use({ kontorServer: 'phone-width', viewport: { width: 390, height: 844 } });
test.skip(chromiumMissing, chromiumMissingReason);
test.describe.configure({ mode: 'serial' });

const operator = {
  name: 'Olga Betreiberin',
  email: 'olga@phone.example',
  password: 'Bernstein Kranich Mole 12',
};
const languages = [
  { code: 'de', locale: 'de-DE', company: 'Steuerberatung Großmann & Söhne Partnerschaftsgesellschaft mbB' },
  { code: 'en', locale: 'en-GB', company: 'Northern Lights Accounting and Payroll Services Limited' },
  {
    code: 'hu',
    locale: 'hu-HU',
    company: 'Kovács és Társa Könyvelő és Adótanácsadó Korlátolt Felelősségű Társaság',
  },
] as const;
const ownerOf = (code: string) => ({
  email: `owner-${code}@phone.example`,
  password: 'Zitronenbaum Fährhafen Morgentau',
});

const publicPages = [
  '/sign-in',
  '/register',
  '/register/check-email',
  '/forgot-password',
  '/credentials-request',
  '/reset-password',
  '/activate',
  '/unsubscribe/no-such-contact/invoice/forged',
  '/confirm-email',
  '/reveal',
  '/setup',
  '/operator/sign-in',
  '/operator/forgot-password',
  '/operator/invitation',
  '/no-such-page',
];
const customerPages = [
  '/account',
  '/account/users',
  '/account/contacts',
  '/account/notifications',
  '/account/support',
  '/account/my-notifications',
  '/account/domain-contacts',
  '/account/products',
  '/account/usage',
  '/account/audit',
  '/account/sessions',
  '/account/email',
  '/account/password',
  '/account/two-factor',
  '/account/identification',
];

let seed: Seed;
const accountIds: Record<string, string> = {};

test.beforeAll(async ({ kontor, playwright }) => {
  seed = await seedPortal(playwright, kontor, operator);
  // One owner per language: the interface follows the user's stored language.
  for (const { code, company } of languages) {
    accountIds[code] = await seed.registerOwner({
      company,
      username: `owner${code}`,
      locale: code,
      ...ownerOf(code),
    });
  }
});
test.afterAll(async () => {
  await seed?.dispose();
});

/** Opens `path` and checks that the page fits: no sideways scrolling, nothing cut off at the right edge. */
async function expectFits(page: Page, kontor: Kontor, path: string, language: string) {
  await page.goto(`${kontor.baseUrl}${path}`);
  await expect(pageHeading(page)).toBeVisible();
  await expect(page.locator('.mantine-Loader-root')).toHaveCount(0);
  const layout = await page.evaluate(() => {
    const cut: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>('button, a, .mantine-Badge-label, label')) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.right <= 0) continue; // hidden, or in the closed burger menu
      // A wide table scrolls inside its own container; its actions are kept in view (sticky-actions).
      if (
        element.closest('.mantine-TableScrollContainer-scrollContainer') &&
        !element.closest('.sticky-actions')
      )
        continue;
      if (box.right > window.innerWidth + 1 || element.scrollWidth > element.clientWidth + 1) {
        cut.push(element.textContent?.trim() || element.getAttribute('aria-label') || element.tagName);
      }
    }
    // What sticks out (a box, or text spilling out of its box), to name in the failure.
    const wide = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((element) => !element.closest('.mantine-TableScrollContainer-scrollContainerInner'))
      .filter((element) => {
        const box = element.getBoundingClientRect();
        const spills = getComputedStyle(element).overflowX === 'visible';
        return (
          box.width > 0 &&
          Math.max(box.right, spills ? box.left + element.scrollWidth : 0) > window.innerWidth + 1
        );
      })
      .slice(0, 5)
      .map(
        (element) =>
          `${element.tagName}.${String(element.className).slice(0, 40)} "${element.textContent?.slice(0, 40)}"`,
      );
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, cut, wide };
  });
  expect
    .soft(layout.scrollWidth, `${path} (${language}) scrolls sideways: ${layout.wide.join(' | ')}`)
    .toBeLessThanOrEqual(layout.innerWidth);
  expect.soft(layout.cut, `${path} (${language}): cut off at the right edge`).toEqual([]);
}

for (const { code, locale } of languages) {
  test.describe(`in ${code}`, () => {
    test.use({ locale });

    test(`public pages fit at 390 px (${code})`, async ({ page, kontor }) => {
      for (const path of publicPages) await expectFits(page, kontor, path, code);
    });

    test(`customer pages fit at 390 px, navigation behind a burger (${code})`, async ({ page, kontor }) => {
      await signInThroughApi(page, kontor, '/api/v1/auth/sign-in', ownerOf(code));
      const csrf = (await page.context().cookies()).find((cookie) => cookie.name.endsWith('kontor_csrf'));
      const opened = await page.request.post(
        `${kontor.baseUrl}/api/v1/accounts/${accountIds[code]}/support-requests`,
        {
          data: { subject: 'Mehr Speicherplatz für das Postfach der Buchhaltung', text: 'Bitte 10 GB mehr.' },
          headers: { 'x-csrf-token': csrf?.value ?? '' },
        },
      );
      expect(opened.ok(), await opened.text()).toBe(true);
      const requestPage = `/account/support/${((await opened.json()) as { id: string }).id}`;
      for (const path of [...customerPages, requestPage]) await expectFits(page, kontor, path, code);

      // The navigation is closed until the burger opens it; choosing a page closes it again.
      await page.goto(`${kontor.baseUrl}/account`);
      const burger = page.getByRole('banner').getByRole('button', { expanded: false });
      const navigation = page
        .getByRole('navigation')
        .filter({ has: page.getByRole('link') })
        .first();
      await expect(navigation).not.toBeInViewport();
      await burger.click();
      await expect(navigation).toBeInViewport();
      await navigation.getByRole('link').nth(1).click();
      await expect(page).toHaveURL(`${kontor.baseUrl}/account/users`);
      await expect(navigation).not.toBeInViewport();

      // The users table's actions menu stays on screen.
      const actions = page.getByRole('table').getByRole('button').first();
      await expect(actions).toBeInViewport({ ratio: 1 });
    });

    test(`operator pages fit at 390 px (${code})`, async ({ page, kontor }) => {
      await signInThroughApi(page, kontor, '/api/v1/operator/sign-in', operator);
      const mailbox = await page.request.get(`${kontor.baseUrl}/api/v1/operator/mailbox?page=1&pageSize=1`);
      const mailId = ((await mailbox.json()) as { items: { id: string }[] }).items[0]?.id;
      // The customer pages' test of this language opened one.
      const inbox = await page.request.get(`${kontor.baseUrl}/api/v1/operator/support-requests?pageSize=1`);
      const requestId = ((await inbox.json()) as { items: { id: string }[] }).items[0]?.id;
      const csrf = (await page.context().cookies()).find((cookie) => cookie.name.endsWith('kontor_csrf'));
      const service = await page.request.post(`${kontor.baseUrl}/api/v1/operator/services`, {
        data: {
          code: `phone-${code}`,
          names: {
            de: 'Versicherer-Korrespondenz',
            en: 'Insurer correspondence',
            hu: 'Levelezés biztosítókkal',
          },
          unit: 'message',
          adapter: 'http',
          providerUrl: 'https://versicherer-korrespondenz.provider.example/api/v1/messages',
        },
        headers: { 'x-csrf-token': csrf?.value ?? '' },
      });
      expect(service.ok(), await service.text()).toBe(true);
      const serviceId = ((await service.json()) as { id: string }).id;
      const operatorPages = [
        '/operator/accounts',
        '/operator/accounts/new',
        `/operator/accounts/${accountIds[code]}`,
        '/operator/audit',
        '/operator/support',
        '/operator/credential-requests',
        '/operator/services',
        `/operator/services/${serviceId}`,
        ...(requestId ? [`/operator/support/${requestId}`] : []),
        '/operator/mailbox',
        `/operator/mailbox/${mailId}`,
        '/operator/provider',
        '/operator/operators',
        '/operator/two-factor',
        '/operator/bank-statements',
        '/operator/direct-debits',
      ];
      for (const path of operatorPages) await expectFits(page, kontor, path, code);
    });
  });
}
