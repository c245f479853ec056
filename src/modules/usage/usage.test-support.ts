// For the usage tests only: an account with program keys, and catalogue rows written straight into the
// tables (the catalogue's own administration is another module's).

import { accountIdOf, signedInOwner, TestClient } from '../../../test/helpers/test-client.ts';
import type { KontorApp } from '../../app.ts';
import type { Db } from '../../db/kysely.ts';
import type { ServicesTable } from '../../db/schema.ts';
import type { Permission } from '../../shared/permissions.ts';
import { newId } from '../../shared/tokens.ts';

export interface Credentials {
  customerNumber: string;
  userNumber: string;
  accessKey: string;
}

export const bearer = (c: Credentials) => ({
  authorization: `Bearer ${c.customerNumber}.${c.userNumber}.${c.accessKey}`,
});

/** A confirmed account, its owner's program key, and a way to add users with their own keys and rights. */
export async function programAccount(
  app: KontorApp,
  overrides: { email?: string; companyName?: string } = {},
) {
  const owner = await signedInOwner(app, overrides);
  const accountId = await accountIdOf(owner.client);
  const ownerKey = (
    await new TestClient(app).post('/api/v1/credentials/reveal', { token: owner.revealToken })
  ).json() as Credentials;
  let count = 0;
  return {
    accountId,
    owner: owner.client,
    ownerKey,
    ownerId: (await owner.client.get('/api/v1/auth/session')).json().user.id as string,
    async addUser(permissions: Permission[], names: { firstName?: string; lastName?: string } = {}) {
      count += 1;
      const created = await owner.client.post(`/api/v1/accounts/${accountId}/users`, {
        username: `user-${count}-${newId().slice(0, 6)}`,
        firstName: names.firstName ?? 'Mia',
        lastName: names.lastName ?? `Muster ${count}`,
      });
      if (created.statusCode !== 201) throw new Error(`user creation failed: ${created.body}`);
      const { user, credentials } = created.json();
      const granted = await owner.client.put(`/api/v1/accounts/${accountId}/users/${user.id}/permissions`, {
        permissions,
      });
      if (granted.statusCode !== 200) throw new Error(`permissions failed: ${granted.body}`);
      return { id: user.id as string, credentials: credentials as Credentials };
    },
  };
}

export async function addService(
  db: Db,
  {
    code,
    adapter = 'demo',
    providerUrl = null,
    netCents = 150,
    vatRateBp = 1900,
    validFrom = '2020-01-01T00:00:00.000Z',
    active = 1,
  }: {
    code: string;
    adapter?: ServicesTable['adapter'];
    providerUrl?: string | null;
    netCents?: number | null;
    vatRateBp?: number;
    validFrom?: string;
    active?: number;
  },
): Promise<string> {
  const id = newId();
  const at = '2020-01-01T00:00:00.000Z';
  await db
    .insertInto('services')
    .values({
      id,
      code,
      nameDe: code,
      nameEn: code,
      nameHu: code,
      unit: 'request',
      adapter,
      providerUrl,
      active,
      createdAt: at,
      updatedAt: at,
    })
    .execute();
  if (netCents !== null) await addPrice(db, id, netCents, validFrom, vatRateBp);
  return id;
}

export async function addPrice(
  db: Db,
  serviceId: string,
  netCents: number,
  validFrom: string,
  vatRateBp = 1900,
) {
  await db
    .insertInto('prices')
    .values({ id: newId(), serviceId, netCents, vatRateBp, validFrom, createdAt: validFrom })
    .execute();
}

export async function subscribe(
  db: Db,
  {
    accountId,
    serviceId,
    userId = null,
    startedAt = '2020-01-01T00:00:00.000Z',
    endedAt = null,
  }: {
    accountId: string;
    serviceId: string;
    userId?: string | null;
    startedAt?: string;
    endedAt?: string | null;
  },
) {
  await db
    .insertInto('subscriptions')
    .values({ id: newId(), accountId, serviceId, userId, startedAt, endedAt, createdAt: startedAt })
    .execute();
}
