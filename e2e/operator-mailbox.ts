// The specs read the e-mails Kontor sends from the built-in mailbox, through the operator's API: the
// operator is created with the printed set-up link and signed in once per spec file.
import type { APIRequestContext, PlaywrightWorkerArgs } from '@playwright/test';
import { expect, type Kontor } from './fixtures.ts';

export interface OperatorMailbox {
  /** The text of the e-mail to this address with this subject, waiting until it has been written. */
  read(to: string, subject: string): Promise<string>;
  dispose(): Promise<void>;
}

export async function openOperatorMailbox(
  playwright: PlaywrightWorkerArgs['playwright'],
  kontor: Kontor,
  operator: { name: string; email: string; password: string },
): Promise<OperatorMailbox> {
  const api: APIRequestContext = await playwright.request.newContext({ baseURL: kontor.baseUrl });
  const token = new URLSearchParams(new URL(kontor.setupLink).hash.slice(1)).get('token');
  const setup = await api.post('/api/v1/operator/setup', { data: { token, ...operator, locale: 'de' } });
  expect(setup.ok(), await setup.text()).toBe(true);
  const signIn = await api.post('/api/v1/operator/sign-in', {
    data: { email: operator.email, password: operator.password },
  });
  expect(signIn.ok(), await signIn.text()).toBe(true);

  return { read: (to, subject) => readMail(api, to, subject), dispose: () => api.dispose() };
}

/** Through a signed-in operator's API: the text of the e-mail to `to` with `subject`, once written. */
export async function readMail(api: APIRequestContext, to: string, subject: string): Promise<string> {
  let text = '';
  await expect(async () => {
    const list = await api.get('/api/v1/operator/mailbox?page=1&pageSize=100');
    const { items } = (await list.json()) as { items: { id: string; to: string; subject: string }[] };
    const found = items.find((mail) => mail.to === to && mail.subject === subject);
    expect(found, `an e-mail "${subject}" to ${to}`).toBeDefined();
    const message = await api.get(`/api/v1/operator/mailbox/${found?.id}`);
    text = ((await message.json()) as { text: string }).text;
  }).toPass({ timeout: 15_000 });
  return text;
}
