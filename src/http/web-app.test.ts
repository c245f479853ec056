import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, describeEachDatabase, type TestApp } from '../../test/helpers/build-test-app.ts';

describeEachDatabase('serving the web app', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    const webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'kontor-web-'));
    fs.mkdirSync(path.join(webRoot, 'assets'));
    fs.writeFileSync(
      path.join(webRoot, 'index.html'),
      '<!doctype html><title>Kontor</title><div id="root"></div>',
    );
    fs.writeFileSync(path.join(webRoot, 'assets', 'main-abc123.js'), 'console.log("kontor")');
    t = await buildTestApp({ db: dialect, env: { KONTOR_WEB_ROOT: webRoot } });
  });
  afterAll(() => t.close());

  it('serves the app for its client-side routes, and hashed assets for a year', async () => {
    for (const url of ['/', '/sign-in', '/operator/mailbox/123', '/setup']) {
      const response = await t.app.inject({ url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type']).toContain('text/html');
      expect(response.body).toContain('<div id="root">');
    }
    const asset = await t.app.inject({ url: '/assets/main-abc123.js' });
    expect(asset.body).toBe('console.log("kontor")');
    expect(asset.headers['cache-control']).toContain('immutable');
  });

  it('still answers unknown API routes with JSON, whatever the method', async () => {
    for (const method of ['GET', 'POST', 'DELETE'] as const) {
      const response = await t.app.inject({
        method,
        url: '/api/v1/unknown',
        headers: { 'accept-language': 'en' },
      });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toEqual({ code: 'NOT_FOUND', message: 'Not found.' });
    }
  });
});
