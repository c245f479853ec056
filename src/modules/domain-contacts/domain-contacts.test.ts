// C4: domain contacts hold registrant data only. Kept by members with "domains.manage" (owners and admins
// hold it), validated field by field, audited, invisible to other accounts; a refusal writes nothing.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildTestApp, describeEachDatabase, type TestApp } from '../../../test/helpers/build-test-app.ts';
import {
  accountIdOf,
  signedInOwner,
  signedInUser,
  type TestClient,
} from '../../../test/helpers/test-client.ts';

const kovacs = {
  kind: 'organisation',
  organisation: 'Példa Kft.',
  firstName: 'Péter',
  lastName: 'Kovács',
  street: 'Váci utca 1.',
  postalCode: '1052',
  city: 'Budapest',
  country: 'HU',
  phone: '06 30 123 4567',
  email: 'domain@pelda.test',
};

describeEachDatabase('domain contacts', (dialect) => {
  let t: TestApp;
  let owner: TestClient;
  let accountId: string;
  let url: string;
  beforeEach(async () => {
    t = await buildTestApp({ db: dialect });
    owner = (await signedInOwner(t.app)).client;
    accountId = await accountIdOf(owner);
    url = `/api/v1/accounts/${accountId}/domain-contacts`;
  });
  afterEach(() => t.close());

  const member = async (permissions: string[], username = 'mia') => {
    const made = await signedInUser(t.app, owner, accountId, { username, email: `${username}@jura.test` });
    const granted = await owner.request({
      method: 'PUT',
      url: `/api/v1/accounts/${accountId}/users/${made.user.id}/permissions`,
      payload: { permissions },
    });
    expect(granted.statusCode, granted.body).toBe(200);
    return made.client;
  };
  const rows = () => t.db.selectFrom('domainContacts').selectAll().execute();
  const put = (client: TestClient, id: string, payload: object) =>
    client.request({ method: 'PUT', url: `${url}/${id}`, payload });
  const remove = (client: TestClient, id: string) =>
    client.request({ method: 'DELETE', url: `${url}/${id}` });
  const audited = () =>
    t.db
      .selectFrom('auditEvents')
      .select(['action', 'actorId', 'targetType', 'targetId', 'targetName', 'details'])
      .where('action', 'like', 'domain_contact.%')
      .orderBy('createdAt')
      .execute();

  /** Adds, lists, reads, changes and removes one contact as `client`, checking rows and the log as it goes. */
  async function fullCycle(client: TestClient) {
    const created = await client.post(url, kovacs);
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    expect(created.json()).toMatchObject({
      kind: 'organisation',
      organisation: 'Példa Kft.',
      country: 'HU',
      phone: '+36301234567',
      phoneFormatted: '+36 30 123 4567',
    });
    expect((await client.get(url)).json().items.map((item: { id: string }) => item.id)).toEqual([id]);
    expect((await client.get(`${url}/${id}`)).json()).toMatchObject({ city: 'Budapest', lastName: 'Kovács' });

    const changed = await put(client, id, { ...kovacs, city: 'Debrecen', postalCode: '4024' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ city: 'Debrecen', postalCode: '4024', phone: '+36301234567' });
    expect(await rows()).toEqual([expect.objectContaining({ id, accountId, city: 'Debrecen' })]);

    expect((await remove(client, id)).statusCode).toBe(204);
    expect(await rows()).toEqual([]);
    expect((await client.get(`${url}/${id}`)).statusCode).toBe(404);
    return id;
  }

  it('the owner adds, lists, changes and removes a domain contact, and each change is audited', async () => {
    const id = await fullCycle(owner);
    const events = await audited();
    expect(events.map((event) => event.action)).toEqual([
      'domain_contact.added',
      'domain_contact.changed',
      'domain_contact.removed',
    ]);
    for (const event of events) {
      expect(event).toMatchObject({ targetType: 'domain_contact', targetId: id });
      expect(JSON.parse(event.targetName ?? '{}')).toEqual({ name: 'Példa Kft.' });
    }
    expect(JSON.parse(events[1]?.details ?? '{}')).toEqual({ fields: ['postalCode', 'city'] });
    const log = (await owner.get(`/api/v1/accounts/${accountId}/audit`)).json().items;
    expect(log).toContainEqual(
      expect.objectContaining({
        action: 'domain_contact.removed',
        target: expect.objectContaining({ name: 'Példa Kft.' }),
      }),
    );
  });

  it('a member with "domains.manage" does the same; a member without it gets 403 and changes nothing', async () => {
    const domains = await member(['domains.manage'], 'dora');
    await fullCycle(domains);
    expect((await audited()).length).toBe(3);

    const existing = (await owner.post(url, kovacs)).json().id as string;
    const without = await member(['users.manage', 'contacts.manage', 'support.open'], 'udo');
    expect((await without.get(url)).statusCode).toBe(403);
    expect((await without.post(url, kovacs)).statusCode).toBe(403);
    expect((await without.get(`${url}/${existing}`)).statusCode).toBe(403);
    expect((await put(without, existing, { ...kovacs, city: 'Szeged' })).statusCode).toBe(403);
    expect((await remove(without, existing)).statusCode).toBe(403);
    expect(await rows()).toEqual([expect.objectContaining({ id: existing, city: 'Budapest' })]);
  });

  it("another account's domain contact is not found, and stays as it was", async () => {
    const id = (await owner.post(url, kovacs)).json().id as string;
    const other = (await signedInOwner(t.app, { email: 'chef@andere.test', companyName: 'Andere GmbH' }))
      .client;
    const otherUrl = `/api/v1/accounts/${await accountIdOf(other)}/domain-contacts`;
    for (const base of [url, otherUrl]) {
      expect((await other.get(`${base}/${id}`)).statusCode).toBe(404);
      const changed = await other.request({ method: 'PUT', url: `${base}/${id}`, payload: kovacs });
      expect(changed.statusCode).toBe(404);
      expect((await other.request({ method: 'DELETE', url: `${base}/${id}` })).statusCode).toBe(404);
    }
    expect((await other.get(url)).statusCode).toBe(404);
    expect((await other.get(otherUrl)).json().items).toEqual([]);
    expect(await rows()).toEqual([expect.objectContaining({ id, accountId, city: 'Budapest' })]);
  });

  it('normalizes a lower-case country code and a national phone number (E.164 with the country)', async () => {
    const berlin = await owner.post(url, {
      ...kovacs,
      kind: 'person',
      organisation: 'ignored for a person',
      country: 'de',
      phone: '030 1234567',
      street: '  Unter den   Linden 1 ',
    });
    expect(berlin.statusCode, berlin.body).toBe(201);
    expect(berlin.json()).toMatchObject({
      kind: 'person',
      organisation: null,
      country: 'DE',
      phone: '+49301234567',
      phoneFormatted: '+49 30 1234567',
      street: 'Unter den Linden 1',
    });
    // An international number stands for itself, whatever the country.
    const abroad = await owner.post(url, { ...kovacs, country: 'AT', phone: '+36 1 234 5678' });
    expect(abroad.json()).toMatchObject({ country: 'AT', phone: '+3612345678' });
    const stored = await t.db
      .selectFrom('domainContacts')
      .select(['country', 'phone', 'organisation'])
      .where('id', '=', berlin.json().id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ country: 'DE', phone: '+49301234567', organisation: null });
  });

  const refusals: [string, Record<string, unknown>, string, string][] = [
    ['an unknown country', { country: 'XX' }, 'country', 'DOMAIN_CONTACT_COUNTRY_INVALID'],
    ['an alpha-3 country code', { country: 'DEU' }, 'country', 'maxLength'],
    ['a numeric country code', { country: '27' }, 'country', 'pattern'],
    ['a phone number too short', { phone: '12' }, 'phone', 'DOMAIN_CONTACT_PHONE_INVALID'],
    ['a phone number of no one', { phone: '06 99 999' }, 'phone', 'DOMAIN_CONTACT_PHONE_INVALID'],
    ['letters for a phone', { phone: 'call me' }, 'phone', 'DOMAIN_CONTACT_PHONE_INVALID'],
    [
      'an organisation without its name',
      { organisation: '  ' },
      'organisation',
      'DOMAIN_CONTACT_ORGANISATION_REQUIRED',
    ],
    [
      'an organisation of null',
      { organisation: null },
      'organisation',
      'DOMAIN_CONTACT_ORGANISATION_REQUIRED',
    ],
    ['a bad e-mail address', { email: 'domain at pelda.test' }, 'email', 'email'],
    ['a blank city', { city: '   ' }, 'city', 'DOMAIN_CONTACT_BLANK'],
    ['a missing last name', { lastName: undefined }, 'lastName', 'required'],
    ['a name too long', { firstName: 'P'.repeat(101) }, 'firstName', 'maxLength'],
    ['a street too long', { street: 'u'.repeat(201) }, 'street', 'maxLength'],
    ['an unknown kind', { kind: 'company' }, 'kind', 'enum'],
    ['a field the API does not have', { vatId: 'HU12345678' }, 'vatId', 'additionalProperties'],
  ];
  it.each(refusals)(
    'refuses %s, naming the field, and writes nothing',
    async (_name, change, field, code) => {
      const id = (await owner.post(url, kovacs)).json().id as string;
      const before = await rows();
      for (const attempt of [
        () => owner.post(url, { ...kovacs, ...change }),
        () => put(owner, id, { ...kovacs, ...change }),
      ]) {
        const refused = await attempt();
        expect(refused.statusCode, refused.body).toBe(400);
        expect(refused.json().code).toBe('VALIDATION_FAILED');
        expect(refused.json().details).toContainEqual(expect.objectContaining({ field, code }));
      }
      expect(await rows()).toEqual(before);
      expect((await audited()).map((event) => event.action)).toEqual(['domain_contact.added']);
    },
  );

  it('refuses CR and LF in every field', async () => {
    for (const field of [
      'organisation',
      'firstName',
      'lastName',
      'street',
      'postalCode',
      'city',
      'phone',
      'email',
    ]) {
      const value = `${kovacs[field as keyof typeof kovacs]}\r\nBcc: victim@example.test`;
      const refused = await owner.post(url, { ...kovacs, [field]: value });
      expect({ field, status: refused.statusCode }).toEqual({ field, status: 400 });
      expect(refused.json().details).toContainEqual(expect.objectContaining({ field }));
    }
    expect((await owner.post(url, { ...kovacs, country: 'H\n' })).statusCode).toBe(400);
    expect(await rows()).toEqual([]);
  });

  it('names every refused field at once, in the caller’s language', async () => {
    const language = await owner.request({ method: 'PATCH', url: '/api/v1/me', payload: { locale: 'hu' } });
    expect(language.statusCode, language.body).toBe(200);
    const refused = await owner.post(url, { ...kovacs, organisation: '', country: 'XX', phone: '1' });
    expect(refused.statusCode).toBe(400);
    expect(
      refused
        .json()
        .details.map((detail: { field: string }) => detail.field)
        .sort(),
    ).toEqual(['country', 'organisation', 'phone']);
    expect(refused.json().message).toBe('Kérjük, ellenőrizze a megjelölt mezőket.');
    expect(refused.json().details).toContainEqual(
      expect.objectContaining({ field: 'organisation', message: 'Kérjük, adja meg a szervezet nevét.' }),
    );
    expect(await rows()).toEqual([]);
  });

  it('an unchanged contact is not written again and leaves no audit entry', async () => {
    const id = (await owner.post(url, kovacs)).json().id as string;
    expect((await put(owner, id, kovacs)).statusCode).toBe(200);
    expect((await audited()).map((event) => event.action)).toEqual(['domain_contact.added']);
  });

  it('domain contacts receive no e-mail', async () => {
    const before = await t.db.selectFrom('outboxEmails').select('id').execute();
    const id = (await owner.post(url, kovacs)).json().id as string;
    await put(owner, id, { ...kovacs, email: 'neu@pelda.test' });
    await remove(owner, id);
    const outbox = await t.db.selectFrom('outboxEmails').select(['id', 'toAddress']).execute();
    expect(outbox).toHaveLength(before.length);
    expect(outbox.map((email) => email.toAddress)).not.toContain('domain@pelda.test');
  });
});
