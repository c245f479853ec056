import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildApp } from '../app.ts';
import { createInboundMail } from '../modules/inbound-mail/index.ts';
import { loadConfigOrExit, openMigratedDatabase } from './context.ts';

export async function serve(options: { buildMissing?: boolean }): Promise<void> {
  const config = loadConfigOrExit();
  if (options.buildMissing && !fs.existsSync(path.join(config.webRoot, 'index.html'))) {
    console.log('Building the web app (first start only)…');
    execFileSync(
      process.execPath,
      [path.resolve('node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
      {
        stdio: 'inherit',
      },
    );
  }
  const db = await openMigratedDatabase(config);
  const app = await buildApp(config, { db });
  await app.listen({ port: config.port, host: config.host });
  app.kontor.mailWorker.start();
  app.kontor.invoiceSchedule.start();
  app.kontor.services.payments.reminderJob.start();
  app.kontor.gatewayRetention.start();
  app.kontor.remoteSupportRetention.start();
  const inboundMail = config.inboundMail
    ? createInboundMail({
        config: { publicUrl: config.publicUrl, inboundMail: config.inboundMail },
        log: app.log.child({ component: 'inbound-mail' }),
        handle: async (message) => {
          const outcome = await app.kontor.services.supportMailIn(message);
          app.log.info(
            { from: message.from.address, messageId: message.messageId, outcome },
            'support mail filed',
          );
        },
      })
    : null;
  if (inboundMail) await inboundMail.listen();

  const where = config.database.dialect === 'sqlite' ? `SQLite ${config.database.filename}` : 'PostgreSQL';
  const mail = config.smtpUrl
    ? 'SMTP'
    : 'the built-in mailbox (operator area → Mailbox, or "npm run kontor -- mail list")';
  console.log(`Kontor is running at ${config.publicUrl.href} on ${where}; e-mails go to ${mail}.`);
  if (config.inboundMail) {
    const { host, port, recipients } = config.inboundMail;
    console.log(`Support mail for ${recipients.join(', ')} is received over SMTP on ${host}:${port}.`);
  }
  const setupLink = await app.kontor.services.operators.firstRunSetupLink();
  if (setupLink) {
    console.log(
      `\nNo operator exists yet. Create the first one (link valid until ${setupLink.expiresAt}, single use):`,
    );
    console.log(`  ${setupLink.url}\n`);
  }

  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await inboundMail?.close();
    await app.close();
    await db.destroy();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}
