// Tests only: services, prices and usage written straight into the tables (the catalogue and the gateway are
// other modules), and a complete seller, so invoice tests say only what they are about.
import type { Db } from '../../db/kysely.ts';
import { billingMonthOf } from '../../shared/billing-month.ts';
import { generateToken, hashToken, newId } from '../../shared/tokens.ts';
import type { SellerData } from '../provider/index.ts';

export const testSeller: SellerData = {
  name: 'Muster Hosting GmbH',
  street: 'Hafenstraße 1',
  postalCode: '20457',
  city: 'Hamburg',
  country: 'DE',
  vatId: 'DE123456789',
  taxNumber: null,
  email: 'rechnung@muster.example',
};

export async function insertService(
  db: Db,
  service: { code: string; name?: string; netCents: number; vatRateBp?: number; unit?: string },
): Promise<string> {
  const id = newId();
  const at = '2026-01-01T00:00:00.000Z';
  const name = service.name ?? service.code;
  await db
    .insertInto('services')
    .values({
      id,
      code: service.code,
      nameDe: `${name} (de)`,
      nameEn: `${name} (en)`,
      nameHu: `${name} (hu)`,
      unit: service.unit ?? 'request',
      adapter: 'demo',
      providerUrl: null,
      createdAt: at,
      updatedAt: at,
    })
    .execute();
  await db
    .insertInto('prices')
    .values({
      id: newId(),
      serviceId: id,
      netCents: service.netCents,
      vatRateBp: service.vatRateBp ?? 1900,
      validFrom: at,
      createdAt: at,
    })
    .execute();
  return id;
}

/** The whole account subscribes to the service from `at` on. */
export async function insertSubscription(
  db: Db,
  { accountId, serviceId, at }: { accountId: string; serviceId: string; at: string },
): Promise<void> {
  await db
    .insertInto('subscriptions')
    .values({ id: newId(), accountId, serviceId, userId: null, startedAt: at, endedAt: null, createdAt: at })
    .execute();
}

/** A program access key for the user, written straight in (as the program's key issuing stores it); the key. */
export async function insertAccessKey(db: Db, userId: string): Promise<string> {
  const accessKey = generateToken();
  await db
    .insertInto('accessKeys')
    .values({
      id: newId(),
      userId,
      keyHash: hashToken(accessKey),
      createdAt: new Date().toISOString(),
      lastUsedAt: null,
      revokedAt: null,
    })
    .execute();
  return accessKey;
}

export interface UsageUser {
  id: string;
  userNumber: string;
  name: string;
}

/** One usage event; its billing month is counted in `timeZone` (the account's), as the gateway does. */
export async function insertUsage(
  db: Db,
  usage: {
    accountId: string;
    user: UsageUser;
    serviceId: string;
    occurredAt: string;
    unitNetCents: number;
    vatRateBp?: number;
    quantity?: number;
    timeZone?: string;
    reference?: string;
  },
): Promise<string> {
  const id = newId();
  await db
    .insertInto('usageEvents')
    .values({
      id,
      accountId: usage.accountId,
      userId: usage.user.id,
      userNumber: usage.user.userNumber,
      userName: usage.user.name,
      serviceId: usage.serviceId,
      quantity: usage.quantity ?? 1,
      unitNetCents: usage.unitNetCents,
      vatRateBp: usage.vatRateBp ?? 1900,
      occurredAt: usage.occurredAt,
      billingMonth: billingMonthOf(usage.occurredAt, usage.timeZone ?? 'Europe/Berlin'),
      recordedAt: usage.occurredAt,
      source: 'batch',
      idempotencyKey: id,
      reference: usage.reference ?? null,
      invoiceId: null,
    })
    .execute();
  return id;
}

/** The account's own users as the appendix names them. */
export async function usersOf(db: Db, accountId: string): Promise<UsageUser[]> {
  const rows = await db
    .selectFrom('users')
    .select(['id', 'userNumber', 'firstName', 'lastName'])
    .where('homeAccountId', '=', accountId)
    .orderBy('userNumber')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    userNumber: row.userNumber,
    name: `${row.firstName} ${row.lastName}`,
  }));
}
