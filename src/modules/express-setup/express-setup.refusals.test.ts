// T1 (issue 14): bad input to the express setup. Each refusal is a 400 naming its field in the caller's
// language, on both databases, and writes nothing (no row, no audit entry).
// Malformed MAC addresses (several forms), unknown phone models, bad time zones, countries and numbers.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildTestApp, describeEachDatabase, type TestApp } from '../../../test/helpers/build-test-app.ts';
import { accountIdOf, signedInOwner, type TestClient } from '../../../test/helpers/test-client.ts';

const myInformation = {
  mobilePhone: '0151 23456789',
  landlinePhone: '+49 (30) 1234567',
  locale: 'de',
  timeZone: 'Europe/Berlin',
  country: 'DE',
  dateFormat: 'DD.MM.YYYY',
  timeFormat: '24h',
};
const yealink = { manufacturer: 'yealink', model: 't54w', macAddress: '80-5E-C0-12-AB-CD' };

describeEachDatabase('express setup refusals', (dialect) => {
  let t: TestApp;
  let owner: TestClient;
  let accountId: string;
  let url: string;
  beforeEach(async () => {
    t = await buildTestApp({ db: dialect });
    owner = (await signedInOwner(t.app, { companyName: 'Muster GmbH' })).client;
    accountId = await accountIdOf(owner);
    url = `/api/v1/accounts/${accountId}/express-setup`;
  });
  afterEach(() => t.close());

  const audited = async () =>
    (
      await t.db
        .selectFrom('auditEvents')
        .select(['action', 'actorId', 'targetType', 'targetId', 'details'])
        .where('action', 'like', 'express_setup.%')
        .orderBy('createdAt')
        .execute()
    ).map((event) => event.action);
  const stored = async () => ({
    account: await t.db.selectFrom('expressAccountSettings').selectAll().execute(),
    users: await t.db.selectFrom('expressUserSettings').selectAll().execute(),
    phones: await t.db.selectFrom('expressPhones').selectAll().execute(),
    locales: await t.db.selectFrom('users').select(['id', 'locale']).orderBy('id').execute(),
  });

  type Refusal = [string, string, Record<string, unknown>, string, string];
  const refusals: Refusal[] = [
    [
      'a MAC address too short',
      'phones',
      { ...yealink, macAddress: '80-5E-C0-12-AB' },
      'macAddress',
      'EXPRESS_SETUP_MAC_MALFORMED',
    ],
    [
      'a MAC address too long',
      'phones',
      { ...yealink, macAddress: '805ec012abcdef' },
      'macAddress',
      'EXPRESS_SETUP_MAC_MALFORMED',
    ],
    [
      'a MAC address with non-hex digits',
      'phones',
      { ...yealink, macAddress: '80:5E:C0:12:AB:CG' },
      'macAddress',
      'EXPRESS_SETUP_MAC_MALFORMED',
    ],
    [
      'a MAC address with mixed separators',
      'phones',
      { ...yealink, macAddress: '80-5E:C0-12:AB-CD' },
      'macAddress',
      'EXPRESS_SETUP_MAC_MALFORMED',
    ],
    [
      'a multicast MAC address',
      'phones',
      { ...yealink, macAddress: '01:00:5E:00:00:FB' },
      'macAddress',
      'EXPRESS_SETUP_MAC_NOT_UNICAST',
    ],
    [
      'the broadcast MAC address',
      'phones',
      { ...yealink, macAddress: 'ff-ff-ff-ff-ff-ff' },
      'macAddress',
      'EXPRESS_SETUP_MAC_NOT_UNICAST',
    ],
    [
      'the all-zero MAC address',
      'phones',
      { ...yealink, macAddress: '0000.0000.0000' },
      'macAddress',
      'EXPRESS_SETUP_MAC_ZERO',
    ],
    [
      'a phone without MAC or serial',
      'phones',
      { ...yealink, macAddress: '' },
      'macAddress',
      'EXPRESS_SETUP_DEVICE_ID_REQUIRED',
    ],
    [
      'an unknown phone model',
      'phones',
      { ...yealink, model: 't99x' },
      'model',
      'EXPRESS_SETUP_MODEL_UNKNOWN',
    ],
    [
      'a model of another maker',
      'phones',
      { ...yealink, model: 'd785' },
      'model',
      'EXPRESS_SETUP_MODEL_UNKNOWN',
    ],
    [
      'an unknown manufacturer',
      'phones',
      { ...yealink, manufacturer: 'acme' },
      'manufacturer',
      'EXPRESS_SETUP_MANUFACTURER_UNKNOWN',
    ],
    [
      'an invalid time zone',
      'my-information',
      { ...myInformation, timeZone: 'Europe/Atlantis' },
      'timeZone',
      'EXPRESS_SETUP_TIME_ZONE_INVALID',
    ],
    [
      'an unknown country',
      'my-information',
      { ...myInformation, country: 'XX' },
      'country',
      'EXPRESS_SETUP_COUNTRY_INVALID',
    ],
    [
      'an invalid mobile number',
      'my-information',
      { ...myInformation, mobilePhone: '0151' },
      'mobilePhone',
      'EXPRESS_SETUP_PHONE_NUMBER_INVALID',
    ],
    [
      'letters for a landline number',
      'my-information',
      { ...myInformation, landlinePhone: 'call me' },
      'landlinePhone',
      'EXPRESS_SETUP_PHONE_NUMBER_INVALID',
    ],
    [
      'an unknown date format',
      'my-information',
      { ...myInformation, dateFormat: 'D.M.YY' },
      'dateFormat',
      'enum',
    ],
    [
      'an over-long company greeting',
      'company-greeting',
      { mode: 'custom', customText: 'a'.repeat(501) },
      'customText',
      'maxLength',
    ],
    [
      'a custom company greeting without text',
      'company-greeting',
      { mode: 'custom', customText: '   ' },
      'customText',
      'EXPRESS_SETUP_TEXT_BLANK',
    ],
    [
      'a line break in a greeting',
      'voicemail-greeting',
      { mode: 'custom', customText: 'Hallo\nWelt' },
      'customText',
      'pattern',
    ],
    [
      'an over-long voicemail greeting',
      'voicemail-greeting',
      { mode: 'custom', customText: 'b'.repeat(501) },
      'customText',
      'maxLength',
    ],
  ];
  it.each(refusals)(
    'refuses %s, naming the field, and writes nothing',
    async (_name, step, body, field, code) => {
      await owner.post(`${url}/phones`, { ...yealink, macAddress: '80:5E:C0:99:99:99' });
      const before = await stored();
      const auditBefore = await audited();
      const refused =
        step === 'phones' ? await owner.post(`${url}/phones`, body) : await owner.put(`${url}/${step}`, body);
      expect(refused.statusCode, refused.body).toBe(400);
      expect(refused.json().code).toBe('VALIDATION_FAILED');
      expect(refused.json().details).toContainEqual(expect.objectContaining({ field, code }));
      expect(await stored()).toEqual(before);
      expect(await audited()).toEqual(auditBefore);
    },
  );

  it('refuses a MAC address already in the account, and an operator from another account, in Hungarian', async () => {
    await owner.request({ method: 'PATCH', url: '/api/v1/me', payload: { locale: 'hu' } });
    await owner.post(`${url}/phones`, yealink);
    const twice = await owner.post(`${url}/phones`, { ...yealink, macAddress: '805e.c012.abcd' });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().details).toEqual([
      expect.objectContaining({
        field: 'macAddress',
        code: 'EXPRESS_SETUP_MAC_TAKEN',
        message: 'Ilyen MAC-című telefont már felvettek ebbe az ügyfélfiókba.',
      }),
    ]);

    const other = await signedInOwner(t.app, { email: 'chef@andere.test', companyName: 'Andere GmbH' });
    const stranger = (await other.client.get('/api/v1/auth/session')).json().user.id as string;
    const before = await stored();
    const refused = await owner.put(`${url}/operator`, { userId: stranger });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toBe('Kérjük, ellenőrizze a megjelölt mezőket.');
    expect(refused.json().details).toEqual([
      expect.objectContaining({
        field: 'userId',
        code: 'EXPRESS_SETUP_OPERATOR_UNKNOWN',
        message: 'Kérjük, válasszon egy felhasználót ebből az ügyfélfiókból.',
      }),
    ]);
    expect(await stored()).toEqual(before);
  });

  it('names every refused field of "my information" at once', async () => {
    const refused = await owner.put(`${url}/my-information`, {
      ...myInformation,
      mobilePhone: '+49 151 23456789',
      country: 'XX',
      timeZone: 'Mars/Olympus',
      landlinePhone: '12',
    });
    expect(refused.statusCode).toBe(400);
    expect(
      refused
        .json()
        .details.map((detail: { field: string }) => detail.field)
        .sort(),
    ).toEqual(['country', 'landlinePhone', 'timeZone']);
    expect((await stored()).users).toEqual([]);
  });
});
