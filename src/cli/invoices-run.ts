// `kontor invoices run --month YYYY-MM`: bills the month as the operators' "run" does, with a progress bar
// on a terminal and plain lines otherwise (logs, cron). A refusal is printed in DEFAULT_LOCALE, exit code 1.
import cliProgress from 'cli-progress';
import { createAuditService } from '../modules/audit/index.ts';
import { createNotifications } from '../modules/contacts/index.ts';
import { createInvoiceRenderer, createInvoiceRun } from '../modules/invoices/index.ts';
import { createProviderService } from '../modules/provider/index.ts';
import { AppError } from '../shared/app-error.ts';
import { systemClock } from '../shared/clock.ts';
import { translator } from '../shared/i18n.ts';
import { loadConfigOrExit, mailService, openMigratedDatabase } from './context.ts';

export async function invoicesRun(options: { month: string }): Promise<void> {
  const config = loadConfigOrExit();
  const db = await openMigratedDatabase(config);
  const clock = systemClock;
  const audit = createAuditService({ db, clock });
  const provider = createProviderService({ db, clock, config, audit });
  const mail = mailService(db, config);
  const notifications = createNotifications({ db, clock, config, mail, audit });
  const renderer = createInvoiceRenderer({ threads: config.invoiceRenderThreads });
  const run = createInvoiceRun({ db, clock, config, audit, provider, notifications, renderer });
  const bar = process.stdout.isTTY
    ? new cliProgress.SingleBar(
        { format: 'Invoices {bar} {value}/{total} accounts, {eta_formatted} left', hideCursor: true },
        cliProgress.Presets.shades_classic,
      )
    : null;
  let step = 1;
  const onProgress = (done: number, total: number) => {
    if (bar) {
      if (done === 0) bar.start(total, 0);
      else bar.update(done);
      return;
    }
    if (done === 0) step = Math.max(1, Math.ceil(total / 20));
    if (done > 0 && (done % step === 0 || done === total)) console.log(`${done}/${total} accounts billed`);
  };
  try {
    const started = performance.now();
    const result = await run.run({ month: options.month, onProgress });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    bar?.stop();
    console.log(
      result.issued === 0
        ? `No invoices to issue for ${result.month}.`
        : `Issued ${result.issued} invoice(s) for ${result.month}: ${result.firstNumber} to ${result.lastNumber}, in ${seconds} s.`,
    );
    if (result.notYetDue > 0)
      console.log(`${result.notYetDue} account(s) wait until ${result.month} has ended in their time zone.`);
  } catch (error) {
    bar?.stop();
    if (!(error instanceof AppError)) throw error;
    const t = translator(config.defaultLocale);
    console.error(t(`errors.${error.code}`, error.options.params));
    const fields = error.options.details?.map((detail) => detail.field) ?? [];
    if (fields.length > 0) console.error(`Missing: ${fields.join(', ')}`);
    process.exitCode = 1;
  } finally {
    await renderer.close();
    await db.destroy();
  }
}
