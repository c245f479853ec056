// B1, B2: the invoice run. One invoice per account with usage not yet invoiced up to the month, written by
// invoice-issue.ts in a transaction that also takes the next number of the gapless yearly series. Two runs
// at once bill an account's month once (a unique index) and take numbers one after another (the series
// row stays locked until the transaction that took a number ends).
//
// Speed (bench I1): usage is read for a range of accounts in one statement; invoices are committed in
// batches, one transaction each (a commit, with SQLite's checkpoints, cost more than writing an invoice);
// a batch that meets another run's invoice rolls back whole and its accounts are issued one by one.
// Rendering must not happen while the series row is locked, so the run renders ahead in the renderer's
// threads: it predicts the numbers the coming invoices will get (the series' last number plus one, two,
// …). A transaction uses those documents only if the number it took and the usage it billed are the ones
// predicted, and renders again otherwise, so what is stored is always right.
import type { Config, Locale } from '../../config.ts';
import type { Db } from '../../db/kysely.ts';
import { AppError } from '../../shared/app-error.ts';
import { billingMonthState, isBillingMonth, nextBillingMonth } from '../../shared/billing-month.ts';
import type { Clock } from '../../shared/clock.ts';
import { isUniqueViolation } from '../../shared/db-errors.ts';
import { type AuditActor, type AuditService, systemActor } from '../audit/index.ts';
import type { Notifications } from '../contacts/index.ts';
import type { ProviderService } from '../provider/index.ts';
import type { InvoiceDocument } from './invoice-document.ts';
import { createInvoiceIssue, type IssueContext, NothingToBill, type Planned } from './invoice-issue.ts';
import { type BilledService, billOf, monthDays } from './invoice-lines.ts';
import {
  buyerOf,
  type CompleteSeller,
  type DocumentHeader,
  documentOf,
  missingSellerFields,
  sellerParty,
} from './invoice-parties.ts';
import type { InvoiceRenderer } from './invoice-renderer.ts';
import { addDays, dayOf } from './invoice-words.ts';
import { invoiceErrors } from './invoices.errors.ts';
import { createInvoicesRepository } from './invoices.repository.ts';

/** Accounts whose usage is read in one statement. */
const accountRange = 200;
/** Invoices committed in one transaction. */
const batchSize = 25;

export const invoiceNumber = (kind: InvoiceDocument['kind'], year: number, sequence: number) =>
  `${kind === 'credit_note' ? 'G-' : ''}${year}-${String(sequence).padStart(6, '0')}`;

export interface RunOptions {
  month: string;
  /** The scheduled run bills an account's month once it is closed in the account's time zone; a run
   * started by hand already during the grace period (later usage then goes on the next invoice). */
  scheduled?: boolean;
  actor?: AuditActor;
  onProgress?: (done: number, total: number) => void;
}

export interface RunResult {
  month: string;
  /** Accounts with usage to bill. */
  accounts: number;
  issued: number;
  firstNumber: string | null;
  lastNumber: string | null;
  /** Accounts left for a later run: the month has not ended (or, scheduled, not closed) in their zone. */
  notYetDue: number;
}

type Account = Awaited<ReturnType<ReturnType<typeof createInvoicesRepository>['accounts']>>[number];

export function createInvoiceRun({
  db,
  clock,
  config,
  audit,
  provider,
  notifications,
  renderer,
}: {
  db: Db;
  clock: Clock;
  config: Config;
  audit: AuditService;
  provider: ProviderService;
  notifications: Notifications;
  renderer: InvoiceRenderer;
}) {
  const repository = createInvoicesRepository();
  const issueInvoice = createInvoiceIssue({ clock, config, audit, notifications, renderer });

  async function completeSeller(): Promise<CompleteSeller> {
    const seller = await provider.seller();
    const missing = missingSellerFields(seller);
    if (missing.length > 0) {
      throw new AppError(invoiceErrors.INVOICE_SELLER_INCOMPLETE, {
        details: missing.map((field) => ({ field, code: invoiceErrors.INVOICE_SELLER_INCOMPLETE })),
      });
    }
    return sellerParty(seller);
  }

  function checkMonth(month: string, now: Date) {
    if (!isBillingMonth(month)) throw new AppError(invoiceErrors.INVOICE_MONTH_INVALID);
    if (billingMonthState(month, config.defaultTimezone, now) === 'open') {
      throw new AppError(invoiceErrors.INVOICE_MONTH_OPEN, {
        params: { month, date: `${nextBillingMonth(month)}-01` },
      });
    }
  }

  /** One transaction for the batch; if another run got to one of its accounts first, one per invoice. */
  async function issueBatch(batch: Planned[], context: IssueContext): Promise<(number | null)[]> {
    const refused = (error: unknown) => error instanceof NothingToBill || isUniqueViolation(error);
    try {
      return await db.transaction().execute(async (transaction) => {
        const numbers = [];
        for (const plan of batch) numbers.push(await issueInvoice(transaction, plan, context));
        return numbers;
      });
    } catch (error) {
      if (!refused(error)) throw error;
    }
    const numbers = [];
    for (const plan of batch) {
      numbers.push(
        await db
          .transaction()
          .execute((transaction) => issueInvoice(transaction, plan, context))
          .catch((error) => {
            if (refused(error)) return null;
            throw error;
          }),
      );
    }
    return numbers;
  }

  async function run(options: RunOptions): Promise<RunResult> {
    const { month } = options;
    const now = clock.now();
    checkMonth(month, now);
    const seller = await completeSeller();
    const bankAccount = await provider.payee();
    const issueDate = dayOf(now, config.defaultTimezone);
    const year = Number(issueDate.slice(0, 4));
    const services = new Map<string, BilledService>(
      (await repository.services(db)).map((service) => [service.id, service]),
    );
    const billed = await repository.accountsBilledFor(db, month);
    const candidates = (await repository.accountsWithUninvoicedUsage(db, month)).filter(
      (id) => !billed.has(id),
    );
    const due = (account: Account) => {
      const state = billingMonthState(month, account.timezone, now);
      return options.scheduled ? state === 'closed' : state !== 'open';
    };
    const accounts = (await repository.accounts(db, candidates)).sort((a, b) => (a.id < b.id ? -1 : 1));
    const dueAccounts = accounts.filter(due);
    const result: RunResult = {
      month,
      accounts: dueAccounts.length,
      issued: 0,
      firstNumber: null,
      lastNumber: null,
      notYetDue: accounts.length - dueAccounts.length,
    };
    const period = monthDays(month);
    const context: IssueContext = {
      month,
      year,
      services,
      actor: options.actor ?? systemActor,
      headerOf: (plan, number): DocumentHeader => ({
        kind: 'invoice',
        number: invoiceNumber('invoice', year, number),
        issueDate,
        servicePeriod: period,
        correctsNumber: null,
        language: plan.language,
        seller,
        buyer: buyerOf(plan.account, seller.country),
        dueDate: addDays(issueDate, plan.account.paymentTermDays),
        bankAccount,
      }),
    };
    /** Renders the plan's documents with the number it will get if nothing else takes one. */
    const predict = (plan: Planned, number: number) => {
      if (plan.predicted === number) return;
      plan.predicted = number;
      plan.rendered = renderer.render(documentOf(context.headerOf(plan, number), plan.bill));
      plan.rendered.catch(() => {}); // a prediction that turns out wrong is never awaited
    };

    let next = (await repository.lastNumber(db, 'invoice', year)) + 1;
    let done = 0;
    options.onProgress?.(0, dueAccounts.length);
    for (let start = 0; start < dueAccounts.length; start += accountRange) {
      const range = dueAccounts.slice(start, start + accountRange);
      const usage = await repository.usageGroupsOf(
        db,
        range.map((account) => account.id),
        month,
      );
      const plans: Planned[] = range.map((account) => {
        const language = (['de', 'en', 'hu'].includes(account.locale) ? account.locale : 'de') as Locale;
        const bill = billOf(usage.get(account.id) ?? [], month, services, language);
        return { account, language, bill, predicted: 0, rendered: null };
      });
      for (let first = 0; first < plans.length; first += batchSize) {
        // This batch and the next render while the one before commits.
        const ahead = 2 * batchSize;
        for (let offset = 0; offset < ahead && first + offset < plans.length; offset++)
          predict(plans[first + offset] as Planned, next + offset);
        const batch = plans.slice(first, first + batchSize);
        // Rendered before the series row is locked, not while.
        await Promise.all(batch.map((plan) => plan.rendered?.catch(() => null)));
        for (const issued of await issueBatch(batch, context)) {
          if (issued !== null) {
            next = issued + 1;
            result.issued += 1;
            result.firstNumber ??= invoiceNumber('invoice', year, issued);
            result.lastNumber = invoiceNumber('invoice', year, issued);
          }
        }
        done += batch.length;
        options.onProgress?.(done, dueAccounts.length);
      }
    }
    if (result.issued > 0 || (options.actor && options.actor.type !== 'system')) {
      await audit.record(db, {
        actor: options.actor ?? systemActor,
        accountId: null,
        action: 'invoice.run',
        details: { month, issued: result.issued, notYetDue: result.notYetDue },
      });
    }
    return result;
  }

  return { run, checkMonth, completeSeller };
}

export type InvoiceRun = ReturnType<typeof createInvoiceRun>;
