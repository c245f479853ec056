// P4: incoming payments. An operator imports a camt.053 bank statement; each credit is matched to the
// invoices its remittance names and booked on them in one transaction per file; what cannot be matched safely
// waits in a list for one-click assignment. Nothing is booked twice: the file by its SHA-256, an entry by the
// bank's reference (or a digest), a payment by its source key. A wrong payment is reversed in the ledger;
// once all payments of an entry are reversed the entry is unmatched again and can be assigned anew.
import { createHash } from 'node:crypto';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/kysely.ts';
import type { BankStatementEntry, StatementEntryState } from '../../db/schema-payments.ts';
import { AppError } from '../../shared/app-error.ts';
import type { Clock } from '../../shared/clock.ts';
import { isUniqueViolation } from '../../shared/db-errors.ts';
import { newId } from '../../shared/tokens.ts';
import type { AuditActor } from '../audit/index.ts';
import { dayOf } from '../invoices/invoice-words.ts';
import { bankStatementErrors } from './bank-statement.errors.ts';
import { createEntryViews, type Shown, sourceKey } from './bank-statement-entries.ts';
import { type CamtEntry, invoiceNumbersIn, parseCamt053, remittanceOf } from './camt.ts';
import { type Ledger, ledgerCurrency } from './ledger.ts';

/** The largest statement file accepted (a month of a busy account is well below). */
export const bankStatementMaxBytes = 5_000_000;

export type UnmatchedReason =
  | 'currency'
  | 'no_invoice_number'
  | 'unknown_invoice'
  | 'accounts_differ'
  | 'mandate_of_other_account';

export function createBankStatements({
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
  const today = () => dayOf(clock.now(), config.defaultTimezone);
  const { paymentsOf, release, invoicesWithBalance, view } = createEntryViews(ledger, today);

  /** Which invoices a credit pays, and how much each; or why it is left for the operator. */
  async function plan(
    executor: Db,
    entry: CamtEntry,
  ): Promise<{ shares: { invoiceId: string; amountCents: number }[] } | { reason: UnmatchedReason }> {
    if (entry.currency !== ledgerCurrency) return { reason: 'currency' };
    const numbers = invoiceNumbersIn(entry);
    if (numbers.length === 0) return { reason: 'no_invoice_number' };
    const rows = await executor
      .selectFrom('invoices')
      .select(['id', 'number', 'accountId'])
      .where('kind', '=', 'invoice')
      .where('number', 'in', numbers)
      .execute();
    if (rows.length !== numbers.length) return { reason: 'unknown_invoice' };
    const accountIds = new Set(rows.map((row) => row.accountId));
    if (accountIds.size > 1) return { reason: 'accounts_differ' };
    if (entry.debtorIban) {
      // The payer is known to pay for another account: a human decides rather than crossing accounts.
      const foreign = await executor
        .selectFrom('sepaMandates')
        .select('id')
        .where('iban', '=', entry.debtorIban)
        .where('revokedAt', 'is', null)
        .where('accountId', 'not in', [...accountIds])
        .executeTakeFirst();
      if (foreign) return { reason: 'mandate_of_other_account' };
    }
    const shown = await invoicesWithBalance(
      executor,
      rows.map((row) => row.id),
    );
    const ordered = numbers.map(
      (number) => rows.find((row) => row.number === number) as (typeof rows)[number],
    );
    // In the order named, each up to what it still owes; whatever is left goes on the last one.
    let rest = entry.amountCents;
    const shares: { invoiceId: string; amountCents: number }[] = [];
    for (const [index, invoice] of ordered.entries()) {
      const owed = Math.max((shown.get(invoice.id) as Shown).openCents, 0);
      const share = index === ordered.length - 1 ? rest : Math.min(rest, owed);
      if (share > 0) shares.push({ invoiceId: invoice.id, amountCents: share });
      rest -= share;
    }
    return { shares };
  }

  async function importFile(bytes: Buffer, actor: AuditActor) {
    const statement = parseCamt053(bytes.toString('utf8').replace(/^\uFEFF/, ''));
    const fileSha256 = createHash('sha256').update(bytes).digest('hex');
    try {
      return await db.transaction().execute(async (transaction) => {
        const known = await transaction
          .selectFrom('bankStatements')
          .select('id')
          .where('fileSha256', '=', fileSha256)
          .executeTakeFirst();
        if (known) throw new AppError(bankStatementErrors.BANK_STATEMENT_ALREADY_IMPORTED);
        const statementId = newId();
        const now = clock.now().toISOString();
        await transaction
          .insertInto('bankStatements')
          .values({
            id: statementId,
            fileSha256,
            messageId: statement.messageId,
            statementId: statement.statementIds.join(', ').slice(0, 200),
            accountIban: statement.accountIban,
            importedAt: now,
          })
          .execute();
        const counts = {
          entries: 0,
          matched: 0,
          unmatched: 0,
          duplicates: 0,
          skippedDebits: 0,
          skippedOther: 0,
        };
        let bookedCents = 0;
        const kept: BankStatementEntry[] = [];
        const reasons = new Map<string, UnmatchedReason>();
        for (const entry of statement.entries) {
          if (!entry.credit) {
            counts.skippedDebits += 1;
            continue;
          }
          // Pending or informational entries are not money on the account yet; a zero amount pays nothing.
          if (entry.status !== 'BOOK' || entry.amountCents === 0) {
            counts.skippedOther += 1;
            continue;
          }
          const seen = await transaction
            .selectFrom('bankStatementEntries')
            .select('id')
            .where('entryKey', '=', entry.entryKey)
            .executeTakeFirst();
          if (seen) {
            counts.duplicates += 1;
            continue;
          }
          const decision = await plan(transaction, entry);
          const row: BankStatementEntry = {
            id: newId(),
            statementId,
            entryKey: entry.entryKey,
            amountCents: entry.amountCents,
            currency: entry.currency,
            bookedOn: entry.valueDate,
            debtorName: entry.debtorName?.slice(0, 140) ?? null,
            debtorIban: entry.debtorIban?.slice(0, 34) ?? null,
            remittance: remittanceOf(entry),
            state: 'shares' in decision ? 'matched' : 'unmatched',
            createdAt: now,
          };
          await transaction.insertInto('bankStatementEntries').values(row).execute();
          counts.entries += 1;
          kept.push(row);
          if ('reason' in decision) {
            counts.unmatched += 1;
            reasons.set(row.id, decision.reason);
            continue;
          }
          counts.matched += 1;
          for (const [index, share] of decision.shares.entries()) {
            const payment = await ledger.book(transaction, {
              invoiceId: share.invoiceId,
              amountCents: share.amountCents,
              currency: entry.currency,
              method: 'bank_transfer',
              sourceKey: sourceKey(row.id, 1, index),
              reference: row.remittance?.slice(0, 140) ?? null,
              bookedOn: entry.valueDate,
              note: null,
              actor,
            });
            if (payment) bookedCents += payment.amountCents;
          }
        }
        const items = (await view(transaction, kept)).map((item) => ({
          ...item,
          reason: reasons.get(item.id) ?? null,
        }));
        return {
          statementId,
          messageId: statement.messageId,
          version: statement.version,
          ...counts,
          bookedCents,
          items,
        };
      });
    } catch (error) {
      // The same file imported at the same moment: the unique keys keep it single.
      if (isUniqueViolation(error)) throw new AppError(bankStatementErrors.BANK_STATEMENT_ALREADY_IMPORTED);
      throw error;
    }
  }

  return {
    /** Imports a camt.053 file (its bytes, base64-encoded). */
    importStatement: (data: string, actor: AuditActor) => importFile(Buffer.from(data, 'base64'), actor),

    /** Called in the transaction of every reversal (payments.service): its entry may wait again. */
    afterReversal: release,

    async entries(filter: { state?: StatementEntryState; statementId?: string }) {
      let query = db.selectFrom('bankStatementEntries').selectAll();
      if (filter.state) query = query.where('state', '=', filter.state);
      if (filter.statementId) query = query.where('statementId', '=', filter.statementId);
      const rows = await query.orderBy('bookedOn', 'desc').orderBy('createdAt', 'desc').limit(200).execute();
      return { items: await view(db, rows) };
    },

    /** Books an unmatched entry in full on the invoice the operator chose. */
    async assign(
      entryId: string,
      invoice: { invoiceId: string } | { invoiceNumber: string },
      actor: AuditActor,
    ) {
      return db.transaction().execute(async (transaction) => {
        const invoiceId =
          'invoiceId' in invoice
            ? invoice.invoiceId
            : (
                await transaction
                  .selectFrom('invoices')
                  .select('id')
                  .where('number', '=', invoice.invoiceNumber.trim())
                  .executeTakeFirst()
              )?.id;
        if (!invoiceId) throw new AppError(bankStatementErrors.INVOICE_NUMBER_UNKNOWN);
        const entry = await transaction
          .selectFrom('bankStatementEntries')
          .selectAll()
          .where('id', '=', entryId)
          .executeTakeFirst();
        if (!entry) throw new AppError('NOT_FOUND');
        if (entry.state !== 'unmatched')
          throw new AppError(bankStatementErrors.BANK_STATEMENT_ENTRY_NOT_UNMATCHED);
        const attempt = Math.max(0, ...(await paymentsOf(transaction, [entry.id])).map((p) => p.attempt)) + 1;
        const payment = await ledger.book(transaction, {
          invoiceId,
          amountCents: entry.amountCents,
          currency: entry.currency,
          method: 'bank_transfer',
          sourceKey: sourceKey(entry.id, attempt, 0),
          reference: entry.remittance?.slice(0, 140) ?? null,
          bookedOn: entry.bookedOn,
          note: null,
          actor,
        });
        // Null: an assignment of the same entry at the same moment came first.
        if (!payment) throw new AppError(bankStatementErrors.BANK_STATEMENT_ENTRY_NOT_UNMATCHED);
        await transaction
          .updateTable('bankStatementEntries')
          .set({ state: 'assigned' })
          .where('id', '=', entry.id)
          .execute();
        const [shown] = await view(transaction, [{ ...entry, state: 'assigned' }]);
        return shown as NonNullable<typeof shown>;
      });
    },
  };
}

export type BankStatements = ReturnType<typeof createBankStatements>;
