// For payment specs: last month's usage of an account, written as the gateway writes it, billed by the
// operator's invoice run (2 × 100.00 net, 238.00 gross). Returns the invoice's id and number.
import type { APIRequestContext } from '@playwright/test';
import { loadConfig } from '../src/config.ts';
import { createDatabase } from '../src/db/kysely.ts';
import {
  insertService,
  insertUsage,
  type UsageUser,
  usersOf,
} from '../src/modules/invoices/invoice-test-data.ts';
import { billingMonthOf } from '../src/shared/billing-month.ts';
import { expect, type Kontor, type Page } from './fixtures.ts';

/** The CSRF header for a signed-in API context or page. */
export async function csrf(from: APIRequestContext | Page) {
  const cookies = 'context' in from ? await from.context().cookies() : (await from.storageState()).cookies;
  return { 'x-csrf-token': cookies.find((cookie) => cookie.name.endsWith('kontor_csrf'))?.value ?? '' };
}

/** A signed-in operator's call that must succeed; its JSON answer. */
export async function callAs(api: APIRequestContext, method: 'put' | 'post', url: string, data?: object) {
  const response = await api[method](url, { data, headers: await csrf(api) });
  expect(response.ok(), await response.text()).toBe(true);
  return response.json();
}

export async function lastMonthInvoice(kontor: Kontor, operatorApi: APIRequestContext, accountId: string) {
  const thisMonth = billingMonthOf(new Date().toISOString(), 'Europe/Berlin');
  const [year, month] = thisMonth.split('-').map(Number) as [number, number];
  const lastMonth = month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
  const db = createDatabase(loadConfig({ DATABASE_URL: kontor.databaseUrl }).database);
  try {
    const [user] = (await usersOf(db, accountId)) as [UsageUser];
    const serviceId = await insertService(db, {
      code: 'address-lookup',
      name: 'Adressauskunft',
      netCents: 10_000,
    });
    await insertUsage(db, {
      accountId,
      user,
      serviceId,
      unitNetCents: 10_000,
      quantity: 2,
      occurredAt: `${lastMonth}-10T10:00:00.000Z`,
    });
    await callAs(operatorApi, 'post', '/api/v1/operator/invoice-runs', { month: lastMonth });
    return await db
      .selectFrom('invoices')
      .select(['id', 'number'])
      .where('accountId', '=', accountId)
      .executeTakeFirstOrThrow();
  } finally {
    await db.destroy();
  }
}
