// P4, P5: what an account subscribes to. A subscription is for the whole account (user null) or for one of
// its own users; booking for chosen users writes one row per user, so usage can be restricted and itemised
// per user. Subscriptions end (ended_at) and are never deleted. Operators book for any account; in the
// account, its owner and admins book what the catalogue offers. Audited in the account.
import type { Db } from '../../db/kysely.ts';
import { AppError, type ErrorDetail } from '../../shared/app-error.ts';
import type { Clock } from '../../shared/clock.ts';
import { isUniqueViolation } from '../../shared/db-errors.ts';
import { formatName } from '../../shared/names.ts';
import { isAdminRole, type Role } from '../../shared/permissions.ts';
import { newId } from '../../shared/tokens.ts';
import type { AuditActor, AuditService } from '../audit/index.ts';
import { catalogueErrors } from './catalogue.errors.ts';
import { createCatalogueRepository, type PriceRow } from './catalogue.repository.ts';
import type { ServiceUnit } from './catalogue.schemas.ts';
import { pricesAt } from './catalogue.service.ts';

/** Who acts: an operator for any account, or a member in the account the session acts in. */
export interface SubscriptionContext {
  accountId: string;
  actor: AuditActor;
  /** A member's role; absent for an operator. */
  role?: Role;
  locale: string;
}

export interface Subscribe {
  serviceId: string;
  scope: 'account' | 'users';
  userIds?: string[];
}

type Names = { nameDe: string; nameEn: string; nameHu: string };
/** The name in the reader's language. */
export const nameIn = (row: Names, locale: string) =>
  locale === 'hu' ? row.nameHu : locale === 'en' ? row.nameEn : row.nameDe;

export function createSubscriptionsService({
  db,
  clock,
  audit,
}: {
  db: Db;
  clock: Clock;
  audit: AuditService;
}) {
  const repository = createCatalogueRepository();
  const now = () => clock.now().toISOString();

  async function assertMayChange(context: SubscriptionContext) {
    if (context.role && !isAdminRole(context.role))
      throw new AppError(catalogueErrors.SUBSCRIPTION_ADMIN_REQUIRED);
    // An operator names the account in the path: one that does not exist is not found.
    if (!context.role && !(await repository.accountExists(db, context.accountId)))
      throw new AppError('NOT_FOUND');
  }

  async function pricesByService(executor: Db, serviceIds: string[]) {
    const prices = await repository.pricesOf(executor, [...new Set(serviceIds)]);
    const byService = new Map<string, PriceRow[]>();
    for (const price of prices)
      byService.set(price.serviceId, [...(byService.get(price.serviceId) ?? []), price]);
    return byService;
  }

  async function list(executor: Db, context: SubscriptionContext, id?: string) {
    const rows = await repository.subscriptionsOf(executor, context.accountId, id);
    const prices = await pricesByService(
      executor,
      rows.map((row) => row.serviceId),
    );
    const at = now();
    return rows.map((row) => ({
      id: row.id,
      service: {
        id: row.serviceId,
        code: row.code,
        name: nameIn(row, context.locale),
        unit: row.unit as ServiceUnit,
        active: Boolean(row.active),
        price: pricesAt(prices.get(row.serviceId) ?? [], at).current,
      },
      user:
        row.userId && row.userNumber
          ? {
              id: row.userId,
              userNumber: row.userNumber,
              name: formatName(
                { title: row.title, firstName: row.firstName ?? '', lastName: row.lastName ?? '' },
                context.locale,
              ),
            }
          : null,
      startedAt: row.startedAt,
      endedAt: row.endedAt,
    }));
  }

  return {
    async list(context: SubscriptionContext) {
      if (!context.role && !(await repository.accountExists(db, context.accountId)))
        throw new AppError('NOT_FOUND');
      return { items: await list(db, context) };
    },

    /** What can be booked: the active services with their price now, and the account's own users. */
    async options(context: SubscriptionContext) {
      await assertMayChange(context);
      const services = (await repository.listServices(db)).filter((row) => row.active);
      const prices = await pricesByService(
        db,
        services.map((row) => row.id),
      );
      const at = now();
      const users = await repository.ownUsers(db, context.accountId);
      return {
        services: services.map((row) => ({
          id: row.id,
          code: row.code,
          name: nameIn(row, context.locale),
          unit: row.unit as ServiceUnit,
          active: true,
          price: pricesAt(prices.get(row.id) ?? [], at).current,
        })),
        users: users.map((user) => ({
          id: user.id,
          userNumber: user.userNumber,
          name: formatName(user, context.locale),
          disabled: user.status === 'disabled',
        })),
      };
    },

    async subscribe(context: SubscriptionContext, input: Subscribe) {
      await assertMayChange(context);
      const userIds = input.scope === 'users' ? (input.userIds ?? []) : [];
      const at = now();
      const created: string[] = [];
      try {
        await db.transaction().execute(async (transaction) => {
          const details: ErrorDetail[] = [];
          const service = await repository.findService(transaction, input.serviceId);
          if (!service?.active) {
            details.push({ field: 'serviceId', code: catalogueErrors.SUBSCRIPTION_SERVICE_UNAVAILABLE });
          }
          if (input.scope === 'users' && userIds.length === 0) {
            details.push({ field: 'userIds', code: catalogueErrors.SUBSCRIPTION_USERS_REQUIRED });
          }
          const users = userIds.length
            ? await repository.ownUsers(transaction, context.accountId, userIds)
            : [];
          if (users.length !== userIds.length) {
            details.push({ field: 'userIds', code: catalogueErrors.SUBSCRIPTION_USER_UNKNOWN });
          }
          if (details.length > 0 || !service) throw new AppError('VALIDATION_FAILED', { details });

          const live = await repository.liveSubscriptions(transaction, context.accountId, service.id);
          const taken =
            input.scope === 'account'
              ? live.some((row) => row.userId === null)
              : live.some((row) => row.userId === null || userIds.includes(row.userId));
          if (taken) throw subscriptionExists(input.scope);

          for (const user of input.scope === 'account' ? [null] : users) {
            const id = newId();
            await repository.insertSubscription(transaction, {
              id,
              accountId: context.accountId,
              serviceId: service.id,
              userId: user?.id ?? null,
              startedAt: at,
              endedAt: null,
              createdAt: at,
            });
            await audit.record(transaction, {
              actor: context.actor,
              accountId: context.accountId,
              action: 'subscription.started',
              target: { type: 'service', id: service.id, name: { name: service.code } },
              details: { subscriptionId: id, service: service.code, userNumber: user?.userNumber ?? null },
            });
            created.push(id);
          }
        });
      } catch (error) {
        // A concurrent booking of the same took the live slot first (subscriptions_live_* indexes).
        if (isUniqueViolation(error)) throw subscriptionExists(input.scope);
        throw error;
      }
      const all = await list(db, context);
      return { items: all.filter((row) => created.includes(row.id)) };
    },

    async end(context: SubscriptionContext, subscriptionId: string) {
      await assertMayChange(context);
      return db.transaction().execute(async (transaction) => {
        const [row] = await list(transaction, context, subscriptionId);
        if (!row) throw new AppError('NOT_FOUND');
        const at = now();
        if (!(await repository.endSubscription(transaction, context.accountId, subscriptionId, at))) {
          throw new AppError(catalogueErrors.SUBSCRIPTION_ALREADY_ENDED);
        }
        await audit.record(transaction, {
          actor: context.actor,
          accountId: context.accountId,
          action: 'subscription.ended',
          target: { type: 'service', id: row.service.id, name: { name: row.service.code } },
          details: { subscriptionId, service: row.service.code, userNumber: row.user?.userNumber ?? null },
        });
        return { ...row, endedAt: at };
      });
    },
  };
}

const subscriptionExists = (scope: Subscribe['scope']) =>
  new AppError(catalogueErrors.SUBSCRIPTION_EXISTS, {
    details: [
      { field: scope === 'account' ? 'serviceId' : 'userIds', code: catalogueErrors.SUBSCRIPTION_EXISTS },
    ],
  });

export type SubscriptionsService = ReturnType<typeof createSubscriptionsService>;
