// Usage events straight into usage_events, as the gateway or the batch ingestion would write them, for
// tests of what reads them (the usage page, invoices).
import type { Db } from '../../src/db/kysely.ts';
import { billingMonthOf } from '../../src/shared/billing-month.ts';
import { newId } from '../../src/shared/tokens.ts';

export interface TestUsageEvent {
  accountId: string;
  user: { id: string; userNumber: string; name?: string };
  serviceId: string;
  occurredAt: string;
  quantity?: number;
  unitNetCents?: number;
  vatRateBp?: number;
  reference?: string | null;
  source?: 'gateway' | 'batch';
  timeZone?: string;
}

/** Inserts the events; returns their ids in the given order. */
export async function insertUsageEvents(db: Db, events: TestUsageEvent[]): Promise<string[]> {
  const rows = events.map((event) => ({
    id: newId(),
    accountId: event.accountId,
    userId: event.user.id,
    userNumber: event.user.userNumber,
    userName: event.user.name ?? 'Mia Muster',
    serviceId: event.serviceId,
    quantity: event.quantity ?? 1,
    unitNetCents: event.unitNetCents ?? 35,
    vatRateBp: event.vatRateBp ?? 1900,
    occurredAt: event.occurredAt,
    billingMonth: billingMonthOf(event.occurredAt, event.timeZone ?? 'Europe/Berlin'),
    recordedAt: event.occurredAt,
    source: event.source ?? 'gateway',
    idempotencyKey: newId(),
    reference: event.reference ?? null,
    invoiceId: null,
  }));
  if (rows.length) await db.insertInto('usageEvents').values(rows).execute();
  return rows.map((row) => row.id);
}
