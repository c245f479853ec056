import type { Insertable } from 'kysely';
import type { Db } from '../../db/kysely.ts';
import type {
  InvoiceAppendixTable,
  InvoiceDocumentsTable,
  InvoiceKind,
  InvoiceLinesTable,
  InvoicesTable,
} from '../../db/schema.ts';
import type { UsageGroup } from './invoice-lines.ts';

const groupColumns = [
  'serviceId',
  'unitNetCents',
  'vatRateBp',
  'billingMonth',
  'userNumber',
  'userName',
] as const;

/** SQLite takes 32,766 parameters per statement, PostgreSQL 65,535: rows go in slices well below both. */
const slice = 500;

const asGroup = (row: {
  serviceId: string;
  unitNetCents: number;
  vatRateBp: number;
  billingMonth: string;
  userNumber: string;
  userName: string;
  quantity: number | string | bigint;
  events: number | string | bigint;
}): UsageGroup => ({ ...row, quantity: Number(row.quantity), events: Number(row.events) });

export function createInvoicesRepository() {
  /** Uninvoiced usage up to `month`, in the accounts given, summed per account and UsageGroup key. */
  const uninvoiced = (executor: Db, month: string) =>
    executor.selectFrom('usageEvents').where('invoiceId', 'is', null).where('billingMonth', '<=', month);

  return {
    services: (executor: Db) =>
      executor.selectFrom('services').select(['id', 'code', 'unit', 'nameDe', 'nameEn', 'nameHu']).execute(),

    /** Accounts with usage not yet invoiced up to `month`, read from the partial index of such rows. */
    accountsWithUninvoicedUsage: async (executor: Db, month: string) =>
      (await uninvoiced(executor, month).select('accountId').distinct().execute()).map(
        (row) => row.accountId,
      ),

    accountsBilledFor: async (executor: Db, month: string) =>
      new Set(
        (
          await executor
            .selectFrom('invoices')
            .select('accountId')
            .where('kind', '=', 'invoice')
            .where('billingMonth', '=', month)
            .execute()
        ).map((row) => row.accountId),
      ),

    accounts: async (executor: Db, ids: readonly string[]) => {
      const rows = [];
      for (let start = 0; start < ids.length; start += slice) {
        rows.push(
          ...(await executor
            .selectFrom('accounts')
            .select([
              'id',
              'name',
              'customerNumber',
              'locale',
              'timezone',
              'paymentTermDays',
              'billingStreet',
              'billingPostalCode',
              'billingCity',
              'billingCountry',
              'vatId',
            ])
            .where('id', 'in', ids.slice(start, start + slice))
            .execute()),
        );
      }
      return rows;
    },

    account: (executor: Db, id: string) =>
      executor
        .selectFrom('accounts')
        .select(['id', 'name', 'customerNumber', 'locale', 'timezone'])
        .where('id', '=', id)
        .executeTakeFirst(),

    /** Usage groups per account for a slice of accounts (the run reads accounts in ranges, not one by one). */
    async usageGroupsOf(executor: Db, accountIds: readonly string[], month: string) {
      const rows = await uninvoiced(executor, month)
        .where('accountId', 'in', accountIds)
        .select(['accountId', ...groupColumns])
        .select((eb) => [eb.fn.sum<number>('quantity').as('quantity'), eb.fn.countAll<number>().as('events')])
        .groupBy(['accountId', ...groupColumns])
        .execute();
      const byAccount = new Map<string, UsageGroup[]>();
      for (const { accountId, ...row } of rows) {
        const groups = byAccount.get(accountId) ?? [];
        if (groups.length === 0) byAccount.set(accountId, groups);
        groups.push(asGroup(row));
      }
      return byAccount;
    },

    /**
     * Gives the account's uninvoiced usage up to `month` to the invoice and returns what it took, summed as
     * the run sums it: exactly the events this statement gave, whatever arrived or was billed meanwhile.
     */
    async markUsage(executor: Db, accountId: string, month: string, invoiceId: string) {
      const rows = await executor
        .updateTable('usageEvents')
        .set({ invoiceId })
        .where('accountId', '=', accountId)
        .where('invoiceId', 'is', null)
        .where('billingMonth', '<=', month)
        .returning([...groupColumns, 'quantity'])
        .execute();
      const groups = new Map<string, UsageGroup>();
      for (const row of rows) {
        const key = groupColumns.map((column) => row[column]).join('|');
        const group = groups.get(key);
        if (group) {
          group.quantity += row.quantity;
          group.events += 1;
        } else groups.set(key, { ...row, events: 1 });
      }
      return [...groups.values()];
    },

    /** The account's usage not yet invoiced up to `month`, for the preview. */
    async pendingUsageGroups(executor: Db, accountId: string, month: string) {
      const rows = await uninvoiced(executor, month)
        .where('accountId', '=', accountId)
        .select(groupColumns)
        .select((eb) => [eb.fn.sum<number>('quantity').as('quantity'), eb.fn.countAll<number>().as('events')])
        .groupBy([...groupColumns])
        .execute();
      return rows.map(asGroup);
    },

    lastNumber: async (executor: Db, kind: InvoiceKind, year: number) =>
      (
        await executor
          .selectFrom('invoiceNumberSeries')
          .select('lastNumber')
          .where('kind', '=', kind)
          .where('year', '=', year)
          .executeTakeFirst()
      )?.lastNumber ?? 0,

    /**
     * The next number of the series, counted in the caller's transaction. On PostgreSQL the upsert keeps the
     * series row locked until that transaction ends (SQLite runs one writing transaction at a time), so a
     * concurrent issuer waits, and a rolled-back one gives its number back: no gap, no duplicate.
     */
    nextNumber: async (executor: Db, kind: InvoiceKind, year: number) =>
      (
        await executor
          .insertInto('invoiceNumberSeries')
          .values({ kind, year, lastNumber: 1 })
          .onConflict((conflict) =>
            conflict
              .columns(['kind', 'year'])
              .doUpdateSet((eb) => ({ lastNumber: eb('invoiceNumberSeries.lastNumber', '+', 1) })),
          )
          .returning('lastNumber')
          .executeTakeFirstOrThrow()
      ).lastNumber,

    async insertInvoice(
      executor: Db,
      invoice: InvoicesTable,
      lines: InvoiceLinesTable[],
      appendix: InvoiceAppendixTable[],
      documents: Insertable<InvoiceDocumentsTable>,
    ) {
      await executor.insertInto('invoices').values(invoice).execute();
      for (let start = 0; start < lines.length; start += slice)
        await executor
          .insertInto('invoiceLines')
          .values(lines.slice(start, start + slice))
          .execute();
      for (let start = 0; start < appendix.length; start += slice)
        await executor
          .insertInto('invoiceAppendix')
          .values(appendix.slice(start, start + slice))
          .execute();
      await executor.insertInto('invoiceDocuments').values(documents).execute();
    },

    list: (executor: Db, accountId: string) =>
      executor
        .selectFrom('invoices')
        .leftJoin('invoices as corrected', 'corrected.id', 'invoices.correctsInvoiceId')
        .leftJoin('invoiceDocuments', 'invoiceDocuments.invoiceId', 'invoices.id')
        .selectAll('invoices')
        .select(['corrected.number as correctsNumber', 'invoiceDocuments.createdAt as documentsAt'])
        .where('invoices.accountId', '=', accountId)
        .orderBy('invoices.createdAt', 'desc')
        .orderBy('invoices.number', 'desc')
        .execute(),

    /** An invoice, in the given account when one is named (members), in any account otherwise (operators). */
    find: (executor: Db, id: string, accountId?: string) => {
      let query = executor
        .selectFrom('invoices')
        .leftJoin('invoices as corrected', 'corrected.id', 'invoices.correctsInvoiceId')
        .leftJoin('invoiceDocuments', 'invoiceDocuments.invoiceId', 'invoices.id')
        .selectAll('invoices')
        .select(['corrected.number as correctsNumber', 'invoiceDocuments.createdAt as documentsAt'])
        .where('invoices.id', '=', id);
      if (accountId !== undefined) query = query.where('invoices.accountId', '=', accountId);
      return query.executeTakeFirst();
    },

    lines: (executor: Db, invoiceId: string) =>
      executor
        .selectFrom('invoiceLines')
        .selectAll()
        .where('invoiceId', '=', invoiceId)
        .orderBy('position')
        .execute(),

    appendix: (executor: Db, invoiceId: string) =>
      executor
        .selectFrom('invoiceAppendix')
        .selectAll()
        .where('invoiceId', '=', invoiceId)
        .orderBy('position')
        .execute(),

    documents: (executor: Db, invoiceId: string) =>
      executor
        .selectFrom('invoiceDocuments')
        .selectAll()
        .where('invoiceId', '=', invoiceId)
        .executeTakeFirst(),

    /** Every usage event an invoice billed, oldest first, for its CSV. */
    usageOfInvoice: (executor: Db, invoiceId: string, accountId: string) =>
      executor
        .selectFrom('usageEvents')
        .innerJoin('services', 'services.id', 'usageEvents.serviceId')
        .select([
          'usageEvents.occurredAt',
          'usageEvents.billingMonth',
          'usageEvents.userNumber',
          'usageEvents.userName',
          'services.code as serviceCode',
          'services.nameDe',
          'services.nameEn',
          'services.nameHu',
          'usageEvents.reference',
          'usageEvents.quantity',
          'usageEvents.unitNetCents',
          'usageEvents.vatRateBp',
        ])
        .where('usageEvents.accountId', '=', accountId)
        .where('usageEvents.invoiceId', '=', invoiceId)
        .orderBy('usageEvents.occurredAt')
        .orderBy('usageEvents.id')
        .execute(),

    /** The credit notes of an invoice, with their lines (what is already credited). */
    creditNotesOf: (executor: Db, invoiceId: string) =>
      executor
        .selectFrom('invoices')
        .select(['id', 'number', 'netCents', 'vatCents', 'grossCents', 'vatBreakdown'])
        .where('correctsInvoiceId', '=', invoiceId)
        .orderBy('number')
        .execute(),

    creditedLines: (executor: Db, invoiceId: string) =>
      executor
        .selectFrom('invoiceLines')
        .innerJoin('invoices', 'invoices.id', 'invoiceLines.invoiceId')
        .select([
          'invoiceLines.correctsLineId',
          'invoiceLines.quantity',
          'invoiceLines.netCents',
          'invoiceLines.vatRateBp',
        ])
        .where('invoices.correctsInvoiceId', '=', invoiceId)
        .execute(),

    /** Per billed month: how many invoices, their sums and when the last was issued. */
    billedMonths: (executor: Db) =>
      executor
        .selectFrom('invoices')
        .select((eb) => [
          'billingMonth',
          eb.fn.countAll<number>().as('invoices'),
          eb.fn.sum<number>('netCents').as('netCents'),
          eb.fn.sum<number>('grossCents').as('grossCents'),
          eb.fn.max('finalizedAt').as('lastIssuedAt'),
        ])
        .where('kind', '=', 'invoice')
        .groupBy('billingMonth')
        .execute(),

    /** Per month: how many accounts have usage not yet invoiced. */
    waitingMonths: (executor: Db) =>
      executor
        .selectFrom('usageEvents')
        .select((eb) => ['billingMonth', eb.fn.count<number>('accountId').distinct().as('accounts')])
        .where('invoiceId', 'is', null)
        .groupBy('billingMonth')
        .execute(),
  };
}

export type InvoicesRepository = ReturnType<typeof createInvoicesRepository>;
