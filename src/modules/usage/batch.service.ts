// Issue 12.4: usage measured outside Kontor (the account's own meter, with an admin's program key), up to
// 1,000 events a call. Each event is accepted, a duplicate of one recorded before (per account and key, also
// across calls and concurrently), or refused with its reason; the accepted ones are recorded in one
// transaction with one multi-row insert, at the price valid at each event's occurred_at.
import type { Db } from '../../db/kysely.ts';
import { AppError, assertThat } from '../../shared/app-error.ts';
import { type BillingMonthState, billingMonthOf, billingMonthState } from '../../shared/billing-month.ts';
import type { Clock } from '../../shared/clock.ts';
import { formatName } from '../../shared/names.ts';
import { isAdminRole } from '../../shared/permissions.ts';
import { newId } from '../../shared/tokens.ts';
import { type ProgramCaller, programErrors } from '../program-api/index.ts';
import { batchErrors, type EventRefusal, eventRefusals } from './usage.errors.ts';
import { createUsageRepository, type NewUsageEvent, type UsageRepository } from './usage.repository.ts';

export const maxEventsPerCall = 1_000;
/** More of one service in one event is a meter's mistake, not usage (SECURITY.md 30: no overflow). */
export const maxQuantity = 1_000_000;
/** Meters' clocks drift: an event up to this far ahead of Kontor's clock is taken as now-ish. */
export const futureToleranceMs = 5 * 60_000;

const keyPattern = /^[\x20-\x7e]{1,200}$/;
const userNumberPattern = /^\d{7}$/;
const codePattern = /^[\x21-\x7e]{1,100}$/;
const instantPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const controls = /\p{Cc}/u;
const eventFields = new Set([
  'idempotencyKey',
  'serviceCode',
  'userNumber',
  'quantity',
  'occurredAt',
  'reference',
]);

export type EventResult =
  | { index: number; idempotencyKey: string; status: 'accepted' | 'duplicate' }
  | { index: number; idempotencyKey: string | null; status: 'refused'; code: EventRefusal; field?: string };

interface ParsedEvent {
  index: number;
  idempotencyKey: string;
  serviceCode: string;
  userNumber: string;
  quantity: number;
  occurredAt: string;
  reference: string | null;
}

const refused = (index: number, idempotencyKey: string | null, code: EventRefusal, field?: string) =>
  ({ index, idempotencyKey, status: 'refused', code, ...(field ? { field } : {}) }) as const;

/** The event's fields, or why they are not an event (the first field that is wrong). */
function parseEvent(value: unknown, index: number): ParsedEvent | EventResult {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return refused(index, null, eventRefusals.USAGE_EVENT_INVALID, 'event');
  }
  const event = value as Record<string, unknown>;
  const key =
    typeof event.idempotencyKey === 'string' && keyPattern.test(event.idempotencyKey)
      ? event.idempotencyKey
      : null;
  const invalid = (field: string) => refused(index, key, eventRefusals.USAGE_EVENT_INVALID, field);
  if (key === null) return invalid('idempotencyKey');
  for (const field in event) if (!eventFields.has(field)) return invalid(field);
  const { serviceCode, userNumber, quantity, occurredAt, reference } = event;
  if (typeof serviceCode !== 'string' || !codePattern.test(serviceCode)) return invalid('serviceCode');
  if (typeof userNumber !== 'string' || !userNumberPattern.test(userNumber)) return invalid('userNumber');
  if (typeof quantity !== 'number') return invalid('quantity');
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > maxQuantity) {
    return refused(index, key, eventRefusals.USAGE_EVENT_QUANTITY_INVALID, 'quantity');
  }
  const instant =
    typeof occurredAt === 'string' && instantPattern.test(occurredAt) ? Date.parse(occurredAt) : NaN;
  if (Number.isNaN(instant)) return invalid('occurredAt');
  if (
    reference !== undefined &&
    reference !== null &&
    (typeof reference !== 'string' || reference.length > 200 || controls.test(reference))
  ) {
    return invalid('reference');
  }
  return {
    index,
    idempotencyKey: key,
    serviceCode,
    userNumber,
    quantity,
    occurredAt: new Date(instant).toISOString(),
    reference: typeof reference === 'string' && reference.trim() !== '' ? reference.trim() : null,
  };
}

/** YYYY-MM and its state per instant; one time-zone computation per minute, as offsets are whole minutes. */
function billingMonths(timeZone: string, now: Date) {
  const byMinute = new Map<string, { billingMonth: string; state: BillingMonthState }>();
  const states = new Map<string, BillingMonthState>();
  return (occurredAt: string) => {
    const minute = occurredAt.slice(0, 16);
    let known = byMinute.get(minute);
    if (!known) {
      const billingMonth = billingMonthOf(occurredAt, timeZone);
      let state = states.get(billingMonth);
      if (!state) {
        state = billingMonthState(billingMonth, timeZone, now);
        states.set(billingMonth, state);
      }
      known = { billingMonth, state };
      byMinute.set(minute, known);
    }
    return known;
  };
}

interface Price {
  serviceId: string;
  netCents: number;
  vatRateBp: number;
  validFrom: string;
}
interface Subscription {
  serviceId: string;
  userId: string | null;
  startedAt: string;
  endedAt: string | null;
}

/** The catalogue's rows (service × price × subscription) by service, prices oldest first. */
function catalogueOf(rows: Awaited<ReturnType<UsageRepository['catalogue']>>) {
  const serviceByCode = new Map<string, string>();
  const prices = new Map<string, Price>();
  const subscriptions = new Map<string, Subscription>();
  for (const row of rows) {
    serviceByCode.set(row.code, row.id);
    const { priceId, netCents, vatRateBp, validFrom, subscriptionId, userId, startedAt, endedAt } = row;
    if (priceId !== null && netCents !== null && vatRateBp !== null && validFrom !== null) {
      prices.set(priceId, { serviceId: row.id, netCents, vatRateBp, validFrom });
    }
    if (subscriptionId !== null && startedAt !== null) {
      subscriptions.set(subscriptionId, { serviceId: row.id, userId, startedAt, endedAt });
    }
  }
  const oldestFirst = [...prices.values()].sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1));
  return {
    serviceByCode,
    pricesOf: groupBy(oldestFirst, (price) => price.serviceId),
    subscriptionsOf: groupBy([...subscriptions.values()], (subscription) => subscription.serviceId),
  };
}

/** Map.groupBy, which Node 20 lacks. */
function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

export function createBatchService({ db, clock }: { db: Db; clock: Clock }) {
  const repository = createUsageRepository(db);

  return {
    async ingest(caller: ProgramCaller, events: unknown[]) {
      assertThat(isAdminRole(caller.role), programErrors.PROGRAM_ADMIN_REQUIRED);
      if (events.length > maxEventsPerCall) {
        throw new AppError(batchErrors.USAGE_BATCH_TOO_LARGE, { params: { max: maxEventsPerCall } });
      }
      const now = clock.now();
      const latest = new Date(now.getTime() + futureToleranceMs).toISOString();
      const results: EventResult[] = new Array(events.length);
      const parsed: ParsedEvent[] = [];
      events.forEach((value, index) => {
        const event = parseEvent(value, index);
        if ('status' in event) results[index] = event;
        else parsed.push(event);
      });

      const storedKey = (key: string) => `batch:${key}`;
      const [{ account, users }, catalogue] = await Promise.all([
        repository.accountAndUsers(caller.accountId, [...new Set(parsed.map((event) => event.userNumber))]),
        repository.catalogue(caller.accountId, [...new Set(parsed.map((event) => event.serviceCode))]),
      ]);
      const userByNumber = new Map(users.map((user) => [user.userNumber, user]));
      const { serviceByCode, pricesOf, subscriptionsOf } = catalogueOf(catalogue);
      const seen = new Set<string>();
      const monthOf = billingMonths(account.timezone, now);
      const nameOf = new Map<string, string>();
      const recordedAt = now.toISOString();

      const rows: NewUsageEvent[] = [];
      const accepted: ParsedEvent[] = [];
      for (const event of parsed) {
        const { index, idempotencyKey: key, occurredAt } = event;
        const reason = (code: EventRefusal) => {
          results[index] = refused(index, key, code);
        };
        if (seen.has(key)) {
          results[index] = { index, idempotencyKey: key, status: 'duplicate' };
          continue;
        }
        if (occurredAt > latest) {
          reason(eventRefusals.USAGE_EVENT_IN_FUTURE);
          continue;
        }
        const { billingMonth, state } = monthOf(occurredAt);
        if (state === 'closed') {
          reason(eventRefusals.USAGE_EVENT_MONTH_CLOSED);
          continue;
        }
        const serviceId = serviceByCode.get(event.serviceCode);
        if (!serviceId) {
          reason(eventRefusals.USAGE_EVENT_SERVICE_UNKNOWN);
          continue;
        }
        const user = userByNumber.get(event.userNumber);
        if (!user) {
          reason(eventRefusals.USAGE_EVENT_USER_UNKNOWN);
          continue;
        }
        const subscribed = subscriptionsOf
          .get(serviceId)
          ?.some(
            (subscription) =>
              subscription.startedAt <= occurredAt &&
              (subscription.endedAt === null || subscription.endedAt > occurredAt) &&
              (subscription.userId === null || subscription.userId === user.id),
          );
        if (!subscribed) {
          reason(eventRefusals.USAGE_EVENT_NOT_SUBSCRIBED);
          continue;
        }
        // Oldest first: the last one that had begun at occurred_at.
        const price = pricesOf.get(serviceId)?.findLast((candidate) => candidate.validFrom <= occurredAt);
        if (!price) {
          reason(eventRefusals.USAGE_EVENT_NOT_PRICED);
          continue;
        }
        seen.add(key);
        accepted.push(event);
        let userName = nameOf.get(user.id);
        if (userName === undefined) {
          userName = formatName(user, account.locale);
          nameOf.set(user.id, userName);
        }
        rows.push({
          id: newId(),
          accountId: caller.accountId,
          userId: user.id,
          userNumber: user.userNumber,
          userName,
          serviceId,
          quantity: event.quantity,
          unitNetCents: price.netCents,
          vatRateBp: price.vatRateBp,
          occurredAt,
          billingMonth,
          recordedAt,
          source: 'batch',
          idempotencyKey: storedKey(key),
          reference: event.reference,
        });
      }

      // One statement (a transaction when more), which skips keys recorded before, also by a concurrent call.
      const inserted = new Set(await repository.insertUsageEvents(db, rows));
      for (const event of accepted) {
        const status = inserted.has(storedKey(event.idempotencyKey)) ? 'accepted' : 'duplicate';
        results[event.index] = { index: event.index, idempotencyKey: event.idempotencyKey, status };
      }
      // A refusal that depends on what holds today (a closed month, an ended subscription) must not hide
      // that the event was recorded when it held: a meter's retry of an old batch learns it is a duplicate.
      const refusedKeys = parsed
        .filter((event) => results[event.index]?.status === 'refused')
        .map((event) => storedKey(event.idempotencyKey));
      const recorded = new Set(await repository.recordedKeys(caller.accountId, refusedKeys));
      for (const event of parsed) {
        if (results[event.index]?.status === 'refused' && recorded.has(storedKey(event.idempotencyKey))) {
          results[event.index] = {
            index: event.index,
            idempotencyKey: event.idempotencyKey,
            status: 'duplicate',
          };
        }
      }
      const count = (status: EventResult['status']) =>
        results.filter((result) => result.status === status).length;
      return {
        accepted: count('accepted'),
        duplicates: count('duplicate'),
        refused: count('refused'),
        results,
      };
    },
  };
}

export type BatchService = ReturnType<typeof createBatchService>;
