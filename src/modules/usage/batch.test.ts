// Issue 12.4: usage events from the account's own meter, on both databases: each event accepted, a
// duplicate, or refused with its reason; idempotent per account and key across calls and concurrently.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, describeEachDatabase, type TestApp } from '../../../test/helpers/build-test-app.ts';
import { TestClient } from '../../../test/helpers/test-client.ts';
import { minutes } from '../../shared/clock.ts';
import {
  addPrice,
  addService,
  bearer,
  type Credentials,
  programAccount,
  subscribe,
} from './usage.test-support.ts';

const url = '/api/program/v1/usage-events';
let keyCount = 0;
const freshKey = () => `meter-${++keyCount}`;

describeEachDatabase('usage events from a meter', (dialect) => {
  let t: TestApp;
  let account: Awaited<ReturnType<typeof programAccount>>;
  let foreignUserNumber: string;
  let member: { id: string; credentials: Credentials };
  let lea: { id: string; credentials: Credentials };
  let smsId: string;
  const program = () => new TestClient(t.app);
  const send = (events: unknown[], credentials: Credentials = account.ownerKey, language?: string) =>
    program().request({
      method: 'POST',
      url,
      payload: { events },
      headers: { ...bearer(credentials), ...(language ? { 'accept-language': language } : {}) },
    });
  const now = () => t.clock.now();
  const event = (overrides: Record<string, unknown> = {}) => ({
    idempotencyKey: freshKey(),
    serviceCode: 'sms',
    userNumber: account.ownerKey.userNumber,
    quantity: 1,
    occurredAt: now().toISOString(),
    ...overrides,
  });
  const rowsWith = (keys: string[]) =>
    t.db
      .selectFrom('usageEvents')
      .selectAll()
      .where(
        'idempotencyKey',
        'in',
        keys.map((key) => `batch:${key}`),
      )
      .execute();

  beforeAll(async () => {
    t = await buildTestApp({ db: dialect, env: { DEFAULT_SEAT_LIMIT: '20' } });
    account = await programAccount(t.app);
    member = await account.addUser(['services.use']);
    lea = await account.addUser([], { firstName: 'Lea', lastName: 'Lang' });
    const foreign = await programAccount(t.app, { email: 'eva@steuer.test', companyName: 'Steuerbüro Eva' });
    foreignUserNumber = foreign.ownerKey.userNumber;
    smsId = await addService(t.db, { code: 'sms', netCents: 9, validFrom: '2020-01-01T00:00:00.000Z' });
    await addPrice(t.db, smsId, 11, '2026-01-03T00:00:00.000Z', 1900);
    await subscribe(t.db, { accountId: account.accountId, serviceId: smsId });
    await subscribe(t.db, { accountId: foreign.accountId, serviceId: smsId });
    await addService(t.db, { code: 'company-info' }); // nobody subscribes
    const letters = await addService(t.db, { code: 'letters', netCents: null });
    await subscribe(t.db, { accountId: account.accountId, serviceId: letters });
    await addPrice(t.db, letters, 80, '2026-01-05T00:00:00.000Z');
    const personal = await addService(t.db, { code: 'person-info' });
    await subscribe(t.db, { accountId: account.accountId, serviceId: personal, userId: lea.id });
  });
  afterAll(() => t.close());

  it("needs an admin's key", async () => {
    const refused = await send([event()], member.credentials);
    expect([refused.statusCode, refused.json().code]).toEqual([403, 'PROGRAM_ADMIN_REQUIRED']);
    expect((await send([event()], { ...account.ownerKey, accessKey: 'nope' })).statusCode).toBe(401);
  });

  it('records the events at the price of each one’s moment, with the user’s number and name', async () => {
    const events = [
      event({ occurredAt: '2026-01-02T10:00:00Z', quantity: 3, reference: 'SMS an Mandant 4711' }),
      event({ occurredAt: '2026-01-04T10:00:00+01:00', userNumber: lea.credentials.userNumber }),
      event({ serviceCode: 'person-info', userNumber: lea.credentials.userNumber }),
    ];
    const answered = await send(events);
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toMatchObject({ accepted: 3, duplicates: 0, refused: 0 });
    expect(answered.json().results).toEqual(
      events.map((sent, index) => ({ index, idempotencyKey: sent.idempotencyKey, status: 'accepted' })),
    );
    const rows = await rowsWith(events.map((sent) => sent.idempotencyKey));
    const byKey = new Map(rows.map((row) => [row.idempotencyKey.slice('batch:'.length), row]));
    expect(byKey.get(events[0]?.idempotencyKey ?? '')).toMatchObject({
      accountId: account.accountId,
      userId: account.ownerId,
      userNumber: account.ownerKey.userNumber,
      userName: 'Dr. Justus Jura',
      serviceId: smsId,
      quantity: 3,
      unitNetCents: 9,
      vatRateBp: 1900,
      occurredAt: '2026-01-02T10:00:00.000Z',
      billingMonth: '2026-01',
      recordedAt: now().toISOString(),
      source: 'batch',
      reference: 'SMS an Mandant 4711',
      invoiceId: null,
    });
    expect(byKey.get(events[1]?.idempotencyKey ?? '')).toMatchObject({
      userName: 'Lea Lang',
      unitNetCents: 11,
      occurredAt: '2026-01-04T09:00:00.000Z',
    });
  });

  it('names every refusal per event, by index and code, and records only the rest', async () => {
    const closedMonth = '2025-11-15T10:00:00Z';
    const inSixMinutes = new Date(now().getTime() + minutes(6)).toISOString();
    const inFourMinutes = new Date(now().getTime() + minutes(4)).toISOString();
    const cases: [unknown, string, string?][] = [
      [event(), 'accepted'],
      ['not an event', 'USAGE_EVENT_INVALID', 'event'],
      [{ ...event(), idempotencyKey: undefined }, 'USAGE_EVENT_INVALID', 'idempotencyKey'],
      [{ ...event(), idempotencyKey: 'ä-key' }, 'USAGE_EVENT_INVALID', 'idempotencyKey'],
      [event({ price: 0 }), 'USAGE_EVENT_INVALID', 'price'],
      [event({ quantity: 0 }), 'USAGE_EVENT_QUANTITY_INVALID', 'quantity'],
      [event({ quantity: -3 }), 'USAGE_EVENT_QUANTITY_INVALID', 'quantity'],
      [event({ quantity: 1_000_001 }), 'USAGE_EVENT_QUANTITY_INVALID', 'quantity'],
      [event({ quantity: 1.5 }), 'USAGE_EVENT_QUANTITY_INVALID', 'quantity'],
      [event({ quantity: 1e308 }), 'USAGE_EVENT_QUANTITY_INVALID', 'quantity'],
      [event({ quantity: '2' }), 'USAGE_EVENT_INVALID', 'quantity'],
      [event({ occurredAt: inSixMinutes }), 'USAGE_EVENT_IN_FUTURE'],
      [event({ occurredAt: inFourMinutes }), 'accepted'],
      [event({ occurredAt: closedMonth }), 'USAGE_EVENT_MONTH_CLOSED'],
      [event({ occurredAt: 'yesterday' }), 'USAGE_EVENT_INVALID', 'occurredAt'],
      [event({ occurredAt: '2026-01-05T08:00:00' }), 'USAGE_EVENT_INVALID', 'occurredAt'],
      [event({ serviceCode: 'no-such-service' }), 'USAGE_EVENT_SERVICE_UNKNOWN'],
      [event({ userNumber: '9999999' }), 'USAGE_EVENT_USER_UNKNOWN'],
      [event({ userNumber: foreignUserNumber }), 'USAGE_EVENT_USER_UNKNOWN'],
      [event({ userNumber: '12' }), 'USAGE_EVENT_INVALID', 'userNumber'],
      [event({ serviceCode: 'company-info' }), 'USAGE_EVENT_NOT_SUBSCRIBED'],
      [event({ serviceCode: 'person-info' }), 'USAGE_EVENT_NOT_SUBSCRIBED'],
      [event({ serviceCode: 'letters', occurredAt: '2026-01-04T10:00:00Z' }), 'USAGE_EVENT_NOT_PRICED'],
      [event({ serviceCode: 'letters' }), 'accepted'],
      [event({ reference: 'line\nbreak' }), 'USAGE_EVENT_INVALID', 'reference'],
      [event({ reference: 'x'.repeat(201) }), 'USAGE_EVENT_INVALID', 'reference'],
    ];
    const answered = await send(
      cases.map(([sent]) => sent),
      account.ownerKey,
      'en',
    );
    expect(answered.statusCode, answered.body).toBe(200);
    const results = answered.json().results as {
      index: number;
      status: string;
      code?: string;
      field?: string;
    }[];
    expect(results.map((result) => [result.index, result.code ?? result.status, result.field])).toEqual(
      cases.map(([, expected, field], index) => [index, expected, field]),
    );
    expect(answered.json()).toMatchObject({ accepted: 3, duplicates: 0, refused: cases.length - 3 });
    // In the owner's language (German), which wins over the program's Accept-Language.
    expect(answered.json().results[11].message).toBe(
      'Das Ereignis liegt mehr als 5 Minuten in der Zukunft. Bitte prüfen Sie die Uhr des Zählers.',
    );
    expect(answered.json().results[3].idempotencyKey).toBeNull();
    expect(answered.json().results[5].idempotencyKey).toBe(
      (cases[5]?.[0] as { idempotencyKey?: string } | undefined)?.idempotencyKey,
    );
    const keys = cases.flatMap(([sent]) => {
      const key = (sent as { idempotencyKey?: unknown } | null)?.idempotencyKey;
      return typeof key === 'string' ? [key] : [];
    });
    expect((await rowsWith(keys)).length).toBe(3);
  });

  it('a key is recorded once: duplicates within a call, across calls and at the same moment', async () => {
    const [a, b, c] = [freshKey(), freshKey(), freshKey()];
    const first = await send([
      event({ idempotencyKey: a }),
      event({ idempotencyKey: b }),
      event({ idempotencyKey: a }),
    ]);
    expect(first.json().results.map((result: { status: string }) => result.status)).toEqual([
      'accepted',
      'accepted',
      'duplicate',
    ]);
    // A refused event does not make its key taken: the corrected one is accepted.
    const second = await send([
      event({ idempotencyKey: c, quantity: 0 }),
      event({ idempotencyKey: b, quantity: 7 }),
      event({ idempotencyKey: c }),
    ]);
    expect(second.json()).toMatchObject({ accepted: 1, duplicates: 1, refused: 1 });
    expect((await rowsWith([a, b, c])).map((row) => row.quantity).sort()).toEqual([1, 1, 1]);

    // 150: a prepared chunk of 100 and the rest, in one transaction.
    const together = Array.from({ length: 150 }, () => event());
    const answers = await Promise.all([send(together), send(together), send(together.slice(0, 10))]);
    const totals = answers.map((answer) => answer.json());
    expect(totals.reduce((sum, total) => sum + total.accepted, 0)).toBe(150);
    expect(totals.reduce((sum, total) => sum + total.duplicates, 0)).toBe(160);
    expect(await rowsWith(together.map((sent) => sent.idempotencyKey))).toHaveLength(150);
  });

  it('1,000 events are taken in one call; 1,001 are refused as a whole', async () => {
    const thousand = Array.from({ length: 1_000 }, (_, index) =>
      event({ reference: `Akte ${index}`, idempotencyKey: `bulk-${index}-${'k'.repeat(180)}` }),
    );
    const accepted = await send(thousand);
    expect(accepted.statusCode, accepted.body.slice(0, 300)).toBe(200);
    expect(accepted.json().accepted).toBe(1_000);
    const tooMany = [
      ...thousand.map((sent) => ({ ...sent, idempotencyKey: `more-${sent.idempotencyKey}` })),
      event(),
    ];
    const refused = await send(tooMany, account.ownerKey, 'de');
    expect([refused.statusCode, refused.json().code]).toEqual([400, 'USAGE_BATCH_TOO_LARGE']);
    expect(refused.json().message).toMatch(/höchstens 1000/);
    expect(await rowsWith(tooMany.map((sent) => sent.idempotencyKey))).toEqual([]);
  });

  describe('billing months in the account’s time zone (Europe/Berlin)', () => {
    it('23:30 UTC on the last day is the next month; the last month stays open 3 days, then closes', async () => {
      t.clock.advance(Date.parse('2026-02-01T00:10:00.000Z') - now().getTime());
      const lateEvening = event({ occurredAt: '2026-01-31T22:30:00Z' }); // 23:30 in Berlin: January
      const midnight = event({ occurredAt: '2026-01-31T23:30:00Z' }); // 00:30 in Berlin: February
      const answered = await send([lateEvening, midnight]);
      expect(answered.json().accepted).toBe(2);
      const rows = await rowsWith([lateEvening.idempotencyKey, midnight.idempotencyKey]);
      expect(Object.fromEntries(rows.map((row) => [row.occurredAt, row.billingMonth]))).toEqual({
        '2026-01-31T22:30:00.000Z': '2026-01',
        '2026-01-31T23:30:00.000Z': '2026-02',
      });

      // The grace period of January ends at 4 February, 00:00 in Berlin (23:00 UTC on the 3rd).
      t.clock.advance(Date.parse('2026-02-03T22:59:00.000Z') - now().getTime());
      expect((await send([event({ occurredAt: '2026-01-20T10:00:00Z' })])).json().accepted).toBe(1);
      t.clock.advance(minutes(2));
      // Sent again once January is closed, the recorded ones are duplicates, not refusals.
      const retried = await send([lateEvening, midnight]);
      expect(retried.json().results.map((result: { status: string }) => result.status)).toEqual([
        'duplicate',
        'duplicate',
      ]);
      const closed = await send([
        event({ occurredAt: '2026-01-31T22:59:59Z' }),
        event({ occurredAt: '2026-01-31T23:00:00Z' }),
      ]);
      expect(
        closed
          .json()
          .results.map((result: { code?: string; status: string }) => result.code ?? result.status),
      ).toEqual(['USAGE_EVENT_MONTH_CLOSED', 'accepted']);
    });
  });
});
