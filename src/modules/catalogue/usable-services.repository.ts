// P4, P5: which services a user may use at a moment, and at which price. A service is usable when it is
// active, has a price valid then (the latest valid_from <= at) and the account held a subscription then for
// the whole account or for that user. Whether the user holds "services.use" is the caller's check.
import { type Expression, PostgresAdapter } from 'kysely';
import { jsonArrayFrom as postgresJsonArray } from 'kysely/helpers/postgres';
import { jsonArrayFrom as sqliteJsonArray } from 'kysely/helpers/sqlite';
import type { Db } from '../../db/kysely.ts';
import type { ServiceAdapter, ServiceUnit } from './catalogue.schemas.ts';

export interface UsableService {
  serviceId: string;
  code: string;
  names: { de: string; en: string; hu: string };
  unit: ServiceUnit;
  adapter: ServiceAdapter;
  providerUrl: string | null;
  netCents: number;
  vatRateBp: number;
}

type Lookup = {
  /** A value, or a column of an outer query (the program's key lookup). */
  accountId: string | Expression<string>;
  userId: string | Expression<string>;
  /** ISO-8601 UTC. */
  at: string;
};

/** One statement over subscriptions_account and the prices' (service_id, valid_from) key. */
function usableServices(executor: Db, { accountId, userId, at }: Lookup) {
  return executor
    .selectFrom('subscriptions')
    .innerJoin('services', 'services.id', 'subscriptions.serviceId')
    .innerJoin('prices', 'prices.serviceId', 'services.id')
    .select([
      'services.id as serviceId',
      'services.code',
      'services.nameDe',
      'services.nameEn',
      'services.nameHu',
      'services.unit',
      'services.adapter',
      'services.providerUrl',
      'prices.netCents',
      'prices.vatRateBp',
    ])
    .distinct()
    .where('subscriptions.accountId', '=', accountId)
    .where((eb) => eb.or([eb('subscriptions.userId', 'is', null), eb('subscriptions.userId', '=', userId)]))
    .where('subscriptions.startedAt', '<=', at)
    .where((eb) => eb.or([eb('subscriptions.endedAt', 'is', null), eb('subscriptions.endedAt', '>', at)]))
    .where('services.active', '=', 1)
    .where('prices.validFrom', '=', (eb) =>
      eb
        .selectFrom('prices as valid')
        .select((inner) => inner.fn.max('valid.validFrom').as('validFrom'))
        .whereRef('valid.serviceId', '=', 'services.id')
        .where('valid.validFrom', '<=', at),
    );
}

type Row = Awaited<ReturnType<ReturnType<typeof usableServices>['execute']>>[number];

const usable = (row: Row): UsableService => ({
  serviceId: row.serviceId,
  code: row.code,
  names: { de: row.nameDe, en: row.nameEn, hu: row.nameHu },
  unit: row.unit as ServiceUnit,
  adapter: row.adapter,
  providerUrl: row.providerUrl,
  netCents: Number(row.netCents),
  vatRateBp: Number(row.vatRateBp),
});

/**
 * The usable services as one JSON array column of an outer query, so the program's key lookup brings the
 * caller's services along instead of a second statement (a round trip on PostgreSQL, bench K1).
 */
export function usableServicesColumn(db: Db, lookup: Lookup) {
  const jsonArrayFrom =
    db.getExecutor().adapter instanceof PostgresAdapter ? postgresJsonArray : sqliteJsonArray;
  return jsonArrayFrom(usableServices(db, lookup));
}

const camelCased = (object: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(object).map(([key, value]) => [
      key.replace(/_([a-z])/g, (_, letter) => letter.toUpperCase()),
      value,
    ]),
  ) as Row;

/**
 * The column's value, by code. PostgreSQL's driver parses the JSON and the CamelCase plugin renames its
 * keys; from SQLite it is JSON text with the database's snake_case names.
 */
export function usableServicesOf(column: string | Row[]): UsableService[] {
  const rows =
    typeof column === 'string' ? (JSON.parse(column) as Record<string, unknown>[]).map(camelCased) : column;
  return rows.map(usable).sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

const isoOf = (at: Date | string) => (typeof at === 'string' ? new Date(at) : at).toISOString();

/**
 * Every service the user may use at `at`, by code, as a statement of its own: for a moment other than a
 * program call's (the subscription tests); no request runs it, so it is not prepared.
 */
export async function usableServicesAt(
  db: Db,
  lookup: { accountId: string; userId: string; at: Date | string },
): Promise<UsableService[]> {
  const rows = await usableServices(db, { ...lookup, at: isoOf(lookup.at) })
    .orderBy('services.code')
    .execute();
  return rows.map(usable);
}
