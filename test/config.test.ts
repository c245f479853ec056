import path from 'node:path';
import { expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';

it('starts on the embedded defaults with an empty environment', () => {
  const config = loadConfig({});
  expect(config).toMatchObject({ port: 3000, host: '127.0.0.1', smtpUrl: null, defaultLocale: 'de' });
  expect(config.publicUrl.href).toBe('http://localhost:3000/');
  expect(config.database).toEqual({ dialect: 'sqlite', filename: path.resolve('data/kontor.db') });
});

it('selects PostgreSQL by DATABASE_URL and SMTP by SMTP_URL', () => {
  const config = loadConfig({
    DATABASE_URL: 'postgres://kontor:secret@db.internal:5432/kontor',
    SMTP_URL: 'smtps://mailer:secret@mail.internal:465',
    PUBLIC_URL: 'https://portal.example.com',
  });
  expect(config.database).toMatchObject({ dialect: 'postgres', poolSize: 10 });
  expect(config.smtpUrl).toBe('smtps://mailer:secret@mail.internal:465');
  // Without a name of its own the sender is shown with the provider's name.
  expect(config.mailFrom).toEqual({ name: null, address: 'no-reply@portal.example.com' });
  expect(loadConfig({ MAIL_FROM: '"Acme Support" <help@acme.example>' }).mailFrom).toEqual({
    name: 'Acme Support',
    address: 'help@acme.example',
  });
});

it('lists every bad variable in one error', () => {
  let error: unknown;
  try {
    loadConfig({
      PORT: 'eighty',
      PUBLIC_URL: 'ftp://example.com',
      DATABASE_URL: 'mysql://root@localhost/kontor',
      SMTP_URL: 'mail.example.com',
      DEFAULT_LOCALE: 'fr',
      TRUST_PROXY: 'maybe',
      BODY_LIMIT_BYTES: '10',
    });
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(ConfigError);
  const names = (error as ConfigError).problems.map((problem) => problem.split('=')[0]);
  expect(names).toEqual([
    'PORT',
    'PUBLIC_URL',
    'DATABASE_URL',
    'SMTP_URL',
    'DEFAULT_LOCALE',
    'TRUST_PROXY',
    'BODY_LIMIT_BYTES',
  ]);
  expect((error as ConfigError).message).toContain('expected a port number');
});
