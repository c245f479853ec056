import type { Insertable } from 'kysely';
import type { Db } from '../../db/kysely.ts';
import { prepareQuery } from '../../db/prepared.ts';
import type { GatewayRequestsTable, UsageEventsTable } from '../../db/schema.ts';

export type NewUsageEvent = Insertable<UsageEventsTable>;
type ClaimOutcome = Pick<
  GatewayRequestsTable,
  'state' | 'statusCode' | 'responseBody' | 'errorCode' | 'usageEventId' | 'updatedAt'
>;

export function createUsageRepository(db: Db) {
  /**
   * Every gateway request runs it: the active service with the code, its price valid at `now` (the one
   * with the greatest valid_from <= now), whether the account subscribes to it at `now` for everyone or
   * for this user, and the account's time zone and language.
   */
  const gatewayContext = prepareQuery(
    db,
    (p: { accountId: string; userId: string; code: string; now: string }) =>
      db
        .selectFrom('accounts')
        .innerJoin('services', (join) => join.on('services.code', '=', p.code).on('services.active', '=', 1))
        .leftJoin('prices', (join) =>
          join.onRef('prices.serviceId', '=', 'services.id').on((eb) =>
            eb(
              'prices.validFrom',
              '=',
              eb
                .selectFrom('prices as current')
                .select((inner) => inner.fn.max('current.validFrom').as('validFrom'))
                .whereRef('current.serviceId', '=', 'services.id')
                .where('current.validFrom', '<=', p.now),
            ),
          ),
        )
        .select((eb) => [
          'services.id as serviceId',
          'services.adapter',
          'services.providerUrl',
          'prices.netCents',
          'prices.vatRateBp',
          'accounts.timezone',
          'accounts.locale as accountLocale',
          eb
            .exists(
              eb
                .selectFrom('subscriptions')
                .select('subscriptions.id')
                .where('subscriptions.accountId', '=', p.accountId)
                .whereRef('subscriptions.serviceId', '=', 'services.id')
                .where('subscriptions.startedAt', '<=', p.now)
                .where((or) =>
                  or.or([or('subscriptions.endedAt', 'is', null), or('subscriptions.endedAt', '>', p.now)]),
                )
                .where((or) =>
                  or.or([or('subscriptions.userId', 'is', null), or('subscriptions.userId', '=', p.userId)]),
                ),
            )
            .as('subscribed'),
        ])
        .where('accounts.id', '=', p.accountId),
  );

  return {
    gatewayContext: async (parameters: { accountId: string; userId: string; code: string; now: string }) => {
      const row = await gatewayContext.takeFirst(parameters);
      return row && { ...row, subscribed: Boolean(row.subscribed) };
    },

    /** The unique insert that claims a key: false when another request holds it already. */
    claimKey: async (row: Insertable<GatewayRequestsTable>) =>
      (await db
        .insertInto('gatewayRequests')
        .values(row)
        .onConflict((conflict) => conflict.columns(['accountId', 'idempotencyKey']).doNothing())
        .returning('id')
        .executeTakeFirst()) !== undefined,

    findClaim: (accountId: string, idempotencyKey: string) =>
      db
        .selectFrom('gatewayRequests')
        .selectAll()
        .where('accountId', '=', accountId)
        .where('idempotencyKey', '=', idempotencyKey)
        .executeTakeFirst(),

    /** Takes over a failed claim, or a pending one whose holder has not finished by `staleBefore`. */
    retakeClaim: async (
      id: string,
      { from, to, now, staleBefore }: { from: string; to: string; now: string; staleBefore: string },
    ) => {
      const result = await db
        .updateTable('gatewayRequests')
        .set({
          state: 'pending',
          claimToken: to,
          claimedAt: now,
          statusCode: null,
          errorCode: null,
          updatedAt: now,
        })
        .where('id', '=', id)
        .where('claimToken', '=', from)
        .where((eb) =>
          eb.or([
            eb('state', '=', 'failed'),
            eb.and([eb('state', '=', 'pending'), eb('claimedAt', '<', staleBefore)]),
          ]),
        )
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    /** Writes the outcome while the claim is still this one's; false when it was taken over. */
    finishClaim: async (executor: Db, id: string, claimToken: string, outcome: ClaimOutcome) => {
      const result = await executor
        .updateTable('gatewayRequests')
        .set(outcome)
        .where('id', '=', id)
        .where('claimToken', '=', claimToken)
        .where('state', '=', 'pending')
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    /** Inserts what is not recorded yet (per account and key); returns the keys it inserted. */
    insertUsageEvents: async (executor: Db, rows: NewUsageEvent[]): Promise<string[]> => {
      if (rows.length === 0) return [];
      const inserted = await executor
        .insertInto('usageEvents')
        .values(rows)
        .onConflict((conflict) => conflict.columns(['accountId', 'idempotencyKey']).doNothing())
        .returning('idempotencyKey')
        .execute();
      return inserted.map((row) => row.idempotencyKey);
    },

    recordedKeys: async (accountId: string, keys: string[]) =>
      keys.length === 0
        ? []
        : (
            await db
              .selectFrom('usageEvents')
              .select('idempotencyKey')
              .where('accountId', '=', accountId)
              .where('idempotencyKey', 'in', keys)
              .execute()
          ).map((row) => row.idempotencyKey),

    account: (accountId: string) =>
      db
        .selectFrom('accounts')
        .select(['timezone', 'locale'])
        .where('id', '=', accountId)
        .executeTakeFirstOrThrow(),

    /** The account's own users with these numbers (never another account's). */
    usersByNumber: (accountId: string, userNumbers: string[]) =>
      userNumbers.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('users')
            .select(['id', 'userNumber', 'title', 'firstName', 'lastName'])
            .where('homeAccountId', '=', accountId)
            .where('userNumber', 'in', userNumbers)
            .execute(),

    /** Active services with these codes, with every price (oldest first) and the account's subscriptions. */
    async servicesByCode(accountId: string, codes: string[]) {
      if (codes.length === 0) return { services: [], prices: [], subscriptions: [] };
      const services = await db
        .selectFrom('services')
        .select(['id', 'code'])
        .where('code', 'in', codes)
        .where('active', '=', 1)
        .execute();
      const ids = services.map((service) => service.id);
      if (ids.length === 0) return { services, prices: [], subscriptions: [] };
      const prices = await db
        .selectFrom('prices')
        .select(['serviceId', 'netCents', 'vatRateBp', 'validFrom'])
        .where('serviceId', 'in', ids)
        .orderBy('validFrom')
        .execute();
      const subscriptions = await db
        .selectFrom('subscriptions')
        .select(['serviceId', 'userId', 'startedAt', 'endedAt'])
        .where('accountId', '=', accountId)
        .where('serviceId', 'in', ids)
        .execute();
      return { services, prices, subscriptions };
    },
  };
}

export type UsageRepository = ReturnType<typeof createUsageRepository>;
