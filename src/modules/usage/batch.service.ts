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
import { createUsageRepository, type NewUsageEvent } from './usage.repository.ts';

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
      const [account, users, catalogue, recorded] = await Promise.all([
        repository.account(caller.accountId),
        repository.usersByNumber(caller.accountId, [...new Set(parsed.map((event) => event.userNumber))]),
        repository.servicesByCode(caller.accountId, [...new Set(parsed.map((event) => event.serviceCode))]),
        repository.recordedKeys(
          caller.accountId,
          parsed.map((event) => storedKey(event.idempotencyKey)),
        ),
      ]);
      const userByNumber = new Map(users.map((user) => [user.userNumber, user]));
      const serviceByCode = new Map(catalogue.services.map((service) => [service.code, service.id]));
      const pricesOf = groupBy(catalogue.prices, (price) => price.serviceId);
      const subscriptionsOf = groupBy(catalogue.subscriptions, (subscription) => subscription.serviceId);
      const seen = new Set(recorded);
      const monthStates = new Map<string, BillingMonthState>();
      const recordedAt = now.toISOString();

      const rows: NewUsageEvent[] = [];
      const accepted: ParsedEvent[] = [];
      for (const event of parsed) {
        const { index, idempotencyKey: key, occurredAt } = event;
        const reason = (code: EventRefusal) => {
          results[index] = refused(index, key, code);
        };
        if (seen.has(storedKey(key))) {
          results[index] = { index, idempotencyKey: key, status: 'duplicate' };
          continue;
        }
        if (occurredAt > latest) {
          reason(eventRefusals.USAGE_EVENT_IN_FUTURE);
          continue;
        }
        const billingMonth = billingMonthOf(occurredAt, account.timezone);
        let state = monthStates.get(billingMonth);
        if (!state) {
          state = billingMonthState(billingMonth, account.timezone, now);
          monthStates.set(billingMonth, state);
        }
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
        seen.add(storedKey(key));
        accepted.push(event);
        rows.push({
          id: newId(),
          accountId: caller.accountId,
          userId: user.id,
          userNumber: user.userNumber,
          userName: formatName(user, account.locale),
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

      // A concurrent call may have recorded some of the keys since they were read: those are duplicates.
      const inserted = new Set(
        await db.transaction().execute((transaction) => repository.insertUsageEvents(transaction, rows)),
      );
      for (const event of accepted) {
        const status = inserted.has(storedKey(event.idempotencyKey)) ? 'accepted' : 'duplicate';
        results[event.index] = { index: event.index, idempotencyKey: event.idempotencyKey, status };
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
