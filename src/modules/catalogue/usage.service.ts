// B3: the account's usage as its invoice viewers see it: every recorded use, newest first, filtered by user,
// service and calendar days in the account's time zone, with the count and sums of everything the filter
// matches. The rows are written by the gateway and the batch ingestion; nothing here changes them.
import type { Db } from '../../db/kysely.ts';
import { dayRange } from '../../shared/days.ts';
import { formatName } from '../../shared/names.ts';
import { createCatalogueRepository } from './catalogue.repository.ts';
import type { ServiceUnit } from './catalogue.schemas.ts';
import { nameIn } from './subscriptions.service.ts';
import { createUsageRepository } from './usage.repository.ts';

export interface UsageQuery {
  userId?: string;
  serviceId?: string;
  /** YYYY-MM-DD, inclusive, in the account's time zone. */
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export function createUsageService({ db, defaultTimeZone }: { db: Db; defaultTimeZone: string }) {
  const repository = createUsageRepository();
  const catalogue = createCatalogueRepository();

  return {
    async list(accountId: string, query: UsageQuery, locale: string) {
      const timeZone = (await repository.timeZoneOf(db, accountId)) ?? defaultTimeZone;
      const filter = {
        accountId,
        userId: query.userId,
        serviceId: query.serviceId,
        ...dayRange(timeZone, query.from, query.to),
      };
      const [rows, totals] = await Promise.all([
        repository.page(db, filter, query.pageSize, (query.page - 1) * query.pageSize),
        repository.totals(db, filter),
      ]);
      return {
        items: rows.map((row) => ({
          id: row.id,
          occurredAt: row.occurredAt,
          user: { id: row.userId, userNumber: row.userNumber, name: row.userName },
          service: {
            id: row.serviceId,
            code: row.code,
            name: nameIn(row, locale),
            unit: row.unit as ServiceUnit,
          },
          quantity: Number(row.quantity),
          unitNetCents: Number(row.unitNetCents),
          netCents: Number(row.quantity) * Number(row.unitNetCents),
          vatRateBp: Number(row.vatRateBp),
          reference: row.reference,
          source: row.source,
          billingMonth: row.billingMonth,
          invoiced: row.invoiceId !== null,
        })),
        total: totals.count,
        totals: { quantity: totals.quantity, netCents: totals.netCents },
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    /** What the filters offer: the account's own users and the catalogue's services. */
    async filters(accountId: string, locale: string) {
      const [users, services] = await Promise.all([
        catalogue.ownUsers(db, accountId),
        catalogue.listServices(db),
      ]);
      return {
        users: users.map((user) => ({
          id: user.id,
          userNumber: user.userNumber,
          name: formatName(user, locale),
        })),
        services: services.map((row) => ({
          id: row.id,
          code: row.code,
          name: nameIn(row, locale),
          unit: row.unit as ServiceUnit,
        })),
      };
    },
  };
}

export type UsageService = ReturnType<typeof createUsageService>;
