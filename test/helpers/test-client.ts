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

export function tokenOf(setupUrl: string): string {
  return new URL(setupUrl).hash.replace('#token=', '');
}
