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

it('receives no mail until INBOUND_SMTP_PORT is set, then accepts the support address of PUBLIC_URL', () => {
  expect(loadConfig({}).inboundMail).toBeNull();
  expect(
    loadConfig({ INBOUND_SMTP_PORT: '2525', PUBLIC_URL: 'https://portal.example.com' }).inboundMail,
  ).toEqual({
    port: 2525,
    host: '127.0.0.1',
    maxBytes: 10 * 1024 * 1024,
    maxAttachmentBytes: 5 * 1024 * 1024,
    recipients: ['support@portal.example.com'],
  });
  expect(
    loadConfig({
      INBOUND_SMTP_PORT: '2525',
      INBOUND_RECIPIENTS: 'Support@Acme.example, help@acme.example',
      INBOUND_MAX_BYTES: '2048',
    }).inboundMail,
  ).toMatchObject({ maxBytes: 2048, recipients: ['support@acme.example', 'help@acme.example'] });
});

it('checks the inbound variables even while inbound mail is off', () => {
  let error: unknown;
  try {
    loadConfig({ INBOUND_MAX_BYTES: '10', INBOUND_RECIPIENTS: 'support, help@acme.example' });
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(ConfigError);
  expect((error as ConfigError).problems.map((problem) => problem.split('=')[0])).toEqual([
    'INBOUND_MAX_BYTES',
    'INBOUND_RECIPIENTS',
  ]);
  expect(() => loadConfig({ INBOUND_SMTP_PORT: '0' })).toThrow(ConfigError);
});
