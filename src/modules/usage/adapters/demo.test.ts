import { expect, it } from 'vitest';
import { demoAdapter } from './demo.ts';

const call = (serviceCode: string, parameters: Record<string, unknown>, locale: 'de' | 'en' | 'hu' = 'en') =>
  demoAdapter.call(
    { serviceCode, parameters, providerUrl: null, idempotencyKey: 'k', locale },
    { signal: new AbortController().signal },
  );

it('answers every kind of service with sample data from the input, labelled as demo', async () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['address-lookup', { street: 'Gartenweg', postalCode: '10115', city: 'Berlin' }, 'address'],
    ['person-info', { firstName: 'Anna', lastName: 'Berger' }, 'person'],
    ['company-info', { name: 'Muster GmbH' }, 'company'],
    ['insurer-correspondence', { insurer: 'HUK-COBURG', claimNumber: 'S-1' }, 'letter'],
    ['sms', { to: '+491701234567', text: 'x'.repeat(200) }, 'sms'],
    ['something-else', { a: 1 }, 'received'],
  ];
  for (const [code, parameters, field] of cases) {
    const answer = await call(code, parameters);
    expect(answer.demo, code).toBe(true);
    expect(answer.notice).toMatch(/^Demo data/);
    expect(answer, code).toHaveProperty(field);
  }
  expect(await call('address-lookup', { city: 'Berlin' })).toMatchObject({ address: { city: 'Berlin' } });
  expect(await call('company-info', { name: 'Muster GmbH' })).toMatchObject({
    company: { name: 'Muster GmbH' },
  });
  expect(await call('sms', { to: '+491701234567', text: 'x'.repeat(200) })).toMatchObject({
    sms: { to: '+491701234567', segments: 2 },
  });
});

it('is deterministic: the same request the same answer, key order aside; another request another', async () => {
  const first = await call('person-info', { lastName: 'Berger', firstName: 'Anna' });
  expect(await call('person-info', { firstName: 'Anna', lastName: 'Berger' })).toEqual(first);
  expect(await call('person-info', { firstName: 'Anna', lastName: 'Bergér' })).not.toEqual(first);
  expect(await call('company-info', {})).toEqual(await call('company-info', {}));
  expect(await call('company-info', {})).not.toEqual(await call('company-info', { register: 'HRB 1' }));
});

it('says it is demo data in the caller’s language', async () => {
  expect((await call('sms', {}, 'de')).notice).toMatch(/^Demodaten/);
  expect((await call('sms', {}, 'hu')).notice).toMatch(/^Bemutató adatok/);
});
