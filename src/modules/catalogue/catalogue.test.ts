// P4, D1: the operators' catalogue. Only operators keep it; codes are checked and fixed once created; every
// field's refusal is named in the operator's language; prices are only added, never in the past, and the
// one that holds is the latest that has started. Every change is audited with the operator as actor.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildTestApp, describeEachDatabase, type TestApp } from '../../../test/helpers/build-test-app.ts';
import { signedInOperator, signedInOwner, TestClient } from '../../../test/helpers/test-client.ts';
import { minutes } from '../../shared/clock.ts';
import { seedDemoCatalogue } from './demo-catalogue.ts';

const addressLookup = {
  code: 'address-lookup',
  names: { de: 'Adressermittlung', en: 'Address look-up', hu: 'Címkeresés' },
  unit: 'request',
  adapter: 'demo',
};

describeEachDatabase('catalogue', (dialect) => {
  let t: TestApp;
  let operator: TestClient;
  const services = '/api/v1/operator/services';
  beforeEach(async () => {
    t = await buildTestApp({ db: dialect });
    operator = (await signedInOperator(t.app)).client;
  });
  afterEach(() => t.close());

  const create = (body: object) => operator.post(services, body);
  const patch = (id: string, payload: object) =>
    operator.request({ method: 'PATCH', url: `${services}/${id}`, payload });
  const addPrice = (id: string, body: object) => operator.post(`${services}/${id}/prices`, body);
  const audited = () =>
    t.db
      .selectFrom('auditEvents')
      .select(['action', 'actorType', 'accountId', 'targetId', 'details'])
      .where('action', 'like', 'service.%')
      .orderBy('createdAt')
      .execute();

  it('an operator adds a service, changes it and reads it back; each change is audited as the operator', async () => {
    const created = await create({
      ...addressLookup,
      names: { ...addressLookup.names, en: '  Address   look-up ' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    expect(created.json()).toMatchObject({
      code: 'address-lookup',
      names: { de: 'Adressermittlung', en: 'Address look-up', hu: 'Címkeresés' },
      unit: 'request',
      adapter: 'demo',
      providerUrl: null,
      active: true,
      currentPrice: null,
      prices: [],
    });

    const changed = await patch(id, {
      adapter: 'http',
      providerUrl: 'https://provider.example/lookup',
      unit: 'page',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({
      adapter: 'http',
      providerUrl: 'https://provider.example/lookup',
      unit: 'page',
    });
    expect((await patch(id, { active: false })).json().active).toBe(false);
    // Back to demo: the provider URL goes with the adapter.
    expect((await patch(id, { adapter: 'demo' })).json()).toMatchObject({
      adapter: 'demo',
      providerUrl: null,
    });

    const listed = (await operator.get(services)).json().items;
    expect(listed).toEqual([expect.objectContaining({ id, code: 'address-lookup', active: false })]);
    expect((await operator.get(`${services}/${id}`)).json()).toMatchObject({ id, unit: 'page' });

    const events = await audited();
    expect(events.map((event) => event.action)).toEqual([
      'service.created',
      'service.changed',
      'service.changed',
      'service.changed',
    ]);
    for (const event of events)
      expect(event).toMatchObject({ actorType: 'operator', accountId: null, targetId: id });
    expect(JSON.parse(events[1]?.details ?? '{}')).toEqual({ fields: ['unit', 'adapter', 'providerUrl'] });
    // The operators' log shows them.
    const log = (await operator.get('/api/v1/operator/audit?action=service.created')).json().items;
    expect(log).toEqual([
      expect.objectContaining({ target: expect.objectContaining({ name: 'address-lookup' }) }),
    ]);
  });

  it('the code is fixed once created, unique, and of lowercase letters, digits and dashes', async () => {
    const id = (await create(addressLookup)).json().id as string;
    const renamed = await patch(id, { code: 'other' });
    expect(renamed.statusCode).toBe(400);
    expect(renamed.json().details).toContainEqual(
      expect.objectContaining({ field: 'code', code: 'additionalProperties' }),
    );

    const taken = await create({ ...addressLookup, names: { de: 'X', en: 'X', hu: 'X' } });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({
      code: 'SERVICE_CODE_TAKEN',
      details: [{ field: 'code', code: 'SERVICE_CODE_TAKEN' }],
    });
    for (const code of ['Address', 'address_lookup', '-sms', 'sms-', 'a--b', 'sms lookup', 'ümlaut']) {
      const refused = await create({ ...addressLookup, code });
      expect({ code, status: refused.statusCode }).toEqual({ code, status: 400 });
      expect(refused.json().details).toContainEqual(
        expect.objectContaining({ field: 'code', code: 'SERVICE_CODE_INVALID' }),
      );
    }
    expect((await create({ ...addressLookup, code: 'sms-2' })).statusCode).toBe(201);
    expect(await t.db.selectFrom('services').select('code').orderBy('code').execute()).toEqual([
      { code: 'address-lookup' },
      { code: 'sms-2' },
    ]);
  });

  it('names every refused field at once, in the operator’s language, and writes nothing', async () => {
    const hungarian = (await signedInOperator(t.app, { email: 'hu@kontor.test', locale: 'hu' })).client;
    const refused = await hungarian.post(services, {
      code: 'Rossz Kód',
      names: { de: 'Adressermittlung', en: ' ', hu: '' },
      unit: 'request',
      adapter: 'http',
    });
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json().message).toBe('Kérjük, ellenőrizze a megjelölt mezőket.');
    expect(
      refused
        .json()
        .details.map((detail: { field: string }) => detail.field)
        .sort(),
    ).toEqual(['code', 'names.en', 'names.hu', 'providerUrl']);
    expect(refused.json().details).toContainEqual(
      expect.objectContaining({
        field: 'providerUrl',
        message: 'A HTTP-adapterhez meg kell adni a szolgáltató címét.',
      }),
    );
    const german = (await signedInOperator(t.app, { email: 'de@kontor.test', locale: 'de' })).client;
    for (const providerUrl of [
      'ftp://provider.example',
      'javascript:alert(1)',
      'provider.example/api',
      'https://',
    ]) {
      const bad = await german.post(services, { ...addressLookup, adapter: 'http', providerUrl });
      expect({ providerUrl, status: bad.statusCode }).toEqual({ providerUrl, status: 400 });
      expect(bad.json().details).toEqual([
        expect.objectContaining({
          field: 'providerUrl',
          code: 'SERVICE_PROVIDER_URL_INVALID',
          message: expect.stringContaining('http:// oder https://'),
        }),
      ]);
    }
    const unit = await german.post(services, { ...addressLookup, unit: 'hour' });
    expect(unit.json().details).toContainEqual(expect.objectContaining({ field: 'unit', code: 'enum' }));
    expect(await t.db.selectFrom('services').selectAll().execute()).toEqual([]);
    expect(await audited()).toEqual([]);
  });

  it('a change is checked as a whole: switching to http without a URL is refused', async () => {
    const id = (await create(addressLookup)).json().id as string;
    const refused = await patch(id, { adapter: 'http' });
    expect(refused.json().details).toEqual([
      expect.objectContaining({ field: 'providerUrl', code: 'SERVICE_PROVIDER_URL_REQUIRED' }),
    ]);
    expect((await patch(id, { names: { ...addressLookup.names, de: '' } })).json().details).toEqual([
      expect.objectContaining({ field: 'names.de', code: 'SERVICE_NAME_BLANK' }),
    ]);
    expect((await patch(id, {})).statusCode).toBe(400);
    expect((await patch('00000000-0000-0000-0000-000000000000', { active: false })).statusCode).toBe(404);
    expect(await t.db.selectFrom('services').select(['adapter', 'nameDe']).execute()).toEqual([
      { adapter: 'demo', nameDe: 'Adressermittlung' },
    ]);
  });

  it('prices are added from now or later, never in the past; the one that holds is the latest started', async () => {
    const id = (await create(addressLookup)).json().id as string;
    const now = t.clock.now();
    const first = await addPrice(id, { netCents: 35, vatRateBp: 1900 });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      netCents: 35,
      vatRateBp: 1900,
      grossCents: 42,
      validFrom: now.toISOString(),
    });
    const later = new Date(now.getTime() + minutes(20)).toISOString();
    expect((await addPrice(id, { netCents: 40, vatRateBp: 700, validFrom: later })).json()).toMatchObject({
      grossCents: 43,
      validFrom: later,
    });

    const past = await addPrice(id, {
      netCents: 30,
      vatRateBp: 1900,
      validFrom: new Date(now.getTime() - 1000).toISOString(),
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().details).toEqual([
      expect.objectContaining({ field: 'validFrom', code: 'PRICE_VALID_FROM_PAST' }),
    ]);
    const same = await addPrice(id, { netCents: 45, vatRateBp: 1900, validFrom: later });
    expect(same.statusCode).toBe(409);
    expect(same.json().details).toEqual([
      expect.objectContaining({ field: 'validFrom', code: 'PRICE_VALID_FROM_TAKEN' }),
    ]);
    for (const body of [
      { netCents: -1, vatRateBp: 1900 },
      { netCents: 1.5, vatRateBp: 1900 },
      { netCents: 35, vatRateBp: 10_001 },
      { netCents: 35, vatRateBp: 1900, validFrom: 'tomorrow' },
    ]) {
      expect({ body, status: (await addPrice(id, body)).statusCode }).toEqual({ body, status: 400 });
    }

    const detail = async () => (await operator.get(`${services}/${id}`)).json();
    expect(await detail()).toMatchObject({
      currentPrice: { netCents: 35, vatRateBp: 1900 },
      nextPrice: { netCents: 40, vatRateBp: 700, validFrom: later },
    });
    expect((await detail()).prices.map((row: { netCents: number }) => row.netCents)).toEqual([40, 35]);
    t.clock.advance(minutes(20) - minutes(1));
    expect((await detail()).currentPrice.netCents).toBe(35);
    t.clock.advance(minutes(1));
    expect(await detail()).toMatchObject({ currentPrice: { netCents: 40 }, nextPrice: null });
    expect((await operator.get(services)).json().items[0].currentPrice.netCents).toBe(40);
    // Prices are never changed or removed: there is no such route.
    const priceId = first.json().id as string;
    for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
      const response = await operator.request({
        method,
        url: `${services}/${id}/prices/${priceId}`,
        payload: {},
      });
      expect(response.statusCode).toBe(404);
    }
    expect(await t.db.selectFrom('prices').select('netCents').orderBy('validFrom').execute()).toEqual([
      { netCents: 35 },
      { netCents: 40 },
    ]);
    expect((await audited()).filter((event) => event.action === 'service.price_added')).toHaveLength(2);
    expect(
      (await addPrice('00000000-0000-0000-0000-000000000000', { netCents: 1, vatRateBp: 0 })).statusCode,
    ).toBe(404);
  });

  it('customers and anonymous callers cannot read or change the catalogue', async () => {
    const id = (await create(addressLookup)).json().id as string;
    const owner = (await signedInOwner(t.app)).client;
    for (const client of [owner, new TestClient(t.app)]) {
      expect((await client.get(services)).statusCode).toBe(401);
      expect((await client.post(services, { ...addressLookup, code: 'sms' })).statusCode).toBe(401);
      expect(
        (await client.request({ method: 'PATCH', url: `${services}/${id}`, payload: { active: false } }))
          .statusCode,
      ).toBe(401);
      expect((await client.post(`${services}/${id}/prices`, { netCents: 1, vatRateBp: 0 })).statusCode).toBe(
        401,
      );
    }
    expect(await t.db.selectFrom('services').select(['code', 'active']).execute()).toEqual([
      { code: 'address-lookup', active: 1 },
    ]);
    expect(await t.db.selectFrom('prices').selectAll().execute()).toEqual([]);
  });

  it('the demo catalogue fills an empty catalogue once, at 19 % on the demo adapter', async () => {
    expect(await seedDemoCatalogue(t.db, t.clock)).toBe(5);
    expect(await seedDemoCatalogue(t.db, t.clock)).toBe(0);
    const items = (await operator.get(services)).json().items as {
      code: string;
      adapter: string;
      currentPrice: { netCents: number; vatRateBp: number };
    }[];
    expect(
      items.map((item) => [item.code, item.adapter, item.currentPrice.netCents, item.currentPrice.vatRateBp]),
    ).toEqual([
      ['address-lookup', 'demo', 35, 1900],
      ['company-information', 'demo', 250, 1900],
      ['insurer-correspondence', 'demo', 90, 1900],
      ['person-information', 'demo', 120, 1900],
      ['sms', 'demo', 9, 1900],
    ]);
  });

  it('the demo catalogue leaves a catalogue an operator has started alone', async () => {
    await create({ ...addressLookup, code: 'own-service' });
    expect(await seedDemoCatalogue(t.db, t.clock)).toBe(0);
    expect(await t.db.selectFrom('services').select('code').execute()).toEqual([{ code: 'own-service' }]);
  });
});
