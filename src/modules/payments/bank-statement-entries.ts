// P4: how imported credits read back: each entry's statement payments (and whether reversed), the invoices
// they went to with what those owe now, suggestions for the unmatched ones, and entries released again once
// all their payments were reversed.
import { sql } from 'kysely';
import type { Db } from '../../db/kysely.ts';
import type { BankStatementEntry } from '../../db/schema-payments.ts';
import { invoiceNumbersIn } from './camt.ts';
import { type Ledger, ledgerCurrency, type PaymentState } from './ledger.ts';

/**
 * A payment's source key names the entry, the attempt (1 for the import, then one per assignment after a
 * reversal) and the invoice's place in the transfer: the unique key keeps each booking single, while a
 * reversed entry can still be booked again under its next attempt.
 */
export const sourceKey = (entryId: string, attempt: number, index: number) =>
  `camt:${entryId}:${attempt}:${index}`;
const entryIdLength = 36; // newId() is a UUID

/** An invoice as an entry shows it: whose it is and what it still owes now. */
export interface Shown {
  id: string;
  number: string;
  accountId: string;
  accountName: string;
  openCents: number;
  state: PaymentState | null;
}

export function createEntryViews(ledger: Ledger, today: () => string) {
  /** The statement payments of the entries, each with whether it was reversed. */
  async function paymentsOf(executor: Db, entryIds: string[]) {
    if (entryIds.length === 0) return [];
    const rows = await executor
      .selectFrom('payments as p')
      .leftJoin('payments as r', 'r.reversesPaymentId', 'p.id')
      .select(['p.id', 'p.sourceKey', 'p.invoiceId', 'p.amountCents', 'r.id as reversalId'])
      .where('p.sourceKey', 'like', 'camt:%')
      .where(sql<string>`substr(p.source_key, 6, ${sql.lit(entryIdLength)})`, 'in', entryIds)
      .orderBy('p.createdAt')
      .orderBy('p.sourceKey')
      .execute();
    return rows.map((row) => {
      const [, entryId, attempt] = (row.sourceKey as string).split(':');
      return {
        id: row.id,
        entryId: entryId as string,
        attempt: Number(attempt),
        invoiceId: row.invoiceId,
        amountCents: row.amountCents,
        reversed: row.reversalId !== null,
      };
    });
  }

  /** After a payment was reversed: a statement entry none of whose payments stands is unmatched again. */
  async function release(executor: Db, reversedPaymentId: string) {
    const payment = await executor
      .selectFrom('payments')
      .select('sourceKey')
      .where('id', '=', reversedPaymentId)
      .executeTakeFirst();
    if (!payment?.sourceKey?.startsWith('camt:')) return;
    const entryId = payment.sourceKey.split(':')[1] as string;
    if ((await paymentsOf(executor, [entryId])).some((each) => !each.reversed)) return;
    await executor
      .updateTable('bankStatementEntries')
      .set({ state: 'unmatched' })
      .where('id', '=', entryId)
      .execute();
  }

  async function invoicesWithBalance(executor: Db, invoiceIds: string[]): Promise<Map<string, Shown>> {
    if (invoiceIds.length === 0) return new Map();
    const invoices = await executor
      .selectFrom('invoices')
      .innerJoin('accounts', 'accounts.id', 'invoices.accountId')
      .select([
        'invoices.id',
        'invoices.number',
        'invoices.kind',
        'invoices.accountId',
        'invoices.grossCents',
        'invoices.dueDate',
        'accounts.name as accountName',
      ])
      .where('invoices.id', 'in', invoiceIds)
      .execute();
    const balances = await ledger.balances(executor, invoices, today());
    return new Map(
      invoices.map((invoice) => {
        const balance = balances.get(invoice.id);
        return [
          invoice.id as string,
          {
            id: invoice.id,
            number: invoice.number,
            accountId: invoice.accountId,
            accountName: invoice.accountName,
            openCents: balance?.openCents ?? 0,
            state: balance?.state ?? null,
          },
        ];
      }),
    );
  }

  /** Open invoices whose open amount is the entry's: the invoices named in its remittance first. */
  async function suggestionsFor(executor: Db, entries: BankStatementEntry[]) {
    const open = entries.filter((entry) => entry.state === 'unmatched' && entry.currency === ledgerCurrency);
    const result = new Map<string, (Shown & { named: boolean })[]>();
    if (open.length === 0) return result;
    const smallest = Math.min(...open.map((entry) => entry.amountCents));
    const candidates = await executor
      .selectFrom('invoices')
      .select('id')
      .where('kind', '=', 'invoice')
      .where('grossCents', '>=', smallest)
      .orderBy('issueDate', 'desc')
      .limit(1000)
      .execute();
    const named = new Map<string, string[]>();
    for (const entry of open)
      named.set(entry.id, invoiceNumbersIn({ remittanceLines: [entry.remittance ?? ''], endToEndId: null }));
    const namedRows = await executor
      .selectFrom('invoices')
      .select(['id', 'number'])
      .where('kind', '=', 'invoice')
      .where('number', 'in', [...[...named.values()].flat(), ''])
      .execute();
    const shown = await invoicesWithBalance(executor, [
      ...new Set([...candidates.map((row) => row.id), ...namedRows.map((row) => row.id)]),
    ]);
    for (const entry of open) {
      const numbers = named.get(entry.id) ?? [];
      const byName = namedRows
        .filter((row) => numbers.includes(row.number))
        .map((row) => ({ ...(shown.get(row.id) as Shown), named: true }));
      const byAmount = [...shown.values()]
        .filter((invoice) => invoice.openCents === entry.amountCents && invoice.state !== null)
        .filter((invoice) => !byName.some((item) => item.id === invoice.id))
        .map((invoice) => ({ ...invoice, named: false }));
      result.set(entry.id, [...byName, ...byAmount].slice(0, 5));
    }
    return result;
  }

  /** The entries as the operator sees them: their payments with the invoices' state now, and suggestions. */
  async function view(executor: Db, entries: BankStatementEntry[]) {
    const payments = await paymentsOf(
      executor,
      entries.map((entry) => entry.id),
    );
    const invoices = await invoicesWithBalance(executor, [...new Set(payments.map((p) => p.invoiceId))]);
    const suggestions = await suggestionsFor(executor, entries);
    return entries.map((entry) => ({
      id: entry.id,
      statementId: entry.statementId,
      amountCents: entry.amountCents,
      currency: entry.currency,
      bookedOn: entry.bookedOn,
      debtorName: entry.debtorName,
      debtorIban: entry.debtorIban,
      remittance: entry.remittance,
      state: entry.state,
      payments: payments
        .filter((payment) => payment.entryId === entry.id)
        .map((payment) => ({
          id: payment.id,
          amountCents: payment.amountCents,
          reversed: payment.reversed,
          invoice: invoices.get(payment.invoiceId) as Shown,
        })),
      suggestions: suggestions.get(entry.id) ?? [],
    }));
  }

  return { paymentsOf, release, invoicesWithBalance, view };
}
