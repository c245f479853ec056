// A cookie-keeping client over app.inject(), sending the CSRF header the way the web app does.
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { KontorApp } from '../../src/app.ts';

export class TestClient {
  readonly cookies = new Map<string, string>();
  constructor(
    private readonly app: KontorApp,
    private readonly defaults: { language?: string } = {},
  ) {}

  async request(options: InjectOptions): Promise<LightMyRequestResponse> {
    const method = (options.method ?? 'GET').toUpperCase();
    const csrf = this.cookies.get('kontor_csrf') ?? this.cookies.get('__Host-kontor_csrf');
    const response = await this.app.inject({
      ...options,
      headers: {
        ...(this.defaults.language ? { 'accept-language': this.defaults.language } : {}),
        ...(this.cookies.size
          ? { cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ') }
          : {}),
        ...(method !== 'GET' && csrf ? { 'x-csrf-token': csrf } : {}),
        ...options.headers,
      },
    });
    for (const cookie of response.cookies as { name: string; value: string; maxAge?: number }[]) {
      if (cookie.value === '' || cookie.maxAge === 0) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    return response;
  }

  get = (url: string, headers: Record<string, string> = {}) => this.request({ method: 'GET', url, headers });
  post = (url: string, payload?: object, headers: Record<string, string> = {}) =>
    this.request({ method: 'POST', url, payload, headers });
  put = (url: string, payload?: object) => this.request({ method: 'PUT', url, payload });
  patch = (url: string, payload?: object) => this.request({ method: 'PATCH', url, payload });
  delete = (url: string) => this.request({ method: 'DELETE', url });
}

export const strongPassword = 'correct horse battery staple 42';

/** Creates an operator through the real set-up link and signs in; returns the signed-in client. */
export async function signedInOperator(
  app: KontorApp,
  options: { email?: string; locale?: 'de' | 'en' | 'hu' } = {},
): Promise<{ client: TestClient; email: string }> {
  const email = options.email ?? 'operator@kontor.test';
  const { url } = await app.kontor.services.operators.issueOperatorSetupLink();
  const token = tokenOf(url);
  const client = new TestClient(app);
  const setup = await client.post('/api/v1/operator/setup', {
    token,
    name: 'Olga Operator',
    email,
    password: strongPassword,
    locale: options.locale ?? 'en',
  });
  if (setup.statusCode !== 201) throw new Error(`operator set-up failed: ${setup.body}`);
  const signIn = await client.post('/api/v1/operator/sign-in', { email, password: strongPassword });
  if (signIn.statusCode !== 200) throw new Error(`operator sign-in failed: ${signIn.body}`);
  return { client, email };
}

/**
 * Issue 16: an operator with exactly `roles`, invited by an operator admin, who accepted the invitation
 * and signed in, as the invitee would.
 */
export async function invitedOperator(
  app: KontorApp,
  admin: TestClient,
  roles: string[],
  options: { email?: string; name?: string; locale?: 'de' | 'en' | 'hu' } = {},
): Promise<{ client: TestClient; email: string; id: string }> {
  const email = options.email ?? `${roles.join('-') || 'none'}@kontor.test`;
  const invited = await admin.post('/api/v1/operator/operators', {
    name: options.name ?? `Otto ${roles.join(' ')}`,
    email,
    locale: options.locale ?? 'en',
    roles,
  });
  if (invited.statusCode !== 201) throw new Error(`operator invitation failed: ${invited.body}`);
  const token = (await lastEmailTo(app, email, 'operator/invitation')).link('operator/invitation');
  const client = new TestClient(app);
  const accepted = await client.post('/api/v1/operator/invitation/accept', {
    token,
    password: strongPassword,
  });
  if (accepted.statusCode !== 200) throw new Error(`operator invitation not accepted: ${accepted.body}`);
  const signIn = await client.post('/api/v1/operator/sign-in', { email, password: strongPassword });
  if (signIn.statusCode !== 200) throw new Error(`operator sign-in failed: ${signIn.body}`);
  return { client, email, id: invited.json().id };
}

export function tokenOf(setupUrl: string): string {
  return new URL(setupUrl).hash.replace('#token=', '');
}

export const companyOwner = {
  companyName: 'Kanzlei Jura & Partner',
  salutation: 'mr' as const,
  title: 'Dr.',
  firstName: 'Justus',
  lastName: 'Jura',
  username: 'Justus Jura',
  email: 'justus@jura.test',
  password: strongPassword,
  locale: 'de' as 'de' | 'en' | 'hu',
};

/**
 * The newest e-mail to an address in the outbox, with the links and numbers it carries; with `page`, the
 * newest one that links to that page (tests share one fake instant, so several can have the same time).
 */
export async function lastEmailTo(app: KontorApp, address: string, page?: string) {
  const emails = await app.kontor.db
    .selectFrom('outboxEmails')
    .selectAll()
    .where('toAddress', '=', address)
    .orderBy('createdAt', 'desc')
    .execute();
  const email = emails.find((candidate) => !page || candidate.textBody.includes(`/${page}#token=`));
  if (!email) throw new Error(`no e-mail to ${address}${page ? ` linking to /${page}` : ''}`);
  const link = (linkPage: string) => email.textBody.match(new RegExp(`/${linkPage}#token=([\\w-]+)`))?.[1];
  return {
    ...email,
    link,
    customerNumber: email.textBody.match(/\d{7}-\d/)?.[0],
    userNumber: email.textBody.match(/: (\d{7})\n/)?.[1],
  };
}

/** The subjects of every e-mail to an address, oldest first. */
export async function subjectsTo(app: KontorApp, address: string): Promise<string[]> {
  const emails = await app.kontor.db
    .selectFrom('outboxEmails')
    .select('subject')
    .where('toAddress', '=', address)
    .orderBy('createdAt')
    .execute();
  return emails.map((email) => email.subject);
}

/** Registers a company through the API and confirms its owner's address, as the owner would. */
export async function registeredOwner(app: KontorApp, overrides: Partial<typeof companyOwner> = {}) {
  const owner = { ...companyOwner, ...overrides };
  const client = new TestClient(app);
  const registration = await client.post('/api/v1/auth/register', owner);
  if (registration.statusCode !== 202) throw new Error(`registration failed: ${registration.body}`);
  const welcome = await lastEmailTo(app, owner.email, 'confirm-email');
  const confirmation = await client.post('/api/v1/auth/confirm-email', {
    token: welcome.link('confirm-email'),
  });
  if (confirmation.statusCode !== 200) throw new Error(`confirmation failed: ${confirmation.body}`);
  return {
    ...owner,
    client,
    customerNumber: welcome.customerNumber ?? '',
    userNumber: welcome.userNumber ?? '',
    revealToken: welcome.link('reveal') ?? '',
  };
}

/** A registered owner signed in with e-mail and password. */
export async function signedInOwner(app: KontorApp, overrides: Partial<typeof companyOwner> = {}) {
  const owner = await registeredOwner(app, overrides);
  const signIn = await owner.client.post('/api/v1/auth/sign-in', {
    email: owner.email,
    password: owner.password,
  });
  if (signIn.statusCode !== 200) throw new Error(`sign-in failed: ${signIn.body}`);
  return owner;
}

/** A user created by an admin, given a password through the reset link, and signed in. */
export async function signedInUser(
  app: KontorApp,
  admin: TestClient,
  accountId: string,
  person: { username: string; email: string; firstName?: string; lastName?: string },
) {
  const created = await admin.post(`/api/v1/accounts/${accountId}/users`, {
    firstName: 'Mia',
    lastName: 'Muster',
    ...person,
  });
  if (created.statusCode !== 201) throw new Error(`user creation failed: ${created.body}`);
  const client = new TestClient(app);
  await client.post('/api/v1/auth/password-reset', { email: person.email });
  const token = (await lastEmailTo(app, person.email, 'reset-password')).link('reset-password');
  const reset = await client.post('/api/v1/auth/password-reset/complete', {
    token,
    password: strongPassword,
  });
  if (reset.statusCode !== 204) throw new Error(`password set-up failed: ${reset.body}`);
  const signIn = await client.post('/api/v1/auth/sign-in', { email: person.email, password: strongPassword });
  if (signIn.statusCode !== 200) throw new Error(`sign-in failed: ${signIn.body}`);
  return { client, user: created.json().user as { id: string; userNumber: string } };
}

export async function accountIdOf(client: TestClient): Promise<string> {
  return (await client.get('/api/v1/auth/session')).json().account.id;
}
