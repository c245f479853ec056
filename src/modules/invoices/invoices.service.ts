// B3: what members with "view invoices" see of their account's invoices and credit notes (list, detail,
// the stored documents, the usage behind an invoice, the running month's preview), and the operators'
// view of the runs. Reads only: invoices are written by the run (invoice-run.ts) and credit notes
// (credit-notes.ts), and never changed afterwards.
import type { Config, Locale } from '../../config.ts';
import type { Db } from '../../db/kysely.ts';
import type { Invoice, InvoiceAppendixRow, InvoiceLine } from '../../db/schema.ts';
import { AppError } from '../../shared/app-error.ts';
import { billingMonthOf, billingMonthState } from '../../shared/billing-month.ts';
import type { Clock } from '../../shared/clock.ts';
import type { Balance, Ledger } from '../payments/index.ts';
import type { InvoiceVatBreakdown } from './invoice-document.ts';
import { type BilledService, billOf, monthDays } from './invoice-lines.ts';
import { partiesOfIssued } from './invoice-parties.ts';
import { formatUsageCsv } from './invoice-usage-csv.ts';
import { dayOf } from './invoice-words.ts';
import { invoiceErrors } from './invoices.errors.ts';
import { createInvoicesRepository } from './invoices.repository.ts';

type StoredInvoice = Invoice & { correctsNumber: string | null; documentsAt: string | null };

const unpaid: Balance = { creditedCents: 0, paidCents: 0, openCents: 0, state: null };

export const summaryOf = (invoice: StoredInvoice, balance: Balance = unpaid) => ({
  id: invoice.id,
  kind: invoice.kind,
  number: invoice.number,
  issueDate: invoice.issueDate,
  billingMonth: invoice.billingMonth,
  periodFrom: invoice.periodFrom,
  periodTo: invoice.periodTo,
  netCents: invoice.netCents,
  vatCents: invoice.vatCents,
  grossCents: invoice.grossCents,
  correctsNumber: invoice.correctsNumber,
  hasDocuments: invoice.documentsAt !== null,
  dueDate: invoice.dueDate,
  paidCents: balance.paidCents,
  creditedCents: balance.creditedCents,
  openCents: balance.openCents,
  paymentState: balance.state,
});

const lineOf = (line: InvoiceLine) => ({
  id: line.id,
  position: line.position,
  serviceCode: line.serviceCode,
  description: line.description,
  unit: line.unit,
  quantity: line.quantity,
  unitNetCents: line.unitNetCents,
  netCents: line.netCents,
  vatRateBp: line.vatRateBp,
  periodFrom: line.periodFrom,
  periodTo: line.periodTo,
});

const appendixOf = (entry: InvoiceAppendixRow) => ({
  userNumber: entry.userNumber,
  userName: entry.userName,
  serviceCode: entry.serviceCode,
  description: entry.description,
  quantity: entry.quantity,
  netCents: entry.netCents,
});

export function createInvoicesService({
  db,
  clock,
  config,
  ledger,
}: {
  db: Db;
  clock: Clock;
  config: Config;
  ledger: Ledger;
}) {
  const repository = createInvoicesRepository();
  const today = () => dayOf(clock.now(), config.defaultTimezone);

  async function existing(invoiceId: string, accountId?: string) {
    const invoice = await repository.find(db, invoiceId, accountId);
    if (!invoice) throw new AppError('NOT_FOUND');
    return invoice;
  }

  /** Per line of an invoice, how much of its quantity credit notes have not yet taken back. */
  async function creditable(invoice: StoredInvoice, lines: InvoiceLine[]) {
    if (invoice.kind !== 'invoice') return new Map<string, number>();
    const credited = new Map<string, number>();
    for (const line of await repository.creditedLines(db, invoice.id)) {
      if (line.correctsLineId)
        credited.set(line.correctsLineId, (credited.get(line.correctsLineId) ?? 0) + line.quantity);
    }
    return new Map(lines.map((line) => [line.id, line.quantity - (credited.get(line.id) ?? 0)]));
  }

  async function detail(invoice: StoredInvoice) {
    const lines = await repository.lines(db, invoice.id);
    const left = await creditable(invoice, lines);
    return {
      ...summaryOf(invoice, await ledger.balance(db, invoice, today())),
      language: invoice.language,
      reason: invoice.reason,
      ...partiesOfIssued(invoice),
      lines: lines.map((line) => ({ ...lineOf(line), creditableQuantity: left.get(line.id) ?? 0 })),
      vatBreakdown: JSON.parse(invoice.vatBreakdown) as InvoiceVatBreakdown[],
      appendix: (await repository.appendix(db, invoice.id)).map(appendixOf),
      creditNotes: (await repository.creditNotesOf(db, invoice.id)).map((note) => ({
        id: note.id,
        number: note.number,
        grossCents: note.grossCents,
      })),
    };
  }

  async function documents(invoiceId: string, accountId?: string) {
    const invoice = await existing(invoiceId, accountId);
    const stored = await repository.documents(db, invoice.id);
    if (!stored) throw new AppError(invoiceErrors.INVOICE_DOCUMENT_MISSING);
    return { number: invoice.number, pdf: Buffer.from(stored.pdf), xml: stored.xml };
  }

  return {
    async list(accountId: string) {
      const invoices = await repository.list(db, accountId);
      const balances = await ledger.balances(db, invoices, today());
      return { items: invoices.map((invoice) => summaryOf(invoice, balances.get(invoice.id))) };
    },

    /** Members see their own account's invoice; operators (no account given) any. */
    get: async (invoiceId: string, accountId?: string) => detail(await existing(invoiceId, accountId)),

    documents,

    /** One row per request the invoice billed, in the reader's language and the account's time zone. */
    async usageCsv(invoiceId: string, accountId: string, locale: Locale) {
      const invoice = await existing(invoiceId, accountId);
      const account = await repository.account(db, accountId);
      const rows = await repository.usageOfInvoice(db, invoice.id, accountId);
      return {
        number: invoice.number,
        csv: formatUsageCsv(rows, locale, account?.timezone ?? config.defaultTimezone),
      };
    },

    /**
     * What the next invoice would say if the running month (in the account's zone) ended now: its usage so
     * far, and usage of earlier months not yet invoiced on dated lines of their own. Computed, not stored.
     */
    async preview(accountId: string, locale: Locale) {
      const account = await repository.account(db, accountId);
      if (!account) throw new AppError('NOT_FOUND');
      const month = billingMonthOf(clock.now().toISOString(), account.timezone);
      const services = new Map<string, BilledService>(
        (await repository.services(db)).map((service) => [service.id, service]),
      );
      const bill = billOf(await repository.pendingUsageGroups(db, accountId, month), month, services, locale);
      const { from, to } = monthDays(month);
      return {
        month,
        periodFrom: from,
        periodTo: to,
        events: bill.events,
        lines: bill.lines.map(({ serviceId: _, period, ...line }) => ({
          ...line,
          periodFrom: period?.from ?? null,
          periodTo: period?.to ?? null,
        })),
        vatBreakdown: bill.vatBreakdown,
        netCents: bill.netCents,
        vatCents: bill.vatCents,
        grossCents: bill.grossCents,
        appendix: bill.appendix.map(({ serviceId: _, position: __, ...entry }) => entry),
      };
    },

    /** Operators: per month, what is billed and how many accounts still have usage to bill. */
    async runs() {
      const now = clock.now();
      const months = new Map<
        string,
        {
          invoices: number;
          netCents: number;
          grossCents: number;
          lastIssuedAt: string | null;
          waitingAccounts: number;
        }
      >();
      const entry = (month: string) => {
        let value = months.get(month);
        if (!value) {
          value = { invoices: 0, netCents: 0, grossCents: 0, lastIssuedAt: null, waitingAccounts: 0 };
          months.set(month, value);
        }
        return value;
      };
      for (const row of await repository.billedMonths(db)) {
        Object.assign(entry(row.billingMonth), {
          invoices: Number(row.invoices),
          netCents: Number(row.netCents),
          grossCents: Number(row.grossCents),
          lastIssuedAt: row.lastIssuedAt,
        });
      }
      for (const row of await repository.waitingMonths(db))
        entry(row.billingMonth).waitingAccounts = Number(row.accounts);
      return {
        timeZone: config.defaultTimezone,
        items: [...months]
          .sort(([a], [b]) => (a < b ? 1 : -1))
          .map(([month, value]) => ({
            month,
            state: billingMonthState(month, config.defaultTimezone, now),
            ...value,
          })),
      };
    },
  };
}

export type InvoicesService = ReturnType<typeof createInvoicesService>;
