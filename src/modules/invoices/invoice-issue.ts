// One account's invoice, written in the caller's transaction: the next number of the year's series, the
// account's usage given to the invoice, its lines, appendix and documents, the audit entry and the e-mail
// to the invoice category. Either all of it commits or none of it does.
import type { Config, Locale } from '../../config.ts';
import type { Db } from '../../db/kysely.ts';
import type { Clock } from '../../shared/clock.ts';
import { newId } from '../../shared/tokens.ts';
import type { AuditActor, AuditService } from '../audit/index.ts';
import type { Notifications } from '../contacts/index.ts';
import { type Bill, type BilledService, billOf } from './invoice-lines.ts';
import { type BillingAccount, type DocumentHeader, documentOf, invoiceRowOf } from './invoice-parties.ts';
import type { InvoiceRenderer, RenderedDocuments } from './invoice-renderer.ts';
import { money, monthName } from './invoice-words.ts';
import { createInvoicesRepository } from './invoices.repository.ts';

/** What the run read and rendered for an account before its transaction. */
export interface Planned {
  account: BillingAccount & { id: string; paymentTermDays: number };
  language: Locale;
  bill: Bill;
  /** The number the documents were rendered with. */
  predicted: number;
  rendered: Promise<RenderedDocuments> | null;
}

export interface IssueContext {
  month: string;
  year: number;
  headerOf: (plan: Planned, number: number) => DocumentHeader;
  services: Map<string, BilledService>;
  actor: AuditActor;
}

/** Thrown inside an invoice's transaction to roll it back (and give its number back). */
export class NothingToBill extends Error {}

/** Did the transaction bill exactly what was read before it (and rendered)? */
const sameBill = (a: Bill, b: Bill) =>
  a.events === b.events && JSON.stringify([a.lines, a.appendix]) === JSON.stringify([b.lines, b.appendix]);

export function createInvoiceIssue({
  clock,
  config,
  audit,
  notifications,
  renderer,
}: {
  clock: Clock;
  config: Config;
  audit: AuditService;
  notifications: Notifications;
  renderer: InvoiceRenderer;
}) {
  const repository = createInvoicesRepository();
  const invoicesUrl = new URL('/account/invoices', config.publicUrl).href;

  /** Writes the invoice and returns its number; NothingToBill when no usage is left to bill. */
  return async function issueInvoice(transaction: Db, plan: Planned, context: IssueContext): Promise<number> {
    const { account, language } = plan;
    // First the series row: from here on other issuers wait, so what follows sees their commits. If one of
    // them billed this account's month, the invoice's insert below fails and all of this rolls back.
    const number = await repository.nextNumber(transaction, 'invoice', context.year);
    const invoiceId = newId();
    const groups = await repository.markUsage(transaction, account.id, context.month, invoiceId);
    if (groups.length === 0) throw new NothingToBill();
    const bill = billOf(groups, context.month, context.services, language);
    const document = documentOf(context.headerOf(plan, number), bill);
    const asPlanned = number === plan.predicted && sameBill(bill, plan.bill);
    const rendered = await (asPlanned && plan.rendered ? plan.rendered : renderer.render(document));
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
      { invoiceId, pdf: rendered.pdf, xml: rendered.xml, createdAt: at },
    );
    await audit.record(transaction, {
      actor: context.actor,
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
  };
}
