// The scheduled invoice run in `kontor serve`: once at start and then daily, it bills every closed month
// that still has usage waiting, oldest first, each account once its month is closed in its own zone.
// Several servers may run it at once: the run bills an account's month once and numbers without gaps.
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/kysely.ts';
import { AppError } from '../../shared/app-error.ts';
import { billingMonthState } from '../../shared/billing-month.ts';
import type { Clock } from '../../shared/clock.ts';
import { dailyJob } from '../../shared/daily-job.ts';
import type { InvoiceRun } from './invoice-run.ts';
import { invoiceErrors } from './invoices.errors.ts';
import { createInvoicesRepository } from './invoices.repository.ts';

export function createInvoiceSchedule({
  db,
  clock,
  config,
  run,
  log,
}: {
  db: Db;
  clock: Clock;
  config: Config;
  run: InvoiceRun;
  log: FastifyBaseLogger;
}) {
  const repository = createInvoicesRepository();

  /** Bills the closed months with waiting usage; returns what each month's run issued. */
  async function runDue() {
    const now = clock.now();
    const months = (await repository.waitingMonths(db))
      .map((row) => row.billingMonth)
      .filter((month) => billingMonthState(month, config.defaultTimezone, now) === 'closed')
      .sort();
    const results = [];
    for (const month of months) {
      try {
        results.push(await run.run({ month, scheduled: true }));
      } catch (error) {
        if (error instanceof AppError && error.code === invoiceErrors.INVOICE_SELLER_INCOMPLETE) {
          log.warn(
            { month },
            'invoices wait: the seller data (operator area, provider identity) is incomplete',
          );
          break;
        }
        throw error;
      }
    }
    return results;
  }

  const job = dailyJob(
    async () => {
      for (const result of await runDue()) if (result.issued > 0) log.info(result, 'invoices issued');
    },
    (error) => log.error({ err: error }, 'the scheduled invoice run failed'),
  );

  return { runDue, start: job.start, stop: job.stop };
}

export type InvoiceSchedule = ReturnType<typeof createInvoiceSchedule>;
