// Issue 12.3 (P4): the gateway on both databases: who may call a service, what one call costs, and that a
// key is charged once, also for retries and requests at the same moment; failed provider calls cost nothing.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, describeEachDatabase, type TestApp } from '../../../test/helpers/build-test-app.ts';
import { TestClient } from '../../../test/helpers/test-client.ts';
import { days, hours } from '../../shared/clock.ts';
import {
  addPrice,
  addService,
  bearer,
  type Credentials,
  programAccount,
  subscribe,
} from './usage.test-support.ts';

const requests = (code: string) => `/api/program/v1/services/${code}/requests`;
let keyCount = 0;
const freshKey = () => `key-${++keyCount}-${Date.now()}`;

/** A provider on 127.0.0.1 whose behaviour the test sets; it counts the calls it gets. */
async function startProvider() {
  const state = {
    calls: 0,
    bodies: [] as unknown[],
    respond: (_request: IncomingMessage, response: ServerResponse) => {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ ok: true }));
    },
  };
  const server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk) => {
      text += chunk;
    });
    request.on('end', () => {
      state.calls += 1;
      state.bodies.push(JSON.parse(text || 'null'));
      state.respond(request, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/lookup`;
  return {
    state,
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describeEachDatabase('online-service gateway', (dialect) => {
  let t: TestApp;
  let account: Awaited<ReturnType<typeof programAccount>>;
  let program: TestClient;
  let provider: Awaited<ReturnType<typeof startProvider>>;
  let addressId: string;
  /** Made at the start: sessions end when the tests move the clock by weeks. */
  let colleague: Awaited<ReturnType<typeof account.addUser>>;
  const call = (
    code: string,
    credentials: Credentials,
    body: object,
    key: string | null = freshKey(),
    headers: Record<string, string> = {},
  ) =>
    program.request({
      method: 'POST',
      url: requests(code),
      payload: body,
      headers: { ...bearer(credentials), ...(key === null ? {} : { 'idempotency-key': key }), ...headers },
    });
  /** The usage events the gateway recorded for requests with this Idempotency-Key. */
  const eventsOfKey = (key: string) =>
    t.db
      .selectFrom('usageEvents')
      .innerJoin('gatewayRequests', 'gatewayRequests.usageEventId', 'usageEvents.id')
      .select(['usageEvents.id', 'usageEvents.accountId', 'usageEvents.idempotencyKey'])
      .where('gatewayRequests.idempotencyKey', '=', key)
      .execute();
  const eventsOf = (serviceId: string) =>
    t.db
      .selectFrom('usageEvents')
      .selectAll()
      .where('serviceId', '=', serviceId)
      .orderBy('recordedAt')
      .execute();

  beforeAll(async () => {
    t = await buildTestApp({ db: dialect, env: { DEFAULT_SEAT_LIMIT: '20', GATEWAY_TIMEOUT_MS: '400' } });
    account = await programAccount(t.app);
    program = new TestClient(t.app);
    provider = await startProvider();
    addressId = await addService(t.db, { code: 'address-lookup', netCents: 120, vatRateBp: 1900 });
    await subscribe(t.db, { accountId: account.accountId, serviceId: addressId });
    colleague = await account.addUser(['services.use']);
  });
  afterAll(async () => {
    await provider.close();
    await t.close();
  });

  describe('refusals', () => {
    it('without "use online services" the user is refused, with it the same request is answered', async () => {
      const mia = await account.addUser([]);
      const refused = await call('address-lookup', mia.credentials, { city: 'Berlin' });
      expect([refused.statusCode, refused.json().code]).toEqual([403, 'GATEWAY_SERVICES_USE_REQUIRED']);
      expect(refused.json().message).toMatch(/Online-Dienste nutzen/);
      const ben = await account.addUser(['services.use']);
      expect((await call('address-lookup', ben.credentials, { city: 'Berlin' })).statusCode).toBe(200);
      const none = await call('address-lookup', { ...ben.credentials, accessKey: 'wrong' }, {});
      expect([none.statusCode, none.json().code]).toEqual([401, 'PROGRAM_CREDENTIALS_INVALID']);
    });

    it('an unknown or switched-off service, no subscription, and no price have their own codes', async () => {
      const unknown = await call('no-such-service', account.ownerKey, {});
      expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'GATEWAY_SERVICE_UNKNOWN']);
      const offId = await addService(t.db, { code: 'switched-off', active: 0 });
      await subscribe(t.db, { accountId: account.accountId, serviceId: offId });
      expect((await call('switched-off', account.ownerKey, {})).json().code).toBe('GATEWAY_SERVICE_UNKNOWN');

      await addService(t.db, { code: 'company-info' });
      const unsubscribed = await call('company-info', account.ownerKey, { name: 'Muster GmbH' });
      expect([unsubscribed.statusCode, unsubscribed.json().code]).toEqual([403, 'GATEWAY_NOT_SUBSCRIBED']);

      const unpricedId = await addService(t.db, { code: 'unpriced', netCents: null });
      await subscribe(t.db, { accountId: account.accountId, serviceId: unpricedId });
      const unpriced = await call('unpriced', account.ownerKey, {});
      expect([unpriced.statusCode, unpriced.json().code]).toEqual([409, 'GATEWAY_SERVICE_NOT_PRICED']);
      expect(
        await t.db.selectFrom('usageEvents').select('id').where('serviceId', '=', unpricedId).execute(),
      ).toEqual([]);
    });

    it("a subscription for one user, one that ended or one that has not begun covers nobody else's call", async () => {
      const smsId = await addService(t.db, { code: 'sms' });
      const lea = await account.addUser(['services.use']);
      const max = await account.addUser(['services.use']);
      const now = t.clock.now().getTime();
      await subscribe(t.db, { accountId: account.accountId, serviceId: smsId, userId: lea.id });
      const body = { to: '+491701234567', text: 'Termin morgen 10 Uhr' };
      expect((await call('sms', lea.credentials, body)).statusCode).toBe(200);
      expect((await call('sms', max.credentials, body)).json().code).toBe('GATEWAY_NOT_SUBSCRIBED');

      const personId = await addService(t.db, { code: 'person-info' });
      await subscribe(t.db, {
        accountId: account.accountId,
        serviceId: personId,
        endedAt: new Date(now - 1000).toISOString(),
      });
      await subscribe(t.db, {
        accountId: account.accountId,
        serviceId: personId,
        startedAt: new Date(now + hours(1)).toISOString(),
      });
      expect((await call('person-info', max.credentials, {})).json().code).toBe('GATEWAY_NOT_SUBSCRIBED');
      t.clock.advance(hours(1));
      expect((await call('person-info', max.credentials, {})).statusCode).toBe(200);
    });

    it('the Idempotency-Key is required: 1–200 printable ASCII characters', async () => {
      for (const key of [null, 'x'.repeat(201), 'schlüssel']) {
        const refused = await call('address-lookup', account.ownerKey, {}, key);
        expect([refused.statusCode, refused.json().code], String(key)).toEqual([400, 'VALIDATION_FAILED']);
        expect(refused.json().details[0].field).toBe('idempotency-key');
      }
      expect((await call('address-lookup', account.ownerKey, {}, 'x'.repeat(200))).statusCode).toBe(200);
      const notAnObject = await program.request({
        method: 'POST',
        url: requests('address-lookup'),
        payload: '[1,2]',
        headers: {
          ...bearer(account.ownerKey),
          'idempotency-key': freshKey(),
          'content-type': 'application/json',
        },
      });
      expect(notAnObject.statusCode).toBe(400);
    });
  });

  it('a charged call records one event at the price of that moment; after a price change the next has the new one', async () => {
    const before = (await eventsOf(addressId)).length;
    const parameters = { street: 'Hauptstraße', houseNumber: '1', postalCode: '10115', city: 'Berlin' };
    const answered = await call('address-lookup', account.ownerKey, parameters, 'first-lookup');
    expect(answered.statusCode, answered.body).toBe(200);
    const body = answered.json();
    expect(body).toMatchObject({
      service: 'address-lookup',
      charged: { quantity: 1, unitNetCents: 120, vatRateBp: 1900 },
      answer: { demo: true, address: { street: 'Hauptstraße', postalCode: '10115', city: 'Berlin' } },
    });
    expect(body.answer.notice).toMatch(/Demodaten/);
    const events = (await eventsOf(addressId)).slice(before);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      id: body.usageEventId,
      accountId: account.accountId,
      userId: account.ownerId,
      userNumber: account.ownerKey.userNumber,
      userName: 'Dr. Justus Jura',
      quantity: 1,
      unitNetCents: 120,
      vatRateBp: 1900,
      occurredAt: t.clock.now().toISOString(),
      billingMonth: t.clock.now().toISOString().slice(0, 7),
      source: 'gateway',
      reference: 'Hauptstraße 1, 10115 Berlin',
      invoiceId: null,
    });
    const [claim] = await t.db
      .selectFrom('gatewayRequests')
      .select(['id', 'usageEventId'])
      .where('idempotencyKey', '=', 'first-lookup')
      .execute();
    expect(events[0]?.idempotencyKey).toBe(`gateway:${claim?.id}`);
    expect(claim?.usageEventId).toBe(body.usageEventId);

    // The new price holds from an hour from now: until then the old one is charged.
    await addPrice(t.db, addressId, 135, new Date(t.clock.now().getTime() + hours(1)).toISOString(), 700);
    expect((await call('address-lookup', account.ownerKey, parameters)).json().charged.unitNetCents).toBe(
      120,
    );
    t.clock.advance(hours(1));
    const later = await call('address-lookup', account.ownerKey, parameters);
    expect(later.json().charged).toEqual({ quantity: 1, unitNetCents: 135, vatRateBp: 700 });
    const [last] = (await eventsOf(addressId)).slice(-1);
    expect([last?.unitNetCents, last?.vatRateBp]).toEqual([135, 700]);
  });

  it('an event at 23:30 UTC on the last day of the month is billed in the next month in Berlin', async () => {
    const now = t.clock.now();
    const target = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1) - 30 * 60_000; // 23:30 UTC, last day
    t.clock.advance(target - now.getTime());
    const answered = await call('address-lookup', account.ownerKey, { city: 'Berlin' });
    const event = await t.db
      .selectFrom('usageEvents')
      .selectAll()
      .where('id', '=', answered.json().usageEventId)
      .executeTakeFirstOrThrow();
    expect(event.occurredAt).toMatch(/T23:30:00\.000Z$/);
    const next = new Date(target + hours(1)).toISOString().slice(0, 7);
    expect(event.billingMonth).toBe(next);
  });

  it('a retry with the same key gets the first answer, byte for byte, and is charged once', async () => {
    const before = (await eventsOf(addressId)).length;
    const first = await call('address-lookup', account.ownerKey, { city: 'Köln' }, 'retry-me');
    t.clock.advance(60_000);
    const again = await call('address-lookup', account.ownerKey, { city: 'Köln' }, 'retry-me');
    expect([again.statusCode, again.body]).toEqual([first.statusCode, first.body]);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    // The same parameters in another order are the same request.
    const reordered = await program.request({
      method: 'POST',
      url: requests('address-lookup'),
      payload: '{"city":"Köln"}',
      headers: {
        ...bearer(account.ownerKey),
        'idempotency-key': 'retry-me',
        'content-type': 'application/json',
      },
    });
    expect(reordered.body).toBe(first.body);
    expect((await eventsOf(addressId)).length - before).toBe(1);
  });

  it('two requests with one key at the same moment: one event, the same answer for both', async () => {
    const before = (await eventsOf(addressId)).length;
    const answers = await Promise.all(
      Array.from({ length: 4 }, () =>
        call('address-lookup', account.ownerKey, { city: 'Leipzig' }, 'at-once'),
      ),
    );
    expect(answers.map((answer) => answer.statusCode)).toEqual([200, 200, 200, 200]);
    expect(new Set(answers.map((answer) => answer.body)).size).toBe(1);
    expect((await eventsOf(addressId)).length - before).toBe(1);
  });

  it('the same key with another body, service or user is refused with 422', async () => {
    await call('address-lookup', account.ownerKey, { city: 'Hamburg' }, 'reused');
    const otherBody = await call('address-lookup', account.ownerKey, { city: 'München' }, 'reused');
    expect([otherBody.statusCode, otherBody.json().code]).toEqual([422, 'GATEWAY_IDEMPOTENCY_KEY_REUSED']);
    const otherService = await call('person-info', account.ownerKey, { city: 'Hamburg' }, 'reused');
    expect(otherService.json().code).toBe('GATEWAY_IDEMPOTENCY_KEY_REUSED');
    const otherUser = await call('address-lookup', colleague.credentials, { city: 'Hamburg' }, 'reused');
    expect(otherUser.json().code).toBe('GATEWAY_IDEMPOTENCY_KEY_REUSED');
    expect(await eventsOfKey('reused')).toHaveLength(1);
  });

  it("keys belong to the account: another account's request with the same key is its own, and charged to it", async () => {
    const other = await programAccount(t.app, { email: 'eva@steuer.test', companyName: 'Steuerbüro Eva' });
    await subscribe(t.db, { accountId: other.accountId, serviceId: addressId });
    const ours = await call('address-lookup', account.ownerKey, { city: 'Berlin' }, 'shared-key');
    const theirs = await call('address-lookup', other.ownerKey, { city: 'Berlin' }, 'shared-key');
    expect([ours.statusCode, theirs.statusCode]).toEqual([200, 200]);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect(theirs.json().usageEventId).not.toBe(ours.json().usageEventId);
    const events = await eventsOfKey('shared-key');
    expect(events.map((event) => event.accountId).sort()).toEqual(
      [account.accountId, other.accountId].sort(),
    );
  });

  it('the demo adapter answers the same request alike and labels every answer as demo', async () => {
    const a = await call('address-lookup', account.ownerKey, { street: 'Gartenweg' });
    const b = await call('address-lookup', account.ownerKey, { street: 'Gartenweg' });
    const c = await call('address-lookup', account.ownerKey, { street: 'Lindenallee' });
    expect(a.json().answer).toEqual(b.json().answer);
    expect(c.json().answer).not.toEqual(a.json().answer);
    const english = await call('address-lookup', account.ownerKey, {}, freshKey(), {
      'accept-language': 'en',
    });
    expect(english.json().answer).toMatchObject({ demo: true });
    // The owner's language (German here) wins over the browser's; the label is in it either way.
    expect(english.json().answer.notice).toMatch(/Demo/);
  });

  describe('through the HTTP adapter', () => {
    let httpId: string;
    beforeAll(async () => {
      httpId = await addService(t.db, {
        code: 'insurer-correspondence',
        adapter: 'http',
        providerUrl: provider.url,
      });
      await subscribe(t.db, { accountId: account.accountId, serviceId: httpId });
    });
    const answerWith = (status: number, text: string, delayMs = 0) => {
      provider.state.respond = (_request, response) => {
        setTimeout(() => {
          response.statusCode = status;
          response.setHeader('content-type', 'application/json');
          response.end(text);
        }, delayMs);
      };
    };
    const letter = { insurer: 'HUK-COBURG', claimNumber: 'S-42', text: 'Sehr geehrte Damen und Herren' };

    it('a provider failure is not charged and named; the retry with the key calls the provider again', async () => {
      const failures: [number, string, number, number, string][] = [
        [500, '{"error":"down"}', 0, 502, 'GATEWAY_PROVIDER_FAILED'],
        [200, 'not json', 0, 502, 'GATEWAY_PROVIDER_BAD_ANSWER'],
        [200, '[1,2,3]', 0, 502, 'GATEWAY_PROVIDER_BAD_ANSWER'],
        [200, '{"late":true}', 800, 504, 'GATEWAY_PROVIDER_TIMEOUT'],
      ];
      for (const [status, text, delay, expected, code] of failures) {
        answerWith(status, text, delay);
        const failed = await call('insurer-correspondence', account.ownerKey, letter, 'letter-1');
        expect([failed.statusCode, failed.json().code]).toEqual([expected, code]);
        expect(failed.json().message).toMatch(/nichts berechnet/);
      }
      expect(await eventsOf(httpId)).toEqual([]);

      answerWith(200, '{"status":"delivered","reference":"HUK-1"}');
      const calls = provider.state.calls;
      const answered = await call('insurer-correspondence', account.ownerKey, letter, 'letter-1');
      expect(answered.statusCode, answered.body).toBe(200);
      expect(answered.json().answer).toEqual({ status: 'delivered', reference: 'HUK-1' });
      expect(provider.state.calls).toBe(calls + 1);
      expect(provider.state.bodies.at(-1)).toEqual(letter);
      // Charged once, and from now on the key answers from Kontor without asking the provider.
      const again = await call('insurer-correspondence', account.ownerKey, letter, 'letter-1');
      expect(again.body).toBe(answered.body);
      expect(provider.state.calls).toBe(calls + 1);
      const events = await eventsOf(httpId);
      expect(events.map((event) => [event.id, event.reference])).toEqual([
        [(await eventsOfKey('letter-1'))[0]?.id, 'HUK-COBURG, S-42'],
      ]);
    });

    it('a second request while the first still waits for its provider gets 409 with Retry-After', async () => {
      // Slower than the gateway waits for a first request (2 s), faster than the provider timeout.
      const slow = await buildTestApp({ db: dialect, env: { GATEWAY_TIMEOUT_MS: '5000' } });
      try {
        const other = await programAccount(slow.app, {
          email: 'eva@steuer.test',
          companyName: 'Steuerbüro Eva',
        });
        const serviceId = await addService(slow.db, {
          code: 'insurer-correspondence',
          adapter: 'http',
          providerUrl: provider.url,
        });
        await subscribe(slow.db, { accountId: other.accountId, serviceId });
        answerWith(200, '{"status":"delivered"}', 2_600);
        const client = new TestClient(slow.app);
        const send = () =>
          client.request({
            method: 'POST',
            url: requests('insurer-correspondence'),
            payload: letter,
            headers: { ...bearer(other.ownerKey), 'idempotency-key': 'slow-letter' },
          });
        const first = send();
        await new Promise((resolve) => setTimeout(resolve, 100));
        const second = await send();
        expect([second.statusCode, second.json().code]).toEqual([409, 'GATEWAY_REQUEST_IN_PROGRESS']);
        expect(second.headers['retry-after']).toBe('1');
        const answered = await first;
        expect(answered.statusCode).toBe(200);
        const retried = await send();
        expect(retried.body).toBe(answered.body);
        expect(await slow.db.selectFrom('usageEvents').select('id').execute()).toHaveLength(1);
      } finally {
        await slow.close();
      }
    }, 20_000);
  });

  // Last: it moves the clock by months.
  it('keeps a key for the retention after its last use; a retry after that is a new, charged request', async () => {
    const retention = t.app.kontor.gatewayRetention;
    const before = (await eventsOf(addressId)).length;
    const first = await call('address-lookup', account.ownerKey, { city: 'Jena' }, 'kept-for-90-days');
    const record = () =>
      t.db
        .selectFrom('gatewayRequests')
        .select('id')
        .where('idempotencyKey', '=', 'kept-for-90-days')
        .execute();
    t.clock.advance(days(90) - 1_000);
    await retention.forgetExpired(); // the earlier tests' records, made weeks before on the moved clock
    expect(await record()).toHaveLength(1);
    const replayed = await call('address-lookup', account.ownerKey, { city: 'Jena' }, 'kept-for-90-days');
    expect([replayed.body, replayed.headers['idempotent-replayed']]).toEqual([first.body, 'true']);
    t.clock.advance(2_000);
    expect(await retention.forgetExpired()).toBeGreaterThanOrEqual(1);
    expect(await record()).toEqual([]);
    const anew = await call('address-lookup', account.ownerKey, { city: 'Jena' }, 'kept-for-90-days');
    expect([anew.statusCode, anew.headers['idempotent-replayed']]).toEqual([200, undefined]);
    expect(anew.json().usageEventId).not.toBe(first.json().usageEventId);
    // The charged events stay: they are what invoices are made of.
    expect((await eventsOf(addressId)).length - before).toBe(2);
    expect(await record()).toHaveLength(1);
  });
});
