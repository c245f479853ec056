import type { Db } from '../../db/kysely.ts';

export interface UsageFilter {
  accountId: string;
  userId?: string;
  serviceId?: string;
  /** Inclusive ISO instant. */
  from?: string;
  /** Exclusive ISO instant. */
  to?: string;
}

/** B3: an account's usage events, over usage_events_account_time. */
export function createUsageRepository() {
  const filtered = (executor: Db, filter: UsageFilter) => {
    let query = executor.selectFrom('usageEvents').where('usageEvents.accountId', '=', filter.accountId);
    if (filter.userId) query = query.where('usageEvents.userId', '=', filter.userId);
    if (filter.serviceId) query = query.where('usageEvents.serviceId', '=', filter.serviceId);
    if (filter.from) query = query.where('usageEvents.occurredAt', '>=', filter.from);
    if (filter.to) query = query.where('usageEvents.occurredAt', '<', filter.to);
    return query;
  };

  return {
    /** One page, newest first. */
    page: (executor: Db, filter: UsageFilter, limit: number, offset: number) =>
      filtered(executor, filter)
        .innerJoin('services', 'services.id', 'usageEvents.serviceId')
        .select([
          'usageEvents.id',
          'usageEvents.occurredAt',
          'usageEvents.userId',
          'usageEvents.userNumber',
          'usageEvents.userName',
          'usageEvents.quantity',
          'usageEvents.unitNetCents',
          'usageEvents.vatRateBp',
          'usageEvents.reference',
          'usageEvents.source',
          'usageEvents.billingMonth',
          'usageEvents.invoiceId',
          'services.id as serviceId',
          'services.code',
          'services.nameDe',
          'services.nameEn',
          'services.nameHu',
          'services.unit',
        ])
        .orderBy('usageEvents.occurredAt', 'desc')
        .orderBy('usageEvents.id', 'desc')
        .limit(limit)
        .offset(offset)
        .execute(),

    /** How many events the filter matches, and their quantity and net sums (PostgreSQL sums as text). */
    totals: async (executor: Db, filter: UsageFilter) => {
      const row = await filtered(executor, filter)
        .select((eb) => [
          eb.fn.countAll().as('count'),
          eb.fn.sum('usageEvents.quantity').as('quantity'),
          eb.fn.sum(eb('usageEvents.quantity', '*', eb.ref('usageEvents.unitNetCents'))).as('netCents'),
        ])
        .executeTakeFirstOrThrow();
      return {
        count: Number(row.count),
        quantity: Number(row.quantity ?? 0),
        netCents: Number(row.netCents ?? 0),
      };
    },

    timeZoneOf: async (executor: Db, accountId: string) =>
      (
        await executor
          .selectFrom('accounts')
          .select('timezone')
          .where('id', '=', accountId)
          .executeTakeFirst()
      )?.timezone,
  };
}
