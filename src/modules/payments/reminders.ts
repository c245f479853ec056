// P5: payment reminders. An invoice still open after its due date plus the first reminder days gets a
// friendly reminder, one still open the second reminder days after that a firmer one; never a third. Each goes
// by the invoice category (primary address, subscribed members and contacts, each in their own language) and
// is logged on the invoice. Several servers may run this at once: the unique (invoice, level) row is claimed
// first, so a level is sent once; the balance and the account's pause are checked in that same transaction.
import type { FastifyBaseLogger } from 'fastify';
import { friendlyFormatIBAN } from 'ibantools';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/kysely.ts';
import type { Invoice } from '../../db/schema.ts';
import { AppError } from '../../shared/app-error.ts';
import type { Clock } from '../../shared/clock.ts';
import { dailyJob } from '../../shared/daily-job.ts';
import { isUniqueViolation } from '../../shared/db-errors.ts';
import { newId } from '../../shared/tokens.ts';
import { type AuditService, systemActor } from '../audit/index.ts';
import type { Notifications } from '../contacts/index.ts';
import { documentLanguage } from '../invoices/documents/format.ts';
import { addDays, dayOf } from '../invoices/invoice-words.ts';
import type { Ledger } from './ledger.ts';
import { invoicePageUrl, type PaymentSettings, type PaymentsService } from './payments.service.ts';

export type ReminderLevel = 1 | 2;

/** Thrown inside a reminder's transaction to roll its claim back: paid meanwhile, or paused. */
class NotDue extends Error {}

/** Candidates are read in batches, so a long list of overdue invoices stays within the databases' limits. */
const batchSize = 200;

export function createReminders({
  db,
  clock,
  config,
  notifications,
  audit,
  ledger,
  core,
}: {
  db: Db;
  clock: Clock;
  config: Config;
  notifications: Notifications;
  audit: AuditService;
  ledger: Ledger;
  core: Pick<PaymentsService, 'settings'>;
}) {
  const zone = config.defaultTimezone;

  /** Which level is due for the invoice today, given the levels already sent; null for none. */
  function dueLevel(
    invoice: Pick<Invoice, 'dueDate'>,
    sent: Map<number, string>,
    today: string,
    settings: PaymentSettings,
  ): ReminderLevel | null {
    if (!invoice.dueDate) return null;
    const first = sent.get(1);
    if (!first) return addDays(invoice.dueDate, settings.firstReminderDays) <= today ? 1 : null;
    if (sent.has(2)) return null;
    return addDays(dayOf(new Date(first), zone), settings.secondReminderDays) <= today ? 2 : null;
  }

  /** Claims, checks and sends one reminder in one transaction; false when it is not (or no longer) due. */
  async function send(invoice: Invoice, level: ReminderLevel, today: string, settings: PaymentSettings) {
    try {
      return await db.transaction().execute(async (transaction) => {
        const id = newId();
        // The claim comes first: a second run sending the same level waits here, then fails on the key.
        await transaction
          .insertInto('paymentReminders')
          .values({ id, invoiceId: invoice.id, level, openCents: 0, sentAt: clock.now().toISOString() })
          .execute();
        const account = await transaction
          .selectFrom('accounts')
          .select(['name', 'customerNumber', 'remindersPaused'])
          .where('id', '=', invoice.accountId)
          .executeTakeFirstOrThrow();
        if (account.remindersPaused === 1) throw new NotDue();
        const { openCents } = await ledger.balance(transaction, invoice, today);
        if (openCents <= 0) throw new NotDue();
        await transaction.updateTable('paymentReminders').set({ openCents }).where('id', '=', id).execute();
        const iban = invoice.payeeIban ?? settings.iban;
        const holder =
          (invoice.payeeIban ? invoice.payeeHolder : settings.bankAccountHolder) ?? invoice.sellerName;
        const bic = (invoice.payeeIban ? invoice.payeeBic : settings.bic) ?? '';
        await notifications.raise(transaction, {
          accountId: invoice.accountId,
          category: 'invoice',
          template: level === 1 ? 'paymentReminderFirst' : 'paymentReminderSecond',
          params: (locale) => {
            const words = documentLanguage(locale);
            return {
              companyName: account.name,
              customerNumber: account.customerNumber,
              number: invoice.number,
              issueDate: words.date(invoice.issueDate),
              dueDate: invoice.dueDate ? words.date(invoice.dueDate) : '',
              open: words.money(openCents),
              holder: iban ? holder : '',
              iban: iban ? (friendlyFormatIBAN(iban) ?? iban) : '',
              bic: iban ? bic : '',
              reference: invoice.number,
              invoiceUrl: invoicePageUrl(config.publicUrl, invoice.id),
            };
          },
        });
        // In the account's log too, so its admins see what was sent and when.
        await audit.record(transaction, {
          actor: systemActor,
          accountId: invoice.accountId,
          action: 'payment.reminder_sent',
          target: { type: 'invoice', id: invoice.id, name: { name: invoice.number } },
          details: { level, openCents },
        });
        return true;
      });
    } catch (error) {
      if (error instanceof NotDue || isUniqueViolation(error)) return false;
      throw error;
    }
  }

  /** Sends every reminder due today; returns how many were sent (each to all recipients of the category). */
  async function runReminders(): Promise<{ sent: number }> {
    const today = dayOf(clock.now(), zone);
    const settings = await core.settings();
    let sent = 0;
    let after = '';
    for (;;) {
      // Invoices past due + first days, of accounts not paused, without a second reminder yet.
      const invoices = await db
        .selectFrom('invoices')
        .innerJoin('accounts', 'accounts.id', 'invoices.accountId')
        .selectAll('invoices')
        .where('invoices.kind', '=', 'invoice')
        .where('invoices.dueDate', 'is not', null)
        .where('invoices.dueDate', '<=', addDays(today, -settings.firstReminderDays))
        .where('accounts.remindersPaused', '=', 0)
        .where('invoices.id', '>', after)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('paymentReminders')
                .select('paymentReminders.id')
                .whereRef('paymentReminders.invoiceId', '=', 'invoices.id')
                .where('paymentReminders.level', '=', 2),
            ),
          ),
        )
        // An announced direct debit is the payment: no reminder until it is as late as a due date would be.
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('directDebitCollections')
                .select('directDebitCollections.id')
                .whereRef('directDebitCollections.invoiceId', '=', 'invoices.id')
                .where(
                  'directDebitCollections.collectionDate',
                  '>',
                  addDays(today, -settings.firstReminderDays),
                ),
            ),
          ),
        )
        .orderBy('invoices.id')
        .limit(batchSize)
        .execute();
      if (invoices.length === 0) break;
      after = invoices.at(-1)?.id as string;
      const balances = await ledger.balances(db, invoices, today);
      const reminders = await db
        .selectFrom('paymentReminders')
        .select(['invoiceId', 'level', 'sentAt'])
        .where(
          'invoiceId',
          'in',
          invoices.map((invoice) => invoice.id),
        )
        .execute();
      for (const invoice of invoices) {
        if ((balances.get(invoice.id)?.openCents ?? 0) <= 0) continue;
        const sentLevels = new Map(
          reminders.filter((row) => row.invoiceId === invoice.id).map((row) => [row.level, row.sentAt]),
        );
        const level = dueLevel(invoice, sentLevels, today, settings);
        if (level && (await send(invoice, level, today, settings))) sent += 1;
      }
      if (invoices.length < batchSize) break;
    }
    return { sent };
  }

  /** The reminders sent for an invoice (of the account, when given), first level first. */
  async function logOf(invoiceId: string, accountId?: string) {
    let query = db.selectFrom('invoices').select('id').where('id', '=', invoiceId);
    if (accountId) query = query.where('accountId', '=', accountId);
    if (!(await query.executeTakeFirst())) throw new AppError('NOT_FOUND');
    const rows = await db
      .selectFrom('paymentReminders')
      .select(['level', 'sentAt', 'openCents'])
      .where('invoiceId', '=', invoiceId)
      .orderBy('level')
      .execute();
    return { items: rows.map((row) => ({ level: row.level, sentAt: row.sentAt, openCents: row.openCents })) };
  }

  return { runReminders, logOf };
}

export type Reminders = ReturnType<typeof createReminders>;

/** The daily run `kontor serve` starts; safe on several servers at once (see above). */
export function createReminderJob(reminders: Reminders, log?: FastifyBaseLogger) {
  return dailyJob(
    async () => {
      const { sent } = await reminders.runReminders();
      if (sent > 0) log?.info({ sent }, 'payment reminders sent');
    },
    (error) => {
      if (log) log.error({ err: error }, 'the payment reminder run failed');
      else console.error('the payment reminder run failed', error);
    },
  );
}
