// P1, P2, P4: payment terms and reminder pause per account, the provider's bank account and payment
// settings, an invoice's ledger with manual bookings and reversals by operators, and what a member needs to
// pay by bank transfer (IBAN, BIC, amount, reference and the GiroCode).
import { electronicFormatIBAN, friendlyFormatIBAN, isValidBIC, isValidIBAN } from 'ibantools';
import SEPA from 'sepa';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/kysely.ts';
import type { PaymentMethod } from '../../db/schema-payments.ts';
import { AppError } from '../../shared/app-error.ts';
import type { Clock } from '../../shared/clock.ts';
import type { AuditActor, AuditService } from '../audit/index.ts';
import { dayOf } from '../invoices/invoice-words.ts';
import { epcPayload, epcQrSvg } from './girocode.ts';
import type { Ledger } from './ledger.ts';
import { paymentErrors } from './payments.errors.ts';

export interface PaymentSettings {
  bankAccountHolder: string | null;
  iban: string | null;
  bic: string | null;
  creditorId: string | null;
  firstReminderDays: number;
  secondReminderDays: number;
  directDebitNoticeDays: number;
}

/** A 400 VALIDATION_FAILED naming the field and why. */
export const fieldError = (code: string, field: string) =>
  new AppError('VALIDATION_FAILED', { details: [{ field, code }] });

/** The invoice's page in the portal, as e-mails and the card checkout link to it. */
export const invoicePageUrl = (publicUrl: string | URL, invoiceId: string) =>
  new URL(`/account/invoices/${encodeURIComponent(invoiceId)}`, publicUrl).href;

/** An IBAN in electronic format, or a 400 naming the field: wrong checksum, length or country. */
export function checkedIban(value: string, field = 'iban'): string {
  const iban = electronicFormatIBAN(value) ?? '';
  if (!isValidIBAN(iban)) throw fieldError(paymentErrors.IBAN_INVALID, field);
  return iban;
}

export function checkedBic(value: string | null | undefined, field = 'bic'): string | null {
  const bic = value?.replace(/\s+/g, '').toUpperCase() || null;
  if (bic && !isValidBIC(bic)) throw fieldError(paymentErrors.BIC_INVALID, field);
  return bic;
}

const blank = (value: string | null | undefined) => value?.trim() || null;

export function createPaymentsService({
  db,
  clock,
  config,
  audit,
  ledger,
  afterReversal,
}: {
  db: Db;
  clock: Clock;
  config: Config;
  audit: AuditService;
  ledger: Ledger;
  /** What else a reversal changes, in its transaction (a bank statement entry waits again). */
  afterReversal?: (executor: Db, reversedPaymentId: string) => Promise<void>;
}) {
  const today = () => dayOf(clock.now(), config.defaultTimezone);

  async function settings(executor: Db = db): Promise<PaymentSettings> {
    const row = await executor
      .selectFrom('providerProfile')
      .selectAll()
      .where('id', '=', 1)
      .executeTakeFirstOrThrow();
    return {
      bankAccountHolder: row.bankAccountHolder,
      iban: row.bankIban,
      bic: row.bankBic,
      creditorId: row.sepaCreditorId,
      firstReminderDays: row.firstReminderDays,
      secondReminderDays: row.secondReminderDays,
      directDebitNoticeDays: row.directDebitNoticeDays,
    };
  }

  async function invoiceIn(invoiceId: string, accountId?: string) {
    let query = db.selectFrom('invoices').selectAll().where('id', '=', invoiceId);
    if (accountId) query = query.where('accountId', '=', accountId);
    const invoice = await query.executeTakeFirst();
    if (!invoice) throw new AppError('NOT_FOUND');
    return invoice;
  }

  async function ledgerOf(invoiceId: string) {
    const invoice = await invoiceIn(invoiceId);
    const balance = await ledger.balance(db, invoice, today());
    const entries = (await ledger.entries(db, invoice.id)).map((entry) => ({
      id: entry.id,
      amountCents: entry.amountCents,
      currency: entry.currency,
      method: entry.method,
      reference: entry.reference,
      bookedOn: entry.bookedOn,
      note: entry.note,
      reversesPaymentId: entry.reversesPaymentId,
      reversed: entry.reversed,
      createdAt: entry.createdAt,
    }));
    return {
      invoiceId: invoice.id,
      number: invoice.number,
      grossCents: invoice.grossCents,
      ...balance,
      entries,
    };
  }

  const reminderDays = (value: number, field: string) => {
    if (!Number.isInteger(value) || value < 1 || value > 90)
      throw fieldError(paymentErrors.REMINDER_DAYS_INVALID, field);
    return value;
  };

  return {
    today,
    settings: () => settings(),

    /** Replaces the payment settings as a whole; invoices issued from now on name the account. */
    async updateSettings(input: PaymentSettings, actor: AuditActor) {
      const iban = blank(input.iban) ? checkedIban(input.iban as string) : null;
      const bic = checkedBic(input.bic);
      const creditorId = blank(input.creditorId)?.replace(/\s+/g, '').toUpperCase() ?? null;
      if (creditorId && !SEPA.validateCreditorID(creditorId))
        throw fieldError(paymentErrors.CREDITOR_ID_INVALID, 'creditorId');
      const changes = {
        bankAccountHolder: blank(input.bankAccountHolder),
        bankIban: iban,
        bankBic: bic,
        sepaCreditorId: creditorId,
        firstReminderDays: reminderDays(input.firstReminderDays, 'firstReminderDays'),
        secondReminderDays: reminderDays(input.secondReminderDays, 'secondReminderDays'),
        directDebitNoticeDays: reminderDays(input.directDebitNoticeDays, 'directDebitNoticeDays'),
        updatedAt: clock.now().toISOString(),
      };
      return db.transaction().execute(async (transaction) => {
        await transaction.updateTable('providerProfile').set(changes).where('id', '=', 1).execute();
        await audit.record(transaction, {
          actor,
          accountId: null,
          action: 'provider.updated',
          details: { fields: ['payments'] },
        });
        return settings(transaction);
      });
    },

    async accountTerms(accountId: string) {
      const account = await db
        .selectFrom('accounts')
        .select(['paymentTermDays', 'remindersPaused'])
        .where('id', '=', accountId)
        .executeTakeFirst();
      if (!account) throw new AppError('NOT_FOUND');
      return { paymentTermDays: account.paymentTermDays, remindersPaused: account.remindersPaused === 1 };
    },

    /** P1, P5: the days until an invoice is due (for invoices issued from now on) and the reminder pause. */
    async updateAccountTerms(
      accountId: string,
      input: { paymentTermDays: number; remindersPaused: boolean },
      actor: AuditActor,
    ) {
      if (
        !Number.isInteger(input.paymentTermDays) ||
        input.paymentTermDays < 0 ||
        input.paymentTermDays > 120
      )
        throw fieldError(paymentErrors.PAYMENT_TERM_INVALID, 'paymentTermDays');
      return db.transaction().execute(async (transaction) => {
        const before = await transaction
          .selectFrom('accounts')
          .select(['paymentTermDays', 'remindersPaused'])
          .where('id', '=', accountId)
          .executeTakeFirst();
        if (!before) throw new AppError('NOT_FOUND');
        const remindersPaused = input.remindersPaused ? 1 : 0;
        await transaction
          .updateTable('accounts')
          .set({
            paymentTermDays: input.paymentTermDays,
            remindersPaused,
            updatedAt: clock.now().toISOString(),
          })
          .where('id', '=', accountId)
          .execute();
        await audit.record(transaction, {
          actor,
          accountId,
          action: 'account.payment_terms_changed',
          target: { type: 'account', id: accountId },
          details: {
            paymentTermDays: { from: before.paymentTermDays, to: input.paymentTermDays },
            remindersPaused: { from: before.remindersPaused === 1, to: input.remindersPaused },
          },
        });
        return { paymentTermDays: input.paymentTermDays, remindersPaused: input.remindersPaused };
      });
    },

    ledgerOf,

    /** An operator books a payment that came in another way (a cheque, cash, a transfer seen elsewhere). */
    async bookManual(
      invoiceId: string,
      input: {
        amountCents: number;
        currency: string;
        bookedOn: string;
        method: PaymentMethod;
        note: string | null;
      },
      actor: AuditActor,
    ) {
      await db
        .transaction()
        .execute((transaction) =>
          ledger.book(transaction, { invoiceId, ...input, note: blank(input.note), actor }),
        );
      return ledgerOf(invoiceId);
    },

    async reverse(paymentId: string, note: string | null, actor: AuditActor) {
      const counter = await db.transaction().execute(async (transaction) => {
        const reversal = await ledger.reverse(transaction, paymentId, actor, blank(note));
        await afterReversal?.(transaction, paymentId);
        return reversal;
      });
      return ledgerOf(counter.invoiceId);
    },

    /** P2: how a member pays the invoice by bank transfer: to the account printed on it, what is still open. */
    async transfer(invoiceId: string, accountId: string) {
      const invoice = await invoiceIn(invoiceId, accountId);
      if (invoice.kind !== 'invoice') throw new AppError(paymentErrors.PAYMENT_NOT_AN_INVOICE);
      const current = await settings();
      const iban = invoice.payeeIban ?? current.iban;
      if (!iban) throw new AppError(paymentErrors.PAYEE_NOT_CONFIGURED);
      const holder =
        (invoice.payeeIban ? invoice.payeeHolder : current.bankAccountHolder) ?? invoice.sellerName;
      const bic = invoice.payeeIban ? invoice.payeeBic : current.bic;
      const balance = await ledger.balance(db, invoice, today());
      const amountCents = Math.max(balance.openCents, 0);
      // P3: announced for collection by direct debit: the member must not transfer it as well.
      const directDebit =
        (await db
          .selectFrom('directDebitCollections as c')
          .innerJoin('sepaMandates as m', 'm.id', 'c.mandateId')
          .select(['c.collectionDate', 'c.amountCents', 'm.reference as mandateReference'])
          .where('c.invoiceId', '=', invoice.id)
          .executeTakeFirst()) ?? null;
      const payload =
        amountCents > 0 && !directDebit
          ? epcPayload({ name: holder, iban, bic, amountCents, remittance: invoice.number })
          : null;
      return {
        holder,
        iban: friendlyFormatIBAN(iban) ?? iban,
        bic,
        reference: invoice.number,
        amountCents,
        dueDate: invoice.dueDate,
        state: balance.state,
        epcPayload: payload,
        qrSvg: payload ? await epcQrSvg(payload) : null,
        directDebit,
      };
    },
  };
}

export type PaymentsService = ReturnType<typeof createPaymentsService>;
