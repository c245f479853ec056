// T1 (issue 14): the express setup. Defaults from the company and user names, each step saved and audited,
// the wizard's place kept on the server, account-wide steps for "account.edit" only, the rest the caller's
// own; every refusal names its field in the caller's language and writes nothing.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildTestApp, describeEachDatabase, type TestApp } from '../../../test/helpers/build-test-app.ts';
import {
  accountIdOf,
  signedInOwner,
  signedInUser,
  type TestClient,
} from '../../../test/helpers/test-client.ts';

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

describeEachDatabase('express setup', (dialect) => {
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

  const member = async (permissions: string[], username = 'mia') => {
    const made = await signedInUser(t.app, owner, accountId, {
      username,
      email: `${username}@jura.test`,
      firstName: 'Mia',
      lastName: 'Muster',
    });
    const granted = await owner.request({
      method: 'PUT',
      url: `/api/v1/accounts/${accountId}/users/${made.user.id}/permissions`,
      payload: { permissions },
    });
    expect(granted.statusCode, granted.body).toBe(200);
    return made;
  };
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

  it('starts open at the company greeting, with defaults from the company and the user', async () => {
    const state = await owner.get(url);
    expect(state.statusCode, state.body).toBe(200);
    const ownerId = (await owner.get('/api/v1/auth/session')).json().user.id;
    expect(state.json()).toMatchObject({
      progress: { step: 'companyGreeting', state: 'open' },
      company: {
        name: 'Muster GmbH',
        greetingMode: 'default',
        greeting: expect.stringMatching(/^Willkommen bei Muster GmbH\. /),
        operator: { userId: ownerId, name: 'Dr. Justus Jura', isDefault: true },
      },
      mine: {
        locale: 'de',
        timeZone: 'Europe/Berlin',
        country: 'DE',
        dateFormat: 'DD.MM.YYYY',
        timeFormat: '24h',
        voicemailMode: 'default',
        voicemailGreeting: expect.stringContaining('Mailbox von Dr. Justus Jura'),
        clientKind: null,
      },
      phones: [],
    });
    expect(state.json().phoneCatalogue.map((maker: { name: string }) => maker.name)).toEqual([
      'Yealink',
      'Snom',
      'Gigaset',
      'Poly',
    ]);
  });

  it('runs every step: saved, normalized, audited, and the place kept on the server', async () => {
    const mia = await member([], 'mia');
    const steps = [
      ['company-greeting', { mode: 'custom', customText: '  Guten Tag,   hier ist Muster GmbH. ' }],
      ['operator', { userId: mia.user.id }],
      ['my-information', myInformation],
      ['voicemail-greeting', { mode: 'custom', customText: 'Hier ist Justus. Bitte sprechen Sie.' }],
      ['client', { kind: 'desktop_app' }],
    ] as const;
    for (const [step, body] of steps) {
      const saved = await owner.put(`${url}/${step}`, body);
      expect(saved.statusCode, `${step}: ${saved.body}`).toBe(200);
    }
    const added = await owner.post(`${url}/phones`, yealink);
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ name: 'Yealink T54W', macAddress: '80:5E:C0:12:AB:CD' });
    const progress = await owner.put(`${url}/progress`, { step: 'voicemail', state: 'open' });
    expect(progress.json().progress).toEqual({ step: 'voicemail', state: 'open' });

    const state = (await owner.get(url)).json();
    expect(state.company).toMatchObject({
      greetingMode: 'custom',
      greeting: 'Guten Tag, hier ist Muster GmbH.',
      operator: { userId: mia.user.id, name: 'Mia Muster', isDefault: false },
    });
    expect(state.mine).toMatchObject({
      mobilePhone: '+4915123456789',
      landlinePhone: '+49301234567',
      landlinePhoneFormatted: '+49 30 1234567',
      voicemailGreeting: 'Hier ist Justus. Bitte sprechen Sie.',
      clientKind: 'desktop_app',
    });
    expect(state.progress).toEqual({ step: 'voicemail', state: 'open' });

    // Back to the default keeps the custom text for later; finishing is audited once.
    await owner.put(`${url}/company-greeting`, { mode: 'default' });
    expect((await owner.get(url)).json().company).toMatchObject({
      greetingMode: 'default',
      customGreeting: 'Guten Tag, hier ist Muster GmbH.',
      greeting: expect.stringMatching(/^Willkommen bei Muster GmbH/),
    });
    await owner.put(`${url}/progress`, { step: 'done', state: 'finished' });
    await owner.put(`${url}/progress`, { step: 'done', state: 'finished' });
    expect(await audited()).toEqual([
      'express_setup.company_greeting_changed',
      'express_setup.operator_changed',
      'express_setup.my_information_changed',
      'express_setup.voicemail_greeting_changed',
      'express_setup.client_changed',
      'express_setup.phone_added',
      'express_setup.company_greeting_changed',
      'express_setup.finished',
    ]);
    // Saving the same again writes no new entry.
    await owner.put(`${url}/my-information`, myInformation);
    expect((await audited()).length).toBe(8);
    const log = (await owner.get(`/api/v1/accounts/${accountId}/audit`)).json().items;
    expect(log.map((entry: { action: string }) => entry.action)).toContain('express_setup.phone_added');
  });

  it('"later" puts the wizard off, and running it again opens it at the start', async () => {
    await owner.put(`${url}/progress`, { step: 'phones', state: 'dismissed' });
    expect((await owner.get(url)).json().progress).toEqual({ step: 'phones', state: 'dismissed' });
    await owner.put(`${url}/progress`, { step: 'companyGreeting', state: 'open' });
    expect((await owner.get(url)).json().progress).toEqual({ step: 'companyGreeting', state: 'open' });
    expect(await audited()).toEqual(['express_setup.dismissed', 'express_setup.restarted']);
  });

  it('a member without "account.edit" keeps their own settings but not the account-wide ones', async () => {
    const mia = await member(['users.manage', 'domains.manage'], 'mia');
    const before = await stored();
    expect(
      (await mia.client.put(`${url}/company-greeting`, { mode: 'custom', customText: 'X' })).statusCode,
    ).toBe(403);
    expect((await mia.client.put(`${url}/operator`, { userId: mia.user.id })).statusCode).toBe(403);
    expect((await mia.client.put(`${url}/progress`, { step: 'done', state: 'finished' })).statusCode).toBe(
      403,
    );
    expect(await stored()).toEqual(before);

    const own = await mia.client.put(`${url}/my-information`, { ...myInformation, locale: 'hu' });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().mine).toMatchObject({ locale: 'hu', mobilePhone: '+4915123456789' });
    const phone = await mia.client.post(`${url}/phones`, {
      ...yealink,
      macAddress: null,
      serialNumber: 'sn-1',
    });
    expect(phone.statusCode, phone.body).toBe(201);
    // Her phones and greeting are hers: the owner sees neither, and cannot remove her phone.
    expect((await owner.get(url)).json().phones).toEqual([]);
    expect((await owner.delete(`${url}/phones/${phone.json().id}`)).statusCode).toBe(404);
    expect((await mia.client.delete(`${url}/phones/${phone.json().id}`)).statusCode).toBe(204);
    const hers = await t.db
      .selectFrom('users')
      .select('locale')
      .where('id', '=', mia.user.id)
      .executeTakeFirst();
    expect(hers?.locale).toBe('hu');
  });

  it("another account's express setup and phones are not found", async () => {
    const phone = (await owner.post(`${url}/phones`, yealink)).json().id as string;
    const other = (await signedInOwner(t.app, { email: 'chef@andere.test', companyName: 'Andere GmbH' }))
      .client;
    const otherUrl = `/api/v1/accounts/${await accountIdOf(other)}/express-setup`;
    expect((await other.get(url)).statusCode).toBe(404);
    expect((await other.put(`${url}/company-greeting`, { mode: 'default' })).statusCode).toBe(404);
    expect((await other.put(`${url}/progress`, { step: 'done', state: 'finished' })).statusCode).toBe(404);
    expect((await other.delete(`${url}/phones/${phone}`)).statusCode).toBe(404);
    expect((await other.delete(`${otherUrl}/phones/${phone}`)).statusCode).toBe(404);
    expect((await other.get(otherUrl)).json().company.name).toBe('Andere GmbH');
    expect((await stored()).phones).toHaveLength(1);
  });

  it('stores one MAC notation, accepting the four ways people write it', async () => {
    const written = ['80-5E-C0-00-00-01', '80:5e:c0:00:00:02', '805e.c000.0003', '805ec0000004'];
    for (const macAddress of written) {
      const added = await owner.post(`${url}/phones`, { ...yealink, macAddress });
      expect(added.statusCode, added.body).toBe(201);
    }
    expect((await stored()).phones.map((phone) => phone.macAddress).sort()).toEqual([
      '80:5E:C0:00:00:01',
      '80:5E:C0:00:00:02',
      '80:5E:C0:00:00:03',
      '80:5E:C0:00:00:04',
    ]);
  });

  it('the operator falls back to the owner when the chosen user is deleted', async () => {
    const mia = await member([], 'mia');
    await owner.put(`${url}/operator`, { userId: mia.user.id });
    const deleted = await owner.delete(`/api/v1/accounts/${accountId}/users/${mia.user.id}`);
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect((await owner.get(url)).json().company.operator).toMatchObject({
      name: 'Dr. Justus Jura',
      isDefault: true,
    });
  });
});
