// P4, P5: subscriptions. Operators book for any account, an account's owner and admins for their own; members
// with "products.view" only look. A per-user subscription restricts the service to those users; an ended one
// no longer counts; the lookup and the program's `me` name the price of the moment.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildTestApp, describeEachDatabase, type TestApp } from '../../../test/helpers/build-test-app.ts';
import { serviceWithPrice } from '../../../test/helpers/catalogue.ts';
import {
  accountIdOf,
  signedInOperator,
  signedInOwner,
  signedInUser,
  TestClient,
} from '../../../test/helpers/test-client.ts';
import { minutes } from '../../shared/clock.ts';
import { usableServicesAt } from './usable-services.repository.ts';

interface Credentials {
  customerNumber: string;
  userNumber: string;
  accessKey: string;
}

describeEachDatabase('subscriptions', (dialect) => {
  let t: TestApp;
  let operator: TestClient;
  let owner: TestClient;
  let accountId: string;
  let lookup: string;
  let sms: string;
  let url: string;
  beforeEach(async () => {
    t = await buildTestApp({ db: dialect });
    operator = (await signedInOperator(t.app)).client;
    owner = (await signedInOwner(t.app)).client;
    accountId = await accountIdOf(owner);
    url = `/api/v1/accounts/${accountId}/subscriptions`;
    lookup = await serviceWithPrice(operator, {
      code: 'address-lookup',
      names: { de: 'Adressermittlung', en: 'Address look-up', hu: 'Címkeresés' },
      netCents: 35,
    });
    sms = await serviceWithPrice(operator, { code: 'sms', unit: 'message', netCents: 9 });
  });
  afterEach(() => t.close());

  const grant = async (userId: string, permissions: string[]) => {
    const granted = await owner.put(`/api/v1/accounts/${accountId}/users/${userId}/permissions`, {
      permissions,
    });
    expect(granted.statusCode, granted.body).toBe(200);
  };
  const member = async (permissions: string[], username: string) => {
    const made = await signedInUser(t.app, owner, accountId, { username, email: `${username}@jura.test` });
    await grant(made.user.id, permissions);
    return made;
  };
  /** A user of the account with program credentials (shown once at creation). */
  const programUser = async (username: string, permissions: string[], locale?: string) => {
    const created = await owner.post(`/api/v1/accounts/${accountId}/users`, {
      username,
      firstName: username,
      lastName: 'Muster',
      ...(locale ? { locale } : {}),
    });
    expect(created.statusCode, created.body).toBe(201);
    const { user, credentials } = created.json() as { user: { id: string }; credentials: Credentials };
    await grant(user.id, permissions);
    return { id: user.id, credentials };
  };
  const servicesOf = async (credentials: Credentials) => {
    const me = await new TestClient(t.app).get('/api/program/v1/me', {
      authorization: `Bearer ${credentials.customerNumber}.${credentials.userNumber}.${credentials.accessKey}`,
    });
    expect(me.statusCode, me.body).toBe(200);
    return me.json().services as { code: string; name: string; netCents: number; vatRateBp: number }[];
  };
  /** The service as the program's `me` lists it for the user at `at`, or undefined. */
  const usableIn = async (account: string, userId: string, code: string, at: Date | string = t.clock.now()) =>
    (await usableServicesAt(t.db, { accountId: account, userId, at })).find(
      (service) => service.code === code,
    );
  const usable = (userId: string, code: string, at?: Date | string) => usableIn(accountId, userId, code, at);
  const subscribe = (client: TestClient, body: object, base = url) => client.post(base, body);
  const rows = () => t.db.selectFrom('subscriptions').selectAll().orderBy('createdAt').execute();

  it('an operator subscribes an account; its owner sees it in Products & services with the price now', async () => {
    const operatorUrl = `/api/v1/operator/accounts/${accountId}/subscriptions`;
    const booked = await subscribe(operator, { serviceId: lookup, scope: 'account' }, operatorUrl);
    expect(booked.statusCode, booked.body).toBe(201);
    const listed = await owner.get(url);
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items).toEqual([
      {
        id: booked.json().items[0].id,
        service: {
          id: lookup,
          code: 'address-lookup',
          name: 'Adressermittlung',
          unit: 'request',
          active: true,
          price: expect.objectContaining({ netCents: 35, vatRateBp: 1900, grossCents: 42 }),
        },
        user: null,
        startedAt: t.clock.now().toISOString(),
        endedAt: null,
      },
    ]);
    expect((await operator.get(operatorUrl)).json().items).toHaveLength(1);
    const event = await t.db
      .selectFrom('auditEvents')
      .select(['actorType', 'accountId', 'targetId'])
      .where('action', '=', 'subscription.started')
      .executeTakeFirstOrThrow();
    expect(event).toEqual({ actorType: 'operator', accountId, targetId: lookup });
    const nobody = '/api/v1/operator/accounts/00000000-0000-0000-0000-000000000000/subscriptions';
    expect((await operator.get(nobody)).statusCode).toBe(404);
    expect((await subscribe(operator, { serviceId: sms, scope: 'account' }, nobody)).statusCode).toBe(404);
  });

  it('the owner and admins book and end; members with "products.view" only look, others not even that', async () => {
    const admin = await member([], 'adam');
    expect((await owner.put(`/api/v1/accounts/${accountId}/users/${admin.user.id}/admin`)).statusCode).toBe(
      200,
    );
    const viewer = await member(['products.view', 'users.manage', 'services.use'], 'vera');
    const outsider = await member(['invoices.view', 'users.manage'], 'otto');

    const options = (await owner.get(`${url}/options`)).json();
    expect(options.services.map((service: { code: string }) => service.code)).toEqual([
      'address-lookup',
      'sms',
    ]);
    expect(options.users).toHaveLength(4);
    expect(
      (
        await operator.request({
          method: 'PATCH',
          url: `/api/v1/operator/services/${sms}`,
          payload: { active: false },
        })
      ).statusCode,
    ).toBe(200);
    const offered = (await admin.client.get(`${url}/options`)).json().services;
    expect(offered.map((service: { code: string }) => service.code)).toEqual(['address-lookup']);

    const booked = await subscribe(admin.client, {
      serviceId: lookup,
      scope: 'users',
      userIds: [viewer.user.id],
    });
    expect(booked.statusCode, booked.body).toBe(201);
    expect(booked.json().items).toEqual([
      expect.objectContaining({
        user: { id: viewer.user.id, userNumber: expect.any(String), name: 'Mia Muster' },
      }),
    ]);
    const id = booked.json().items[0].id as string;

    expect((await viewer.client.get(url)).json().items.map((item: { id: string }) => item.id)).toEqual([id]);
    for (const refused of [
      await viewer.client.get(`${url}/options`),
      await subscribe(viewer.client, { serviceId: lookup, scope: 'account' }),
      await viewer.client.post(`${url}/${id}/end`),
    ]) {
      expect([refused.statusCode, refused.json().code]).toEqual([403, 'SUBSCRIPTION_ADMIN_REQUIRED']);
    }
    for (const refused of [
      await outsider.client.get(url),
      await subscribe(outsider.client, { serviceId: lookup, scope: 'account' }),
      await outsider.client.post(`${url}/${id}/end`),
    ]) {
      expect([refused.statusCode, refused.json().code]).toEqual([403, 'FORBIDDEN']);
    }
    expect((await rows()).map((row) => [row.userId, row.endedAt])).toEqual([[viewer.user.id, null]]);

    const ended = await owner.post(`${url}/${id}/end`);
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json().endedAt).toBe(t.clock.now().toISOString());
  });

  it('a subscription for chosen users restricts the service to them; one for the account opens it to all', async () => {
    const mia = await programUser('mia', ['services.use']);
    const udo = await programUser('udo', ['services.use']);
    expect(
      (await subscribe(owner, { serviceId: lookup, scope: 'users', userIds: [mia.id] })).statusCode,
    ).toBe(201);

    expect(await usable(mia.id, 'address-lookup')).toEqual({
      serviceId: lookup,
      code: 'address-lookup',
      names: { de: 'Adressermittlung', en: 'Address look-up', hu: 'Címkeresés' },
      unit: 'request',
      adapter: 'demo',
      providerUrl: null,
      netCents: 35,
      vatRateBp: 1900,
    });
    expect(await usable(udo.id, 'address-lookup')).toBeUndefined();
    expect((await servicesOf(mia.credentials)).map((service) => service.code)).toEqual(['address-lookup']);
    expect(await servicesOf(udo.credentials)).toEqual([]);

    expect((await subscribe(owner, { serviceId: sms, scope: 'account' })).statusCode).toBe(201);
    expect((await servicesOf(mia.credentials)).map((service) => service.code)).toEqual([
      'address-lookup',
      'sms',
    ]);
    expect((await servicesOf(udo.credentials)).map((service) => service.code)).toEqual(['sms']);
    expect(await usable(udo.id, 'sms')).toMatchObject({ netCents: 9 });
    // Another account's users have nothing of it.
    const other = await signedInOwner(t.app, { email: 'chef@andere.test', companyName: 'Andere GmbH' });
    const otherUser = (
      await t.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', 'chef@andere.test')
        .executeTakeFirstOrThrow()
    ).id;
    expect(await usableIn(await accountIdOf(other.client), otherUser, 'sms')).toBeUndefined();
    expect(await usableIn(accountId, otherUser, 'address-lookup')).toBeUndefined();
  });

  it('an ended subscription is no longer usable, stays listed as ended, ends once, and can be booked anew', async () => {
    const mia = await programUser('mia', ['services.use']);
    const id = (await subscribe(owner, { serviceId: lookup, scope: 'account' })).json().items[0].id as string;
    const started = t.clock.now();
    t.clock.advance(minutes(5));
    expect((await owner.post(`${url}/${id}/end`)).statusCode).toBe(200);
    expect(await usable(mia.id, 'address-lookup')).toBeUndefined();
    expect(await servicesOf(mia.credentials)).toEqual([]);
    // What happened while it ran keeps its subscription.
    expect(await usable(mia.id, 'address-lookup', new Date(started.getTime() + minutes(1)))).toMatchObject({
      netCents: 35,
    });

    const again = await owner.post(`${url}/${id}/end`);
    expect([again.statusCode, again.json().code]).toEqual([409, 'SUBSCRIPTION_ALREADY_ENDED']);
    expect((await owner.get(url)).json().items).toEqual([
      expect.objectContaining({ id, endedAt: t.clock.now().toISOString() }),
    ]);
    expect((await subscribe(owner, { serviceId: lookup, scope: 'account' })).statusCode).toBe(201);
    expect((await rows()).map((row) => row.endedAt === null)).toEqual([false, true]);
    expect(await usable(mia.id, 'address-lookup')).toBeDefined();
    const actions = await t.db
      .selectFrom('auditEvents')
      .select('action')
      .where('action', 'like', 'subscription.%')
      .orderBy('createdAt')
      .execute();
    expect(actions.map((row) => row.action)).toEqual([
      'subscription.started',
      'subscription.ended',
      'subscription.started',
    ]);
  });

  it('the same booking twice is refused, also when both arrive at once', async () => {
    const mia = await programUser('mia', []);
    expect((await subscribe(owner, { serviceId: lookup, scope: 'account' })).statusCode).toBe(201);
    const twice = await subscribe(owner, { serviceId: lookup, scope: 'account' });
    expect([twice.statusCode, twice.json().details]).toEqual([
      409,
      [expect.objectContaining({ field: 'serviceId', code: 'SUBSCRIPTION_EXISTS' })],
    ]);
    // Subscribed for everyone already: a user on top is the same booking.
    expect(
      (await subscribe(owner, { serviceId: lookup, scope: 'users', userIds: [mia.id] })).statusCode,
    ).toBe(409);

    const body = { serviceId: sms, scope: 'users', userIds: [mia.id] };
    const answers = await Promise.all([
      subscribe(owner, body),
      subscribe(operator, body, `/api/v1/operator/accounts/${accountId}/subscriptions`),
    ]);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([201, 409]);
    expect((await rows()).filter((row) => row.serviceId === sms)).toHaveLength(1);
  });

  it('refusals name their field in the caller’s language, and write nothing', async () => {
    const other = await signedInOwner(t.app, { email: 'chef@andere.test', companyName: 'Andere GmbH' });
    const foreignUser = (
      await t.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', 'chef@andere.test')
        .executeTakeFirstOrThrow()
    ).id;
    await operator.request({
      method: 'PATCH',
      url: `/api/v1/operator/services/${sms}`,
      payload: { active: false },
    });
    const cases: [object, string, string][] = [
      [{ serviceId: sms, scope: 'account' }, 'serviceId', 'Dieser Dienst kann nicht gebucht werden'],
      [
        { serviceId: '00000000-0000-0000-0000-000000000000', scope: 'account' },
        'serviceId',
        'Dieser Dienst kann nicht gebucht werden',
      ],
      [{ serviceId: lookup, scope: 'users' }, 'userIds', 'Bitte wählen Sie mindestens einen Benutzer.'],
      [
        { serviceId: lookup, scope: 'users', userIds: [foreignUser] },
        'userIds',
        'Es können nur eigene Benutzer',
      ],
    ];
    for (const [body, field, message] of cases) {
      const refused = await subscribe(owner, body);
      expect({ body, status: refused.statusCode, code: refused.json().code }).toEqual({
        body,
        status: 400,
        code: 'VALIDATION_FAILED',
      });
      expect(refused.json().details).toEqual([
        expect.objectContaining({ field, message: expect.stringContaining(message) }),
      ]);
    }
    const scope = await subscribe(owner, { serviceId: lookup, scope: 'some' });
    expect(scope.json().details).toContainEqual(expect.objectContaining({ field: 'scope', code: 'enum' }));
    expect(await rows()).toEqual([]);
    expect(
      (await other.client.get(`/api/v1/accounts/${await accountIdOf(other.client)}/subscriptions`)).json()
        .items,
    ).toEqual([]);
  });

  it("another account's subscriptions are not found, and stay as they were", async () => {
    const id = (await subscribe(owner, { serviceId: lookup, scope: 'account' })).json().items[0].id as string;
    const other = (await signedInOwner(t.app, { email: 'chef@andere.test', companyName: 'Andere GmbH' }))
      .client;
    const otherUrl = `/api/v1/accounts/${await accountIdOf(other)}/subscriptions`;
    expect((await other.get(url)).statusCode).toBe(404);
    expect((await other.post(`${url}/${id}/end`)).statusCode).toBe(404);
    expect((await other.post(`${otherUrl}/${id}/end`)).statusCode).toBe(404);
    expect((await other.get(otherUrl)).json().items).toEqual([]);
    expect(
      (await operator.post(`/api/v1/operator/accounts/${await accountIdOf(other)}/subscriptions/${id}/end`))
        .statusCode,
    ).toBe(404);
    expect((await rows()).map((row) => row.endedAt)).toEqual([null]);
  });

  it('me names the services in the user’s language at the price of the moment, and only with "services.use"', async () => {
    const hu = await programUser('hanna', [], 'hu');
    expect((await subscribe(owner, { serviceId: lookup, scope: 'account' })).statusCode).toBe(201);
    expect(await servicesOf(hu.credentials)).toEqual([]);
    await grant(hu.id, ['services.use']);
    expect(await servicesOf(hu.credentials)).toEqual([
      {
        code: 'address-lookup',
        name: 'Címkeresés',
        names: { de: 'Adressermittlung', en: 'Address look-up', hu: 'Címkeresés' },
        unit: 'request',
        netCents: 35,
        vatRateBp: 1900,
      },
    ]);

    const change = new Date(t.clock.now().getTime() + minutes(10));
    const priced = await operator.post(`/api/v1/operator/services/${lookup}/prices`, {
      netCents: 40,
      vatRateBp: 700,
      validFrom: change.toISOString(),
    });
    expect(priced.statusCode, priced.body).toBe(201);
    expect(await usable(hu.id, 'address-lookup', new Date(change.getTime() - 1))).toMatchObject({
      netCents: 35,
      vatRateBp: 1900,
    });
    expect(await usable(hu.id, 'address-lookup', change)).toMatchObject({ netCents: 40, vatRateBp: 700 });
    expect((await servicesOf(hu.credentials))[0]).toMatchObject({ netCents: 35 });
    t.clock.advance(minutes(10));
    expect((await servicesOf(hu.credentials))[0]).toMatchObject({ netCents: 40, vatRateBp: 700 });
    expect((await owner.get(url)).json().items[0].service.price).toMatchObject({
      netCents: 40,
      grossCents: 43,
    });

    // A service without a price yet, or no longer offered, is not usable.
    const unpriced = (
      await operator.post('/api/v1/operator/services', {
        code: 'company-information',
        names: { de: 'Firmenauskunft', en: 'Company information', hu: 'Cégadatok' },
        unit: 'request',
        adapter: 'demo',
      })
    ).json().id as string;
    expect((await subscribe(owner, { serviceId: unpriced, scope: 'account' })).statusCode).toBe(201);
    expect(await usable(hu.id, 'company-information')).toBeUndefined();
    await operator.request({
      method: 'PATCH',
      url: `/api/v1/operator/services/${lookup}`,
      payload: { active: false },
    });
    expect(await servicesOf(hu.credentials)).toEqual([]);
    expect(await usable(hu.id, 'address-lookup')).toBeUndefined();
  });
});
