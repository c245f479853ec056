// B2: an operator corrects an invoice with a credit note (the whole invoice, or chosen lines and
// quantities), with a reason. The invoice stays as issued; the credit note has its own gapless series
// ("G-2026-000001") and never takes back more than is left of the invoice: the credit note series row is
// locked first, so two operators crediting the same invoice at once are counted one after the other.
import type { Config, Locale } from '../../config.ts';
import type { Db } from '../../db/kysely.ts';
import type { InvoiceLine } from '../../db/schema.ts';
import { AppError } from '../../shared/app-error.ts';
import type { Clock } from '../../shared/clock.ts';
import { newId } from '../../shared/tokens.ts';
import type { AuditActor, AuditService } from '../audit/index.ts';
import type { Notifications } from '../contacts/index.ts';
import type { InvoiceDocument, InvoiceVatBreakdown } from './invoice-document.ts';
import { vatOf } from './invoice-lines.ts';
import { invoiceRowOf, partiesOfIssued } from './invoice-parties.ts';
import type { InvoiceRenderer } from './invoice-renderer.ts';
import { invoiceNumber } from './invoice-run.ts';
import { dayOf, money } from './invoice-words.ts';
import { invoiceErrors } from './invoices.errors.ts';
import { createInvoicesRepository } from './invoices.repository.ts';

export interface CreditNoteRequest {
  invoiceId: string;
  reason: string;
  /** The lines to credit and how much of each; every line's remainder when absent. */
  lines?: { lineId: string; quantity?: number }[];
}

const exceeds = (field?: string) =>
  new AppError(invoiceErrors.CREDIT_NOTE_EXCEEDS_INVOICE, {
    ...(field && { details: [{ field, code: invoiceErrors.CREDIT_NOTE_EXCEEDS_INVOICE }] }),
  });

export function createCreditNotes({
  db,
  clock,
  config,
  audit,
  notifications,
  renderer,
}: {
  db: Db;
  clock: Clock;
  config: Config;
  audit: AuditService;
  notifications: Notifications;
  renderer: InvoiceRenderer;
}) {
  const repository = createInvoicesRepository();
  const invoicesUrl = new URL('/account/invoices', config.publicUrl).href;

  /** What is credited of each line, chosen against what earlier credit notes left of it. */
  function chosenLines(lines: InvoiceLine[], credited: Map<string, number>, request: CreditNoteRequest) {
    const left = (line: InvoiceLine) => line.quantity - (credited.get(line.id) ?? 0);
    if (!request.lines) {
      const all = lines.filter((line) => left(line) > 0).map((line) => ({ line, quantity: left(line) }));
      if (all.length === 0) throw exceeds();
      return all;
    }
    const seen = new Set<string>();
    return request.lines.map((choice, index) => {
      const line = lines.find((candidate) => candidate.id === choice.lineId);
      if (!line) throw new AppError('NOT_FOUND');
      if (seen.has(line.id)) throw exceeds(`lines.${index}.lineId`); // a line named twice
      seen.add(line.id);
      const quantity = choice.quantity ?? left(line);
      if (quantity < 1 || quantity > left(line)) throw exceeds(`lines.${index}.quantity`);
      return { line, quantity };
    });
  }

  /** VAT per rate, never more than the invoice's VAT of that rate that earlier credit notes left. */
  function vatBreakdownOf(
    credit: { netCents: number; vatRateBp: number }[],
    invoiceVat: InvoiceVatBreakdown[],
    creditedVat: InvoiceVatBreakdown[],
  ): InvoiceVatBreakdown[] {
    const net = new Map<number, number>();
    for (const line of credit) net.set(line.vatRateBp, (net.get(line.vatRateBp) ?? 0) + line.netCents);
    return [...net]
      .sort(([a], [b]) => b - a)
      .map(([vatRateBp, netCents]) => {
        const original = invoiceVat.find((rate) => rate.vatRateBp === vatRateBp);
        const before = creditedVat.filter((rate) => rate.vatRateBp === vatRateBp);
        const netLeft = (original?.netCents ?? 0) - before.reduce((sum, rate) => sum + rate.netCents, 0);
        const vatLeft = (original?.vatCents ?? 0) - before.reduce((sum, rate) => sum + rate.vatCents, 0);
        // The last credit of a rate takes exactly what is left, so rounding never adds up past the invoice.
        const vatCents = netCents === netLeft ? vatLeft : Math.min(vatOf(netCents, vatRateBp), vatLeft);
        return { vatRateBp, netCents, vatCents };
      });
  }

  return {
    async issue(actor: AuditActor, request: CreditNoteRequest) {
      const now = clock.now();
      const issueDate = dayOf(now, config.defaultTimezone);
      const year = Number(issueDate.slice(0, 4));
      return db.transaction().execute(async (transaction) => {
        const sequence = await repository.nextNumber(transaction, 'credit_note', year);
        const invoice = await repository.find(transaction, request.invoiceId);
        if (!invoice) throw new AppError('NOT_FOUND');
        if (invoice.kind !== 'invoice') throw new AppError(invoiceErrors.CREDIT_NOTE_OF_CREDIT_NOTE);
        const lines = await repository.lines(transaction, invoice.id);
        const credited = new Map<string, number>();
        for (const line of await repository.creditedLines(transaction, invoice.id)) {
          if (line.correctsLineId)
            credited.set(line.correctsLineId, (credited.get(line.correctsLineId) ?? 0) + line.quantity);
        }
        const creditLines = chosenLines(lines, credited, request).map(({ line, quantity }, index) => ({
          position: index + 1,
          serviceCode: line.serviceCode,
          description: line.description,
          quantity,
          unit: line.unit,
          unitNetCents: line.unitNetCents,
          netCents: quantity * line.unitNetCents,
          vatRateBp: line.vatRateBp,
          period: line.periodFrom && line.periodTo ? { from: line.periodFrom, to: line.periodTo } : null,
          line,
        }));
        const earlier = await repository.creditNotesOf(transaction, invoice.id);
        const vatBreakdown = vatBreakdownOf(
          creditLines,
          JSON.parse(invoice.vatBreakdown),
          earlier.flatMap((note) => JSON.parse(note.vatBreakdown) as InvoiceVatBreakdown[]),
        );
        const netCents = vatBreakdown.reduce((sum, rate) => sum + rate.netCents, 0);
        const vatCents = vatBreakdown.reduce((sum, rate) => sum + rate.vatCents, 0);
        const document: InvoiceDocument = {
          kind: 'credit_note',
          number: invoiceNumber('credit_note', year, sequence),
          issueDate,
          servicePeriod: { from: invoice.periodFrom, to: invoice.periodTo },
          correctsNumber: invoice.number,
          currency: 'EUR',
          language: invoice.language,
          // The parties as the corrected invoice names them.
          ...partiesOfIssued(invoice),
          lines: creditLines.map(({ line: _, ...line }) => line),
          vatBreakdown,
          netCents,
          vatCents,
          grossCents: netCents + vatCents,
          dueDate: null,
          appendix: [],
        };
        // Credit notes are rare and hand-made: rendered here, while their series row waits.
        const rendered = await renderer.render(document);
        const id = newId();
        const at = now.toISOString();
        await repository.insertInvoice(
          transaction,
          invoiceRowOf(
            document,
            {
              id,
              accountId: invoice.accountId,
              billingMonth: invoice.billingMonth,
              correctsInvoiceId: invoice.id,
            },
            at,
            request.reason.trim(),
          ),
          creditLines.map(({ line, period, ...credit }) => ({
            id: newId(),
            invoiceId: id,
            position: credit.position,
            serviceId: line.serviceId,
            serviceCode: credit.serviceCode,
            description: credit.description,
            unit: credit.unit,
            quantity: credit.quantity,
            unitNetCents: credit.unitNetCents,
            netCents: credit.netCents,
            vatRateBp: credit.vatRateBp,
            periodFrom: period?.from ?? null,
            periodTo: period?.to ?? null,
            correctsLineId: line.id,
          })),
          [],
          { invoiceId: id, pdf: rendered.pdf, xml: rendered.xml, createdAt: at },
        );
        await audit.record(transaction, {
          actor,
          accountId: invoice.accountId,
          action: 'invoice.credit_note_issued',
          target: { type: 'invoice', id, name: { name: document.number } },
          details: {
            number: document.number,
            correctsNumber: invoice.number,
            reason: request.reason.trim(),
            grossCents: document.grossCents,
          },
        });
        await notifications.raise(transaction, {
          accountId: invoice.accountId,
          category: 'invoice',
          template: 'creditNoteIssued',
          params: (locale: Locale) => ({
            companyName: invoice.buyerName,
            customerNumber: invoice.buyerCustomerNumber,
            number: document.number,
            correctsNumber: invoice.number,
            gross: money(document.grossCents, locale),
            reason: request.reason.trim(),
            invoicesUrl,
          }),
        });
        return id;
      });
    },
  };
}

export type CreditNotes = ReturnType<typeof createCreditNotes>;
