// B1, B2: the invoice run. One invoice per account with usage not yet invoiced up to the month; each in one
// transaction that takes the next number of the gapless yearly series, gives the usage to the invoice,
// writes its lines, appendix and documents, audits it and enqueues its e-mail. Two runs at once bill an
// account's month once (a unique index) and take numbers one after another (the series row is locked).
//
// Rendering is slow and must not happen while the series row is locked, so the run renders ahead: it
// reads the usage of a range of accounts, predicts the numbers the coming invoices will get (the series'
// last number plus one, two, …) and renders their documents in parallel. A transaction uses the rendered
// documents only if the number it took and the usage it billed are the ones predicted; otherwise (another
// run took numbers, usage arrived late) it renders again inside, so what is stored is always right.
import type { Config, Locale } from '../../config.ts';
import type { Db } from '../../db/kysely.ts';
import { AppError } from '../../shared/app-error.ts';
import { billingMonthState, isBillingMonth, nextBillingMonth } from '../../shared/billing-month.ts';
import type { Clock } from '../../shared/clock.ts';
import { isUniqueViolation } from '../../shared/db-errors.ts';
import { newId } from '../../shared/tokens.ts';
import type { AuditActor, AuditService } from '../audit/index.ts';
import type { Notifications } from '../contacts/index.ts';
import type { ProviderService } from '../provider/index.ts';
import type { InvoiceDocument } from './invoice-document.ts';
import { type Bill, type BilledService, billOf, monthDays } from './invoice-lines.ts';
import {
  buyerOf,
  type CompleteSeller,
  type DocumentHeader,
  documentOf,
  invoiceRowOf,
  missingSellerFields,
  sellerParty,
} from './invoice-parties.ts';
import type { InvoiceRenderer, RenderedDocuments } from './invoice-renderer.ts';
import { addDays, dayOf, money, monthName } from './invoice-words.ts';
import { invoiceErrors } from './invoices.errors.ts';
import { createInvoicesRepository } from './invoices.repository.ts';

export const paymentTermDays = 14;
/** Accounts whose usage is read in one statement. */
const accountRange = 200;

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

interface Planned {
  account: Account;
  language: Locale;
  bill: Bill;
  predicted: number;
  rendered: Promise<RenderedDocuments> | null;
}

const system: AuditActor = { type: 'system', id: null, ipAddress: null };

/** Thrown inside an invoice's transaction to roll it back (and give its number back). */
class NothingToBill extends Error {}

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
  renderer: InvoiceRenderer | null;
}) {
  const repository = createInvoicesRepository();
  const invoicesUrl = new URL('/account/invoices', config.publicUrl).href;

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

  async function run(options: RunOptions): Promise<RunResult> {
    const { month } = options;
    const now = clock.now();
    checkMonth(month, now);
    const seller = await completeSeller();
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
    const headerOf = (account: Account, language: Locale, number: number): DocumentHeader => ({
      kind: 'invoice' as const,
      number: invoiceNumber('invoice', year, number),
      issueDate,
      servicePeriod: period,
      correctsNumber: null,
      language,
      seller,
      buyer: buyerOf(account, seller.country),
      dueDate: addDays(issueDate, paymentTermDays),
    });
    const render = (plan: Planned, number: number) => {
      if (!renderer) return null;
      const rendering = renderer.render(documentOf(headerOf(plan.account, plan.language, number), plan.bill));
      rendering.catch(() => {}); // a prediction that turns out wrong is never awaited
      return rendering;
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
        return {
          account,
          language,
          bill: billOf(usage.get(account.id) ?? [], month, services, language),
          predicted: 0,
          rendered: null,
        };
      });
      const ahead = renderer?.concurrency ?? 0;
      for (const [index, plan] of plans.entries()) {
        // Keep the next renders going with the numbers they will get if nothing else takes one.
        for (let offset = 0; offset <= ahead && index + offset < plans.length; offset++) {
          const coming = plans[index + offset] as Planned;
          if (coming.predicted !== next + offset) {
            coming.predicted = next + offset;
            coming.rendered = render(coming, coming.predicted);
          }
        }
        await plan.rendered?.catch(() => null); // rendered before the series row is locked, not while
        const issued = await issue(plan, {
          month,
          year,
          issueDate,
          headerOf,
          services,
          actor: options.actor,
        });
        if (issued !== null) {
          next = issued + 1;
          result.issued += 1;
          result.firstNumber ??= invoiceNumber('invoice', year, issued);
          result.lastNumber = invoiceNumber('invoice', year, issued);
        }
        options.onProgress?.(++done, dueAccounts.length);
      }
    }
    if (result.issued > 0 || (options.actor && options.actor.type !== 'system')) {
      await audit.record(db, {
        actor: options.actor ?? system,
        accountId: null,
        action: 'invoice.run',
        details: { month, issued: result.issued, notYetDue: result.notYetDue },
      });
    }
    return result;
  }

  /** One account's invoice in one transaction; its number, or null when there was nothing (left) to bill. */
  async function issue(
    plan: Planned,
    context: {
      month: string;
      year: number;
      issueDate: string;
      headerOf: (account: Account, language: Locale, number: number) => DocumentHeader;
      services: Map<string, BilledService>;
      actor?: AuditActor;
    },
  ): Promise<number | null> {
    const { account, language } = plan;
    try {
      return await db.transaction().execute(async (transaction) => {
        // First the series row: from here on other issuers wait, so what follows sees their commits. If one
        // of them billed this account's month, the invoice's insert below fails and all of this rolls back.
        const number = await repository.nextNumber(transaction, 'invoice', context.year);
        const invoiceId = newId();
        const groups = await repository.markUsage(transaction, account.id, context.month, invoiceId);
        if (groups.length === 0) throw new NothingToBill();
        const bill = billOf(groups, context.month, context.services, language);
        const document = documentOf(context.headerOf(account, language, number), bill);
        const asPlanned = number === plan.predicted && sameBill(bill, plan.bill);
        const rendered = renderer
          ? await (asPlanned && plan.rendered ? plan.rendered : renderer.render(document))
          : null;
        const at = clock.now().toISOString();
        await repository.insertInvoice(
          transaction,
          invoiceRowOf(
            document,
            { id: invoiceId, accountId: account.id, billingMonth: context.month, correctsInvoiceId: null },
            at,
            null,
          ),
          bill.lines.map((line) => ({
            id: newId(),
            invoiceId,
            position: line.position,
            serviceId: line.serviceId,
            serviceCode: line.serviceCode,
            description: line.description,
            unit: line.unit,
            quantity: line.quantity,
            unitNetCents: line.unitNetCents,
            netCents: line.netCents,
            vatRateBp: line.vatRateBp,
            periodFrom: line.period?.from ?? null,
            periodTo: line.period?.to ?? null,
            correctsLineId: null,
          })),
          bill.appendix.map((entry) => ({ invoiceId, ...entry })),
          rendered && { invoiceId, pdf: rendered.pdf, xml: rendered.xml, createdAt: at },
        );
        await audit.record(transaction, {
          actor: context.actor ?? system,
          accountId: account.id,
          action: 'invoice.issued',
          target: { type: 'invoice', id: invoiceId, name: { name: document.number } },
          details: { number: document.number, month: context.month, grossCents: document.grossCents },
        });
        await notifications.raise(transaction, {
          accountId: account.id,
          category: 'invoice',
          template: 'invoiceIssued',
          params: (locale) => ({
            companyName: account.name,
            customerNumber: account.customerNumber,
            number: document.number,
            period: monthName(context.month, locale),
            gross: money(document.grossCents, locale),
            invoicesUrl,
          }),
        });
        return number;
      });
    } catch (error) {
      // Nothing left, or another run billed the month first (its unique index refused this one).
      if (error instanceof NothingToBill || isUniqueViolation(error)) return null;
      throw error;
    }
  }

  return { run, checkMonth, completeSeller };
}

/** Did the transaction bill exactly what was read before it (and rendered)? */
const sameBill = (a: Bill, b: Bill) =>
  a.events === b.events && JSON.stringify([a.lines, a.appendix]) === JSON.stringify([b.lines, b.appendix]);

export type InvoiceRun = ReturnType<typeof createInvoiceRun>;
