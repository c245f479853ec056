import { type Insertable, PostgresAdapter, sql } from 'kysely';
import type { Db } from '../../db/kysely.ts';
import { prepareQuery } from '../../db/prepared.ts';
import type { GatewayRequestsTable, UsageEventsTable } from '../../db/schema.ts';

export type NewUsageEvent = Insertable<UsageEventsTable>;
type ClaimOutcome = Pick<
  GatewayRequestsTable,
  'state' | 'statusCode' | 'responseBody' | 'errorCode' | 'usageEventId' | 'updatedAt'
>;

/** The columns a usage event is written with, in the order of the prepared insert's values. */
const insertColumns = [
  'id',
  'accountId',
  'userId',
  'userNumber',
  'userName',
  'serviceId',
  'quantity',
  'unitNetCents',
  'vatRateBp',
  'occurredAt',
  'billingMonth',
  'recordedAt',
  'source',
  'idempotencyKey',
  'reference',
] as const satisfies readonly (keyof NewUsageEvent)[];
const insertChunkRows = 100;
/** The rows' values in column order, one flat array (a loop: this runs for every value of every batch). */
function flatValues(rows: NewUsageEvent[], start: number, end: number): unknown[] {
  const values = new Array((end - start) * insertColumns.length);
  let at = 0;
  for (let index = start; index < end; index++) {
    const row = rows[index] as NewUsageEvent;
    for (const column of insertColumns) values[at++] = row[column] ?? null;
  }
  return values;
}

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

  // A list as one JSON text parameter: the statement's text is the same for any number of values, so it is
  // built once and, on PostgreSQL, planned once per connection (an IN list would be a new statement each time).
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  // On PostgreSQL `= any(array(…))`, which is an index condition; `in (select …)` became a hash join over
  // all of the account's rows.
  const isAmong = (column: string, json: string) =>
    postgres
      ? sql<boolean>`${sql.ref(column)} = any(array(select jsonb_array_elements_text(cast(${json} as jsonb))))`
      : sql<boolean>`${sql.ref(column)} in (select value from json_each(${json}))`;
  /** The account's settings on every row, with one of its own users with these numbers each (nulls for none). */
  const accountUsers = prepareQuery(db, (p: { accountId: string; userNumbers: string }) =>
    db
      .selectFrom('accounts')
      .leftJoin('users', (join) =>
        join.onRef('users.homeAccountId', '=', 'accounts.id').on(isAmong('users.userNumber', p.userNumbers)),
      )
      .select([
        'accounts.timezone',
        'accounts.locale',
        'users.id',
        'users.userNumber',
        'users.title',
        'users.firstName',
        'users.lastName',
      ])
      .where('accounts.id', '=', p.accountId),
  );
  /** Active services with the codes, each with every price and subscription of the account (nulls for none). */
  const catalogue = prepareQuery(db, (p: { accountId: string; codes: string }) =>
    db
      .selectFrom('services')
      .leftJoin('prices', 'prices.serviceId', 'services.id')
      .leftJoin('subscriptions', (join) =>
        join
          .onRef('subscriptions.serviceId', '=', 'services.id')
          .on('subscriptions.accountId', '=', p.accountId),
      )
      .select([
        'services.id',
        'services.code',
        'prices.id as priceId',
        'prices.netCents',
        'prices.vatRateBp',
        'prices.validFrom',
        'subscriptions.id as subscriptionId',
        'subscriptions.userId',
        'subscriptions.startedAt',
        'subscriptions.endedAt',
      ])
      .where(isAmong('services.code', p.codes))
      .where('services.active', '=', 1),
  );
  const recordedKeys = prepareQuery(db, (p: { accountId: string; keys: string }) =>
    db
      .selectFrom('usageEvents')
      .select('idempotencyKey')
      .where('accountId', '=', p.accountId)
      .where(isAmong('usageEvents.idempotencyKey', p.keys)),
  );
  // Parameters by position: the stand-in for value n is named "n", so the run takes a flat array of values.
  const insertChunk = prepareQuery(db, (p: Record<string, unknown>) =>
    db
      .insertInto('usageEvents')
      .values(
        Array.from(
          { length: insertChunkRows },
          (_, row) =>
            Object.fromEntries(
              insertColumns.map((column, index) => [column, p[String(row * insertColumns.length + index)]]),
            ) as unknown as NewUsageEvent,
        ),
      )
      .onConflict((conflict) => conflict.columns(['accountId', 'idempotencyKey']).doNothing())
      .returning('idempotencyKey'),
  );
  const insertRows = (executor: Db, rows: NewUsageEvent[]) =>
    executor
      .insertInto('usageEvents')
      .values(
        rows.map(
          (row) =>
            Object.fromEntries(insertColumns.map((column) => [column, row[column] ?? null])) as NewUsageEvent,
        ),
      )
      .onConflict((conflict) => conflict.columns(['accountId', 'idempotencyKey']).doNothing())
      .returning('idempotencyKey')
      .execute();

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

    /**
     * Inserts what is not recorded yet (per account and key) and returns the keys it inserted. Full chunks of
     * 100 rows run one statement built once (on PostgreSQL a named statement, planned once per connection);
     * the rest is one ordinary insert. More than one statement run in a transaction, so all or none count.
     */
    insertUsageEvents: async (executor: Db, rows: NewUsageEvent[]): Promise<string[]> => {
      const run = async (into: Db) => {
        const inserted: { idempotencyKey: string }[] = [];
        let start = 0;
        for (; start + insertChunkRows <= rows.length; start += insertChunkRows) {
          const values = flatValues(rows, start, start + insertChunkRows);
          inserted.push(...(await insertChunk.execute(values as never, into)));
        }
        if (start < rows.length) inserted.push(...(await insertRows(into, rows.slice(start))));
        return inserted.map((row) => row.idempotencyKey);
      };
      if (rows.length === 0) return [];
      const statements = Math.floor(rows.length / insertChunkRows) + (rows.length % insertChunkRows ? 1 : 0);
      return statements === 1 || executor.isTransaction ? run(executor) : executor.transaction().execute(run);
    },

    recordedKeys: async (accountId: string, keys: string[]) =>
      keys.length === 0
        ? []
        : (await recordedKeys.execute({ accountId, keys: JSON.stringify(keys) })).map(
            (row) => row.idempotencyKey,
          ),

    /** The account's time zone and language, and its own users with these numbers (never another account's). */
    async accountAndUsers(accountId: string, userNumbers: string[]) {
      const rows = await accountUsers.execute({ accountId, userNumbers: JSON.stringify(userNumbers) });
      const [account] = rows;
      if (!account) throw new Error(`no account ${accountId}`);
      const users = rows.flatMap(({ id, userNumber, title, firstName, lastName }) =>
        id !== null && userNumber !== null && firstName !== null && lastName !== null
          ? [{ id, userNumber, title, firstName, lastName }]
          : [],
      );
      return { account: { timezone: account.timezone, locale: account.locale }, users };
    },
    catalogue: (accountId: string, codes: string[]) =>
      codes.length === 0
        ? Promise.resolve([])
        : catalogue.execute({ accountId, codes: JSON.stringify(codes) }),
  };
}

export type UsageRepository = ReturnType<typeof createUsageRepository>;
