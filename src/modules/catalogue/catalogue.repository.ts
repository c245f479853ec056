import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../../db/kysely.ts';
import type { PricesTable, ServicesTable, SubscriptionsTable } from '../../db/schema.ts';

export type ServiceRow = Selectable<ServicesTable>;
export type PriceRow = Selectable<PricesTable>;
export type SubscriptionRow = Selectable<SubscriptionsTable>;

/** The catalogue (services and their prices) and the accounts' subscriptions to it. */
export function createCatalogueRepository() {
  return {
    listServices: (executor: Db) => executor.selectFrom('services').selectAll().orderBy('code').execute(),

    findService: (executor: Db, id: string) =>
      executor.selectFrom('services').selectAll().where('id', '=', id).executeTakeFirst(),

    insertService: (executor: Db, row: Insertable<ServicesTable>) =>
      executor.insertInto('services').values(row).execute(),

    updateService: (executor: Db, id: string, changes: Updateable<ServicesTable>) =>
      executor.updateTable('services').set(changes).where('id', '=', id).execute(),

    /** Every price of the given services (all when none named), the latest start first. */
    pricesOf: (executor: Db, serviceIds?: string[]) => {
      let query = executor.selectFrom('prices').selectAll();
      if (serviceIds) {
        if (serviceIds.length === 0) return Promise.resolve([] as PriceRow[]);
        query = query.where('serviceId', 'in', serviceIds);
      }
      return query.orderBy('serviceId').orderBy('validFrom', 'desc').execute();
    },

    insertPrice: (executor: Db, row: PriceRow) => executor.insertInto('prices').values(row).execute(),

    accountExists: async (executor: Db, accountId: string) =>
      (await executor.selectFrom('accounts').select('id').where('id', '=', accountId).executeTakeFirst()) !==
      undefined,

    /** The account's own users (not invited people: the program signs in with its own users only). */
    ownUsers: (executor: Db, accountId: string, ids?: string[]) => {
      let query = executor
        .selectFrom('users')
        .select(['id', 'userNumber', 'title', 'firstName', 'lastName', 'status'])
        .where('homeAccountId', '=', accountId);
      if (ids) query = query.where('id', 'in', ids.length ? ids : ['']);
      return query.orderBy('lastName').orderBy('firstName').orderBy('userNumber').limit(5000).execute();
    },

    /** The account's subscriptions with their service and user, live ones first, then the newest. */
    subscriptionsOf: (executor: Db, accountId: string, id?: string) => {
      let query = executor
        .selectFrom('subscriptions')
        .innerJoin('services', 'services.id', 'subscriptions.serviceId')
        .leftJoin('users', 'users.id', 'subscriptions.userId')
        .select([
          'subscriptions.id',
          'subscriptions.startedAt',
          'subscriptions.endedAt',
          'services.id as serviceId',
          'services.code',
          'services.nameDe',
          'services.nameEn',
          'services.nameHu',
          'services.unit',
          'services.active',
          'users.id as userId',
          'users.userNumber',
          'users.title',
          'users.firstName',
          'users.lastName',
        ])
        .where('subscriptions.accountId', '=', accountId);
      if (id) query = query.where('subscriptions.id', '=', id);
      return query
        .orderBy((eb) => eb.case().when('subscriptions.endedAt', 'is', null).then(0).else(1).end())
        .orderBy('subscriptions.startedAt', 'desc')
        .orderBy('subscriptions.id')
        .limit(1000)
        .execute();
    },

    /** Live subscriptions of the account to the service: the whole account's and the users'. */
    liveSubscriptions: (executor: Db, accountId: string, serviceId: string) =>
      executor
        .selectFrom('subscriptions')
        .select(['id', 'userId'])
        .where('accountId', '=', accountId)
        .where('serviceId', '=', serviceId)
        .where('endedAt', 'is', null)
        .execute(),

    insertSubscription: (executor: Db, row: SubscriptionRow) =>
      executor.insertInto('subscriptions').values(row).execute(),

    /** Ends a live subscription; false when it had ended already (also by a concurrent request). */
    endSubscription: async (executor: Db, accountId: string, id: string, at: string) => {
      const result = await executor
        .updateTable('subscriptions')
        .set({ endedAt: at })
        .where('accountId', '=', accountId)
        .where('id', '=', id)
        .where('endedAt', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
  };
}

export type CatalogueRepository = ReturnType<typeof createCatalogueRepository>;
