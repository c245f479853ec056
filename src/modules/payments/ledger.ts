// P1, P4: the ledger of payments on invoices. Append-only: a wrong entry is reversed by a counter-entry with
// the negative amount, so what was booked, and when, stays visible. What an invoice still owes is its gross
// amount less its credit notes and its payments; every booking and reversal is audited in the account.
import { sql } from 'kysely';
import type { Db } from '../../db/kysely.ts';
import type { Invoice } from '../../db/schema.ts';
import type { Payment, PaymentMethod } from '../../db/schema-payments.ts';
import { AppError } from '../../shared/app-error.ts';
import type { Clock } from '../../shared/clock.ts';
import { isCalendarDay } from '../../shared/days.ts';
import { isUniqueViolation } from '../../shared/db-errors.ts';
import { newId } from '../../shared/tokens.ts';
import type { AuditActor, AuditService } from '../audit/index.ts';
import { paymentErrors } from './payments.errors.ts';

export const ledgerCurrency = 'EUR';

export interface Booking {
  invoiceId: string;
  amountCents: number;
  currency: string;
  method: PaymentMethod;
  /** What booked it (a statement entry, a collection, a provider event): a second booking of it is ignored. */
  sourceKey?: string | null;
  reference?: string | null;
  /** YYYY-MM-DD, the value date. */
  bookedOn: string;
  note?: string | null;
  actor: AuditActor;
}

export type PaymentState = 'open' | 'overdue' | 'paid' | 'credited';

export interface Balance {
  creditedCents: number;
  paidCents: number;
  /** Negative when more was paid than owed. */
  openCents: number;
  /** Null for a credit note: it is not paid. */
  state: PaymentState | null;
}

type Billed = Pick<Invoice, 'id' | 'kind' | 'grossCents' | 'dueDate'>;

export function balanceOf(invoice: Billed, creditedCents: number, paidCents: number, today: string): Balance {
  if (invoice.kind !== 'invoice') return { creditedCents: 0, paidCents: 0, openCents: 0, state: null };
  const openCents = invoice.grossCents - creditedCents - paidCents;
  const state: PaymentState =
    openCents > 0
      ? invoice.dueDate !== null && invoice.dueDate < today
        ? 'overdue'
        : 'open'
      : paidCents > 0 || creditedCents < invoice.grossCents
        ? 'paid'
        : 'credited';
  return { creditedCents, paidCents, openCents, state };
}

export function createLedger({ clock, audit }: { clock: Clock; audit: AuditService }) {
  /** Sums of credit notes and of payments per invoice, in one statement each. */
  async function sums(executor: Db, invoiceIds: string[]) {
    const credited = new Map<string, number>();
    const paid = new Map<string, number>();
    if (invoiceIds.length === 0) return { credited, paid };
    const notes = await executor
      .selectFrom('invoices')
      .select(['correctsInvoiceId', sql<number>`sum(gross_cents)`.as('cents')])
      .where('correctsInvoiceId', 'in', invoiceIds)
      .groupBy('correctsInvoiceId')
      .execute();
    for (const row of notes)
      if (row.correctsInvoiceId) credited.set(row.correctsInvoiceId, Number(row.cents));
    const payments = await executor
      .selectFrom('payments')
      .select(['invoiceId', sql<number>`sum(amount_cents)`.as('cents')])
      .where('invoiceId', 'in', invoiceIds)
      .groupBy('invoiceId')
      .execute();
    for (const row of payments) paid.set(row.invoiceId, Number(row.cents));
    return { credited, paid };
  }

  async function balances(executor: Db, invoices: Billed[], today: string): Promise<Map<string, Balance>> {
    const { credited, paid } = await sums(
      executor,
      invoices.filter((invoice) => invoice.kind === 'invoice').map((invoice) => invoice.id),
    );
    return new Map(
      invoices.map((invoice) => [
        invoice.id,
        balanceOf(invoice, credited.get(invoice.id) ?? 0, paid.get(invoice.id) ?? 0, today),
      ]),
    );
  }

  async function invoiceOf(executor: Db, invoiceId: string, accountId?: string) {
    let query = executor.selectFrom('invoices').selectAll().where('id', '=', invoiceId);
    if (accountId) query = query.where('accountId', '=', accountId);
    const invoice = await query.executeTakeFirst();
    if (!invoice) throw new AppError('NOT_FOUND');
    return invoice;
  }

  return {
    balances,

    async balance(executor: Db, invoice: Billed, today: string): Promise<Balance> {
      return (await balances(executor, [invoice], today)).get(invoice.id) as Balance;
    },

    /**
     * Books a payment on an invoice, in the caller's transaction. Null when its source was booked before
     * (the same statement entry, collection or provider event): nothing is booked twice.
     */
    async book(executor: Db, booking: Booking, accountId?: string): Promise<Payment | null> {
      const invoice = await invoiceOf(executor, booking.invoiceId, accountId);
      if (invoice.kind !== 'invoice') throw new AppError(paymentErrors.PAYMENT_NOT_AN_INVOICE);
      if (booking.currency !== ledgerCurrency)
        throw new AppError(paymentErrors.PAYMENT_CURRENCY_MISMATCH, {
          params: { currency: booking.currency, expected: ledgerCurrency },
        });
      if (!Number.isSafeInteger(booking.amountCents) || booking.amountCents <= 0)
        throw new AppError(paymentErrors.PAYMENT_AMOUNT_INVALID);
      if (!isCalendarDay(booking.bookedOn)) throw new AppError(paymentErrors.PAYMENT_DATE_INVALID);
      if (booking.sourceKey) {
        const known = await executor
          .selectFrom('payments')
          .select('id')
          .where('sourceKey', '=', booking.sourceKey)
          .executeTakeFirst();
        if (known) return null;
      }
      const payment: Payment = {
        id: newId(),
        accountId: invoice.accountId,
        invoiceId: invoice.id,
        amountCents: booking.amountCents,
        currency: booking.currency,
        method: booking.method,
        sourceKey: booking.sourceKey ?? null,
        reference: booking.reference ?? null,
        bookedOn: booking.bookedOn,
        reversesPaymentId: null,
        note: booking.note ?? null,
        createdAt: clock.now().toISOString(),
      };
      try {
        await executor.insertInto('payments').values(payment).execute();
      } catch (error) {
        // A second booking of the same source racing this one: the unique key keeps it single.
        if (booking.sourceKey && isUniqueViolation(error)) return null;
        throw error;
      }
      await audit.record(executor, {
        actor: booking.actor,
        accountId: invoice.accountId,
        action: 'payment.booked',
        target: { type: 'invoice', id: invoice.id, name: { name: invoice.number } },
        details: { amountCents: payment.amountCents, method: payment.method, bookedOn: payment.bookedOn },
      });
      return payment;
    },

    /** Reverses a payment by a counter-entry; the entry itself stays. */
    async reverse(executor: Db, paymentId: string, actor: AuditActor, note: string | null) {
      const payment = await executor
        .selectFrom('payments')
        .selectAll()
        .where('id', '=', paymentId)
        .executeTakeFirst();
      if (!payment) throw new AppError('NOT_FOUND');
      const reversed = await executor
        .selectFrom('payments')
        .select('id')
        .where('reversesPaymentId', '=', paymentId)
        .executeTakeFirst();
      if (payment.reversesPaymentId || reversed) throw new AppError(paymentErrors.PAYMENT_ALREADY_REVERSED);
      const counter: Payment = {
        ...payment,
        id: newId(),
        amountCents: -payment.amountCents,
        sourceKey: null,
        reversesPaymentId: payment.id,
        bookedOn: clock.now().toISOString().slice(0, 10),
        note,
        createdAt: clock.now().toISOString(),
      };
      try {
        await executor.insertInto('payments').values(counter).execute();
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError(paymentErrors.PAYMENT_ALREADY_REVERSED);
        throw error;
      }
      const invoice = await invoiceOf(executor, payment.invoiceId);
      await audit.record(executor, {
        actor,
        accountId: payment.accountId,
        action: 'payment.reversed',
        target: { type: 'invoice', id: invoice.id, name: { name: invoice.number } },
        details: { amountCents: payment.amountCents, method: payment.method, note },
      });
      return counter;
    },

    /** The entries of an invoice, oldest first, each with whether it has been reversed. */
    async entries(executor: Db, invoiceId: string) {
      const rows = await executor
        .selectFrom('payments')
        .selectAll()
        .where('invoiceId', '=', invoiceId)
        .orderBy('createdAt')
        .orderBy('id')
        .execute();
      // A counter-entry comes after the entry it reverses, even when both bear the same instant.
      rows.sort(
        (a, b) =>
          a.createdAt.localeCompare(b.createdAt) ||
          Number(!!a.reversesPaymentId) - Number(!!b.reversesPaymentId),
      );
      const reversed = new Set(rows.map((row) => row.reversesPaymentId).filter(Boolean));
      return rows.map((row) => ({ ...row, reversed: reversed.has(row.id) }));
    },
  };
}

export type Ledger = ReturnType<typeof createLedger>;
