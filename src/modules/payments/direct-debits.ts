// P3: collecting open invoices by SEPA direct debit. Operators see what is due (open invoices of accounts
// with an active mandate that no collection covers yet) and export it for a collection date at least the
// notice days ahead: one pain.008.001.02 file (built with the `sepa` package), one payment information block
// per scheme and sequence (FRST for a mandate's first collection, RCUR after), each collection announced to
// the account by e-mail (pre-notification, invoice category) in the same transaction. An invoice is
// collected once; the payment itself is booked when the bank statement shows the credit (its end-to-end id
// is the invoice number).
import { randomBytes } from 'node:crypto';
import { friendlyFormatIBAN } from 'ibantools';
import SEPA from 'sepa';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/kysely.ts';
import type { DirectDebitCollection, MandateScheme } from '../../db/schema-payments.ts';
import { AppError } from '../../shared/app-error.ts';
import type { Clock } from '../../shared/clock.ts';
import { isCalendarDay } from '../../shared/days.ts';
import { isUniqueViolation } from '../../shared/db-errors.ts';
import { newId } from '../../shared/tokens.ts';
import type { AuditActor, AuditService } from '../audit/index.ts';
import type { Notifications } from '../contacts/index.ts';
import { documentLanguage } from '../invoices/documents/format.ts';
import { addDays, dayOf } from '../invoices/invoice-words.ts';
import type { Ledger } from './ledger.ts';
import { fieldError, invoicePageUrl, type PaymentsService } from './payments.service.ts';
import { sepaErrors } from './sepa.errors.ts';
import { requireCreditor } from './sepa-mandates.ts';

/** The `sepa` package writes dates with the local getters: a local midnight is the day itself. */
const localDay = (day: string) => {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, date);
};

export function createDirectDebits({
  db,
  clock,
  config,
  audit,
  notifications,
  ledger,
  core,
}: {
  db: Db;
  clock: Clock;
  config: Config;
  audit: AuditService;
  notifications: Notifications;
  ledger: Ledger;
  core: PaymentsService;
}) {
  const today = () => dayOf(clock.now(), config.defaultTimezone);

  /** Open invoices of accounts with an active mandate that no collection covers, oldest first. */
  async function due(executor: Db) {
    const rows = await executor
      .selectFrom('invoices')
      .innerJoin('accounts', 'accounts.id', 'invoices.accountId')
      .innerJoin('sepaMandates as m', (join) =>
        join.onRef('m.accountId', '=', 'invoices.accountId').on('m.revokedAt', 'is', null),
      )
      .leftJoin('directDebitCollections as c', 'c.invoiceId', 'invoices.id')
      .where('c.id', 'is', null)
      .where('invoices.kind', '=', 'invoice')
      .select([
        'invoices.id',
        'invoices.number',
        'invoices.kind',
        'invoices.accountId',
        'invoices.grossCents',
        'invoices.dueDate',
        'invoices.issueDate',
        'accounts.name as accountName',
        'accounts.customerNumber',
        'm.id as mandateId',
        'm.reference as mandateReference',
        'm.scheme',
        'm.accountHolder',
        'm.iban',
        'm.bic',
        'm.signedOn',
        'm.lastCollectedOn',
      ])
      .orderBy('invoices.issueDate')
      .orderBy('invoices.number')
      .limit(1000)
      .execute();
    const balances = await ledger.balances(executor, rows, today());
    return rows.flatMap((row) => {
      const openCents = balances.get(row.id)?.openCents ?? 0;
      return openCents > 0 ? [{ ...row, openCents }] : [];
    });
  }

  /** FRST for a mandate's first collection, RCUR after. */
  const sequenceOf = (mandate: { lastCollectedOn: string | null }) =>
    mandate.lastCollectedOn ? ('RCUR' as const) : ('FRST' as const);

  return {
    /** What an export would collect now, the earliest collection date, and the last collections. */
    async overview() {
      const days = (await core.settings()).directDebitNoticeDays;
      const open = await due(db);
      const recent = await db
        .selectFrom('directDebitCollections as c')
        .innerJoin('invoices', 'invoices.id', 'c.invoiceId')
        .innerJoin('accounts', 'accounts.id', 'c.accountId')
        .innerJoin('sepaMandates as m', 'm.id', 'c.mandateId')
        .select([
          'c.id',
          'c.amountCents',
          'c.collectionDate',
          'c.sequenceType',
          'c.exportMessageId',
          'invoices.number',
          'accounts.name as accountName',
          'm.reference as mandateReference',
        ])
        .orderBy('c.createdAt', 'desc')
        .limit(200)
        .execute();
      return {
        earliestCollectionDate: addDays(today(), days),
        due: open.map((row) => ({
          invoiceId: row.id,
          number: row.number,
          accountId: row.accountId,
          accountName: row.accountName,
          openCents: row.openCents,
          mandateReference: row.mandateReference,
          scheme: row.scheme,
          sequenceType: sequenceOf(row),
        })),
        collections: recent,
      };
    },

    /** Creates the collections of everything due, announces each, and answers the pain.008 file. */
    async export(collectionDate: string, actor: AuditActor) {
      if (!isCalendarDay(collectionDate))
        throw fieldError(sepaErrors.COLLECTION_DATE_INVALID, 'collectionDate');
      const settings = await core.settings();
      if (collectionDate < addDays(today(), settings.directDebitNoticeDays))
        throw fieldError(sepaErrors.COLLECTION_DATE_TOO_EARLY, 'collectionDate');
      const creditor = requireCreditor(settings);
      const now = clock.now();
      // At most 35 characters, unique per file: the day and a random part.
      const messageId = `KNT-DD-${now.toISOString().slice(0, 10).replaceAll('-', '')}-${randomBytes(6).toString('hex')}`;
      try {
        return await db.transaction().execute(async (transaction) => {
          const open = await due(transaction);
          if (open.length === 0) throw new AppError(sepaErrors.NO_DIRECT_DEBITS_DUE);
          const document = new SEPA.Document('pain.008.001.02');
          document.grpHdr.id = messageId;
          document.grpHdr.created = now;
          document.grpHdr.initiatorName = creditor.name.slice(0, 70);
          const blocks = new Map<string, ReturnType<typeof document.createPaymentInfo>>();
          const collections: DirectDebitCollection[] = [];
          for (const row of open) {
            const sequenceType = sequenceOf(row);
            const key = `${row.scheme}/${sequenceType}`;
            let block = blocks.get(key);
            if (!block) {
              block = document.createPaymentInfo();
              block.collectionDate = localDay(collectionDate);
              block.creditorIBAN = creditor.iban;
              block.creditorBIC = creditor.bic ?? '';
              block.creditorName = creditor.name.slice(0, 70);
              block.creditorId = creditor.creditorId;
              block.localInstrumentation = row.scheme as MandateScheme;
              block.sequenceType = sequenceType;
              block.batchBooking = true;
              document.addPaymentInfo(block);
              blocks.set(key, block);
            }
            const transfer = block.createTransaction();
            transfer.debtorName = row.accountHolder;
            transfer.debtorIBAN = row.iban;
            transfer.debtorBIC = row.bic ?? '';
            transfer.mandateId = row.mandateReference;
            transfer.mandateSignatureDate = localDay(row.signedOn);
            transfer.amount = row.openCents / 100;
            transfer.end2endId = row.number;
            transfer.remittanceInfo = `${row.number} ${row.customerNumber}`;
            block.addTransaction(transfer);

            const collection: DirectDebitCollection = {
              id: newId(),
              invoiceId: row.id,
              accountId: row.accountId,
              mandateId: row.mandateId,
              amountCents: row.openCents,
              currency: 'EUR',
              collectionDate,
              sequenceType,
              announcedAt: now.toISOString(),
              exportedAt: now.toISOString(),
              exportMessageId: messageId,
              createdAt: now.toISOString(),
            };
            await transaction.insertInto('directDebitCollections').values(collection).execute();
            await transaction
              .updateTable('sepaMandates')
              .set({ lastCollectedOn: collectionDate })
              .where('id', '=', row.mandateId)
              .execute();
            collections.push(collection);
            await notifications.raise(transaction, {
              accountId: row.accountId,
              category: 'invoice',
              template: 'directDebitNotice',
              params: (locale) => {
                const words = documentLanguage(locale);
                return {
                  companyName: row.accountName,
                  customerNumber: row.customerNumber,
                  number: row.number,
                  amount: words.money(row.openCents),
                  collectionDate: words.date(collectionDate),
                  iban: `${(friendlyFormatIBAN(row.iban) ?? row.iban).slice(0, 4)} … ${row.iban.slice(-4)}`,
                  accountHolder: row.accountHolder,
                  mandateReference: row.mandateReference,
                  creditorId: creditor.creditorId,
                  creditorName: creditor.name,
                  invoiceUrl: invoicePageUrl(config.publicUrl, row.id),
                };
              },
            });
            await audit.record(transaction, {
              actor,
              accountId: row.accountId,
              action: 'direct_debit.announced',
              target: { type: 'invoice', id: row.id, name: { name: row.number } },
              details: {
                amountCents: row.openCents,
                collectionDate,
                mandate: row.mandateReference,
                sequenceType,
              },
            });
          }
          const totalCents = collections.reduce((sum, collection) => sum + collection.amountCents, 0);
          return {
            messageId,
            collectionDate,
            count: collections.length,
            totalCents,
            fileName: `${messageId}.xml`,
            xml: document.toString(),
          };
        });
      } catch (error) {
        // Two exports at the same moment: the unique invoice of a collection lets only one through.
        if (isUniqueViolation(error)) throw new AppError(sepaErrors.NO_DIRECT_DEBITS_DUE);
        throw error;
      }
    },
  };
}

export type DirectDebits = ReturnType<typeof createDirectDebits>;
