// B3: "Usage" for members with "invoices.view": the account's usage events newest first, filtered by user,
// service and calendar days in the account's time zone, paged, with the count and sums of the whole filter.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildTestApp, describeEachDatabase, type TestApp } from '../../../test/helpers/build-test-app.ts';
import { serviceWithPrice } from '../../../test/helpers/catalogue.ts';
import {
  accountIdOf,
  signedInOperator,
  signedInOwner,
  signedInUser,
  type TestClient,
} from '../../../test/helpers/test-client.ts';
import { insertUsageEvents } from '../../../test/helpers/usage-events.ts';

describeEachDatabase('usage', (dialect) => {
  let t: TestApp;
  let owner: TestClient;
  let accountId: string;
  let lookup: string;
  let sms: string;
  let url: string;
  const mia = { id: 'user-mia', userNumber: '1000001', name: 'Mia Muster' };
  const udo = { id: 'user-udo', userNumber: '1000002', name: 'Udo Urban' };
  beforeEach(async () => {
    t = await buildTestApp({ db: dialect });
    const operator = (await signedInOperator(t.app)).client;
    owner = (await signedInOwner(t.app)).client;
    accountId = await accountIdOf(owner);
    url = `/api/v1/accounts/${accountId}/usage`;
    lookup = await serviceWithPrice(operator, {
      code: 'address-lookup',
      names: { de: 'Adressermittlung', en: 'Address look-up', hu: 'Címkeresés' },
    });
    sms = await serviceWithPrice(operator, { code: 'sms', unit: 'message', netCents: 9 });
  });
  afterEach(() => t.close());

  const member = async (permissions: string[], username: string) => {
    const made = await signedInUser(t.app, owner, accountId, { username, email: `${username}@jura.test` });
    const granted = await owner.put(`/api/v1/accounts/${accountId}/users/${made.user.id}/permissions`, {
      permissions,
    });
    expect(granted.statusCode, granted.body).toBe(200);
    return made.client;
  };
  const ids = (response: { json: () => { items: { id: string }[] } }) =>
    response.json().items.map((item) => item.id);

  it('lists the events newest first with the totals of the whole filter, page by page', async () => {
    const [first, second, third, fourth] = await insertUsageEvents(t.db, [
      {
        accountId,
        user: mia,
        serviceId: lookup,
        occurredAt: '2026-01-02T10:00:00.000Z',
        reference: '10115 Berlin',
      },
      {
        accountId,
        user: udo,
        serviceId: sms,
        occurredAt: '2026-01-03T10:00:00.000Z',
        quantity: 3,
        unitNetCents: 9,
      },
      {
        accountId,
        user: mia,
        serviceId: sms,
        occurredAt: '2026-01-04T10:00:00.000Z',
        quantity: 2,
        unitNetCents: 9,
      },
      {
        accountId,
        user: mia,
        serviceId: lookup,
        occurredAt: '2026-01-05T08:00:00.000Z',
        unitNetCents: 40,
        vatRateBp: 700,
      },
    ]);
    const all = await owner.get(url);
    expect(all.statusCode, all.body).toBe(200);
    expect(ids(all)).toEqual([fourth, third, second, first]);
    expect(all.json()).toMatchObject({
      total: 4,
      totals: { quantity: 7, netCents: 35 + 27 + 18 + 40 },
      page: 1,
    });
    expect(all.json().items[3]).toEqual({
      id: first,
      occurredAt: '2026-01-02T10:00:00.000Z',
      user: mia,
      service: { id: lookup, code: 'address-lookup', name: 'Adressermittlung', unit: 'request' },
      quantity: 1,
      unitNetCents: 35,
      netCents: 35,
      vatRateBp: 1900,
      reference: '10115 Berlin',
      source: 'gateway',
      billingMonth: '2026-01',
      invoiced: false,
    });
    expect(all.json().items[2]).toMatchObject({ quantity: 3, netCents: 27 });

    const page2 = await owner.get(`${url}?pageSize=3&page=2`);
    expect(ids(page2)).toEqual([first]);
    expect(page2.json()).toMatchObject({ total: 4, totals: { quantity: 7 }, page: 2, pageSize: 3 });

    const miaSms = await owner.get(`${url}?userId=${mia.id}&serviceId=${sms}`);
    expect(ids(miaSms)).toEqual([third]);
    expect(miaSms.json()).toMatchObject({ total: 1, totals: { quantity: 2, netCents: 18 } });
    const udoOnly = await owner.get(`${url}?userId=${udo.id}`);
    expect(udoOnly.json()).toMatchObject({ total: 1, totals: { quantity: 3, netCents: 27 } });
    const none = await owner.get(`${url}?serviceId=00000000-0000-0000-0000-000000000000`);
    expect(none.json()).toMatchObject({ items: [], total: 0, totals: { quantity: 0, netCents: 0 } });
    expect((await owner.get(`${url}?pageSize=201`)).statusCode).toBe(400);
    expect((await owner.get(`${url}?from=3.1.2026`)).json().details).toContainEqual(
      expect.objectContaining({ field: 'from', code: 'format' }),
    );
  });

  it("counts days in the account's time zone: 23:30 UTC on 31 January is 1 February in Berlin", async () => {
    const [late, early, next] = await insertUsageEvents(t.db, [
      { accountId, user: mia, serviceId: lookup, occurredAt: '2026-01-31T23:30:00.000Z' },
      { accountId, user: mia, serviceId: lookup, occurredAt: '2026-01-31T22:59:59.000Z' },
      { accountId, user: mia, serviceId: lookup, occurredAt: '2026-02-01T23:00:00.000Z' },
    ]);
    expect(ids(await owner.get(`${url}?from=2026-02-01&to=2026-02-01`))).toEqual([late]);
    expect(ids(await owner.get(`${url}?to=2026-01-31`))).toEqual([early]);
    expect(ids(await owner.get(`${url}?from=2026-02-02`))).toEqual([next]);
    await t.db.updateTable('accounts').set({ timezone: 'UTC' }).where('id', '=', accountId).execute();
    expect(ids(await owner.get(`${url}?from=2026-01-31&to=2026-01-31`))).toEqual([late, early]);
  });

  it('is for members with "invoices.view"; others get 403, another account 404, and see nothing of it', async () => {
    await insertUsageEvents(t.db, [
      { accountId, user: mia, serviceId: lookup, occurredAt: '2026-01-02T10:00:00.000Z' },
    ]);
    const viewer = await member(['invoices.view'], 'ines');
    expect((await viewer.get(url)).json().total).toBe(1);
    const filters = (await viewer.get(`${url}/filters`)).json();
    expect(filters.services.map((service: { code: string }) => service.code)).toEqual([
      'address-lookup',
      'sms',
    ]);
    expect(filters.users).toHaveLength(2);
    const products = await member(['products.view', 'users.manage', 'services.use'], 'paul');
    for (const path of [url, `${url}/filters`]) {
      expect([(await products.get(path)).statusCode, (await products.get(path)).json().code]).toEqual([
        403,
        'FORBIDDEN',
      ]);
    }

    const other = (await signedInOwner(t.app, { email: 'chef@andere.test', companyName: 'Andere GmbH' }))
      .client;
    const otherId = await accountIdOf(other);
    await insertUsageEvents(t.db, [
      { accountId: otherId, user: udo, serviceId: sms, occurredAt: '2026-01-03T10:00:00.000Z' },
    ]);
    expect((await other.get(url)).statusCode).toBe(404);
    expect((await other.get(`${url}/filters`)).statusCode).toBe(404);
    const theirs = await other.get(`/api/v1/accounts/${otherId}/usage?userId=${mia.id}`);
    expect(theirs.json()).toMatchObject({ items: [], total: 0 });
    expect((await other.get(`/api/v1/accounts/${otherId}/usage`)).json().total).toBe(1);
    expect((await owner.get(url)).json().total).toBe(1);
  });
});
