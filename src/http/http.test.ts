// The security baseline and error contract, for every route (SECURITY.md tests 9, 13, 14, 26, 28, 29).
import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildTestApp, describeEachDatabase, type TestApp } from '../../test/helpers/build-test-app.ts';
import { signedInOperator, TestClient } from '../../test/helpers/test-client.ts';

describeEachDatabase('HTTP baseline', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp({ db: dialect, env: { BODY_LIMIT_BYTES: '4096' } });
  });
  afterEach(() => t.close());

  it('answers unknown API routes with a JSON 404 in the caller’s language', async () => {
    for (const [language, message] of [
      ['hu', 'Nem található.'],
      ['en-GB,en;q=0.9', 'Not found.'],
      ['fr', 'Nicht gefunden.'], // unsupported → German
      ['fr, hu;q=0.5, en;q=0.8', 'Not found.'],
    ]) {
      const response = await t.app.inject({
        url: '/api/v1/nothing-here',
        headers: { 'accept-language': language },
      });
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toContain('application/json');
      expect(response.json()).toEqual({ code: 'NOT_FOUND', message });
    }
    const post = await t.app.inject({ method: 'POST', url: '/api/v1/nothing-here', payload: {} });
    expect(post.json().code).toBe('NOT_FOUND');
  });

  it('names every invalid field with a localized reason', async () => {
    const response = await new TestClient(t.app, { language: 'hu' }).post('/api/v1/operator/sign-in', {
      email: 'not-an-address',
    });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.message).toBe('Kérjük, ellenőrizze a megjelölt mezőket.');
    expect(body.details).toEqual(
      expect.arrayContaining([
        { field: 'email', code: 'email', message: 'nem érvényes e-mail-cím' },
        { field: 'password', code: 'required', message: 'kötelező mező' },
      ]),
    );
  });

  it.each([
    ['malformed JSON', { 'content-type': 'application/json' }, '{"email": ', 400],
    ['a __proto__ key', { 'content-type': 'application/json' }, '{"__proto__": {"admin": true}}', 400],
    ['deep nesting', { 'content-type': 'application/json' }, `${'['.repeat(2000)}${']'.repeat(2000)}`, 400],
    ['plain text', { 'content-type': 'text/plain' }, 'email=a', 415],
    ['a form', { 'content-type': 'application/x-www-form-urlencoded' }, 'email=a', 415],
    ['a NUL byte', { 'content-type': 'application/json' }, '{"email":"a\\u0000@b.de","password":"x"}', 400],
    ['a huge number', { 'content-type': 'application/json' }, `{"email":1e999999,"password":"x"}`, 400],
    [
      'a body over the limit',
      { 'content-type': 'application/json' },
      JSON.stringify({ email: 'x'.repeat(5000) }),
      413,
    ],
  ])('refuses %s with a 4xx JSON error, never a 5xx', async (_name, headers, payload, status) => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/operator/sign-in',
      headers,
      payload,
    });
    expect(response.statusCode).toBe(status);
    expect(Object.keys(response.json()).sort()).toEqual(expect.arrayContaining(['code', 'message']));
    expect(response.body).not.toMatch(/at \w+ \(|node_modules|SyntaxError/);
  });

  it('never sends a stack trace or SQL to the client', async () => {
    await t.db.schema.dropTable('sessions').execute(); // make the next sign-in fail inside the database
    const { url } = await t.app.kontor.services.operators.issueOperatorSetupLink();
    const client = new TestClient(t.app, { language: 'en' });
    await client.post('/api/v1/operator/setup', {
      token: new URL(url).hash.slice('#token='.length),
      name: 'Olga',
      email: 'olga@kontor.test',
      password: 'correct horse battery staple',
      locale: 'en',
    });
    const response = await client.post('/api/v1/operator/sign-in', {
      email: 'olga@kontor.test',
      password: 'correct horse battery staple',
    });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({
      code: 'INTERNAL_ERROR',
      message: 'Something went wrong on our side. Please try again later.',
    });
  });

  it('sends the security headers', async () => {
    const response = await t.app.inject({ url: '/healthz' });
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['strict-transport-security']).toBeUndefined(); // plain HTTP here
  });

  it('never reflects a foreign origin for CORS', async () => {
    const response = await t.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/operator/session',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
    });
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    expect(response.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('refuses a cookie-authenticated change without the CSRF token or from a foreign origin', async () => {
    const { client } = await signedInOperator(t.app);
    const withoutToken = await client.post('/api/v1/operator/sign-out', undefined, { 'x-csrf-token': '' });
    expect(withoutToken.statusCode).toBe(403);
    expect(withoutToken.json().code).toBe('CSRF_FAILED');
    const wrongToken = await client.post('/api/v1/operator/sign-out', undefined, {
      'x-csrf-token': 'guessed',
    });
    expect(wrongToken.statusCode).toBe(403);
    const foreign = await client.post('/api/v1/operator/sign-out', undefined, {
      origin: 'https://evil.example',
    });
    expect(foreign.json().code).toBe('CSRF_FAILED');
    expect((await client.get('/api/v1/operator/session')).statusCode).toBe(200); // still signed in
    const sameOrigin = await client.post('/api/v1/operator/sign-out', undefined, {
      origin: 'http://kontor.test',
    });
    expect(sameOrigin.statusCode).toBe(204);
  });

  it('gives the browser a readable CSRF cookie, and monitoring probes none', async () => {
    expect((await t.app.inject({ url: '/healthz' })).cookies).toEqual([]);
    const response = await t.app.inject({ url: '/api/v1/operator/session' });
    const csrf = response.cookies.find((cookie) => cookie.name === 'kontor_csrf');
    expect(csrf?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(csrf).toMatchObject({ path: '/', sameSite: 'Lax' });
    expect(csrf?.httpOnly).toBeFalsy();
  });

  it('serves the OpenAPI 3.1 document for every API route, and the docs page', async () => {
    const document = (await t.app.inject({ url: '/api/openapi.json' })).json();
    expect(document.openapi).toBe('3.1.0');
    for (const path of [
      '/healthz',
      '/readyz',
      '/api/v1/operator/setup',
      '/api/v1/operator/setup/check',
      '/api/v1/operator/sign-in',
      '/api/v1/operator/sign-out',
      '/api/v1/operator/session',
      '/api/v1/operator/mailbox',
      '/api/v1/operator/mailbox/{id}',
    ]) {
      expect(document.paths, path).toHaveProperty([path]);
    }
    expect(document.paths['/api/v1/operator/sign-in'].post.responses).toHaveProperty(['401']);
    const docs = await t.app.inject({ url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger-ui');
  });

  it('reports readiness from the database', async () => {
    expect((await t.app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject({ url: '/readyz' })).json()).toEqual({ status: 'ready' });
  });
});

describeEachDatabase('HTTP limits and HTTPS', (dialect) => {
  it('rate-limits sign-in per address with Retry-After, but never the health checks', async () => {
    const t = await buildTestApp({
      db: dialect,
      env: { SIGN_IN_RATE_LIMIT_PER_MINUTE: '3', RATE_LIMIT_PER_MINUTE: '5' },
    });
    try {
      const attempt = () =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/operator/sign-in',
          headers: { 'accept-language': 'en' },
          payload: { email: 'a@kontor.test', password: 'whatever' },
        });
      const statuses = [];
      for (let i = 0; i < 4; i += 1) statuses.push((await attempt()).statusCode);
      expect(statuses).toEqual([401, 401, 401, 429]);
      const limited = await attempt();
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect(limited.json()).toMatchObject({
        code: 'RATE_LIMITED',
        message: expect.stringMatching(/wait \d+ seconds/),
      });
      for (let i = 0; i < 10; i += 1) expect((await t.app.inject({ url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await t.close();
    }
  });

  it('marks cookies Secure with the __Host- prefix and sends HSTS behind HTTPS', async () => {
    const t = await buildTestApp({ db: dialect, env: { PUBLIC_URL: 'https://portal.kontor.test' } });
    try {
      const { client } = await signedInOperator(t.app);
      expect([...client.cookies.keys()].sort()).toEqual(['__Host-kontor_csrf', '__Host-kontor_session']);
      const response = await client.get('/api/v1/operator/session');
      expect(response.statusCode).toBe(200);
      expect(response.headers['strict-transport-security']).toContain('max-age=31536000');
    } finally {
      await t.close();
    }
  });
});
