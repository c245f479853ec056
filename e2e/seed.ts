// Data for specs that test pages rather than flows: the first operator from the printed set-up link and
// confirmed self-registered owners, all through the API.
import type { APIRequestContext, PlaywrightWorkerArgs } from '@playwright/test';
import { expect, type Kontor, type Page } from './fixtures.ts';
import { readMail } from './operator-mailbox.ts';

export interface Person {
  email: string;
  password: string;
}

export interface Seed {
  /** Signed in as the operator. */
  operatorApi: APIRequestContext;
  /** Registers an account and confirms its owner with the welcome e-mail's link; returns the account id. */
  registerOwner(
    owner: Person & { company: string; username: string; locale: 'de' | 'en' | 'hu' },
  ): Promise<string>;
  /** The text of the newest e-mail to an address with this subject, once written. */
  mailTo(to: string, subject: string): Promise<string>;
  dispose(): Promise<void>;
}

export async function seedPortal(
  playwright: PlaywrightWorkerArgs['playwright'],
  kontor: Kontor,
  operator: Person & { name: string },
): Promise<Seed> {
  const operatorApi = await playwright.request.newContext({ baseURL: kontor.baseUrl });
  const token = new URLSearchParams(new URL(kontor.setupLink).hash.slice(1)).get('token');
  const setup = await operatorApi.post('/api/v1/operator/setup', {
    data: { token, ...operator, locale: 'de' },
  });
  expect(setup.ok(), await setup.text()).toBe(true);
  const signIn = await operatorApi.post('/api/v1/operator/sign-in', {
    data: { email: operator.email, password: operator.password },
  });
  expect(signIn.ok(), await signIn.text()).toBe(true);

  // Registering and confirming are what a visitor does: without the operator's session (and its CSRF rule).
  const visitorApi = await playwright.request.newContext({ baseURL: kontor.baseUrl });
  const welcomeToken = async (email: string) => {
    let found = '';
    await expect(async () => {
      const list = await operatorApi.get('/api/v1/operator/mailbox?page=1&pageSize=100');
      const { items } = (await list.json()) as { items: { id: string; to: string }[] };
      const mail = items.find((item) => item.to === email);
      expect(mail, `an e-mail to ${email}`).toBeDefined();
      const message = await operatorApi.get(`/api/v1/operator/mailbox/${mail?.id}`);
      found = /#token=([A-Za-z0-9_-]+)/.exec(((await message.json()) as { text: string }).text)?.[1] ?? '';
      expect(found).not.toBe('');
    }).toPass({ timeout: 15_000 });
    return found;
  };

  return {
    operatorApi,
    async registerOwner({ company, ...owner }) {
      const registered = await visitorApi.post('/api/v1/auth/register', {
        data: { companyName: company, firstName: 'Maximiliane', lastName: 'Mustermann-Schönberg', ...owner },
      });
      expect(registered.ok(), await registered.text()).toBe(true);
      const token = await welcomeToken(owner.email);
      expect((await visitorApi.post('/api/v1/auth/confirm-email', { data: { token } })).ok()).toBe(true);
      const accounts = await operatorApi.get(
        `/api/v1/operator/accounts?q=${encodeURIComponent(owner.email)}`,
      );
      const { items } = (await accounts.json()) as { items: { id: string }[] };
      return items[0]?.id ?? '';
    },
    mailTo: (to, subject) => readMail(operatorApi, to, subject),
    dispose: async () => {
      await operatorApi.dispose();
      await visitorApi.dispose();
    },
  };
}

/** Signs the page's browser context in through the API (the cookies are the browser's). */
export async function signInThroughApi(page: Page, kontor: Kontor, path: string, person: Person) {
  const response = await page.request.post(`${kontor.baseUrl}${path}`, {
    data: { email: person.email, password: person.password },
  });
  expect(response.ok(), await response.text()).toBe(true);
}
