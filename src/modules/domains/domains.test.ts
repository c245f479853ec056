// D2 (issue 14): domains with a domain contact as registrant, a redirect and DNS records. Only "domains.manage"
// changes them, "products.view" reads them; every refusal names its field, answers 400 and writes nothing;
// every change is audited and raises a domain e-mail; the zone goes to the DNS provider and exports as a file.
import zonefile from 'dns-zonefile';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildTestApp, describeEachDatabase, type TestApp } from '../../../test/helpers/build-test-app.ts';
import {
  accountIdOf,
  signedInOwner,
  signedInUser,
  type TestClient,
} from '../../../test/helpers/test-client.ts';
import type { RecordingDnsProvider } from './dns-provider.ts';

const registrant = {
  kind: 'person',
  firstName: 'Dora',
  lastName: 'Domain',
  street: 'Hauptstraße 1',
  postalCode: '10115',
  city: 'Berlin',
  country: 'DE',
  phone: '030 1234567',
  email: 'domains@jura.test',
};

describeEachDatabase('domains', (dialect) => {
  let t: TestApp;
  let owner: TestClient;
  let accountId: string;
  let url: string;
  let registrantId: string;
  beforeEach(async () => {
    t = await buildTestApp({ db: dialect });
    owner = (await signedInOwner(t.app)).client;
    accountId = await accountIdOf(owner);
    url = `/api/v1/accounts/${accountId}/domains`;
    registrantId = (await owner.post(`/api/v1/accounts/${accountId}/domain-contacts`, registrant)).json().id;
  });
  afterEach(() => t.close());

  const dns = () => t.app.kontor.services.dnsProvider as RecordingDnsProvider;
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
  const addDomain = async (client: TestClient = owner, body: object = {}) => {
    const created = await client.post(url, { name: 'example.com', registrantId, ...body });
    expect(created.statusCode, created.body).toBe(201);
    return created.json().id as string;
  };
  const records = (domainId: string) => `${url}/${domainId}/records`;
  const snapshot = async () => ({
    domains: await t.db.selectFrom('domains').selectAll().orderBy('id').execute(),
    records: await t.db.selectFrom('dnsRecords').selectAll().orderBy('id').execute(),
    audit: await t.db.selectFrom('auditEvents').select('id').execute(),
    outbox: await t.db.selectFrom('outboxEmails').select('id').execute(),
  });
  const expectRefused = async (
    answer: { statusCode: number; body: string; json: () => { code: string; details: unknown[] } },
    field: string,
    code: string,
  ) => {
    expect(answer.statusCode, answer.body).toBe(400);
    expect(answer.json().code).toBe('VALIDATION_FAILED');
    expect(answer.json().details).toContainEqual(
      expect.objectContaining({ field, code, message: expect.any(String) }),
    );
  };

  it('adds a domain (IDN to punycode), its records of every type, and normalizes them', async () => {
    const created = await owner.post(url, { name: ' Bücher.Example. ', registrantId });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      name: 'xn--bcher-kva.example',
      displayName: 'bücher.example',
      registrant: { id: registrantId, name: 'Dora Domain' },
      redirectKind: null,
    });
    const id = created.json().id as string;
    const add = (body: object) => owner.post(records(id), body);
    const cases: [object, object][] = [
      [
        { name: '@', type: 'A', value: '192.0.2.10' },
        { name: '@', value: '192.0.2.10', ttl: 3600 },
      ],
      [
        { name: 'www', type: 'AAAA', value: '2001:0DB8:0000:0000:0000:0000:0000:0010', ttl: 600 },
        { value: '2001:db8::10', ttl: 600 },
      ],
      [
        { name: 'Shop.xn--bcher-kva.example.', type: 'CNAME', value: 'Shops.Example.NET.' },
        { name: 'shop', value: 'shops.example.net' },
      ],
      [
        { name: '@', type: 'MX', value: 'mail.example.net', priority: 10 },
        { priority: 10, value: 'mail.example.net' },
      ],
      [
        { name: '_sip._tcp', type: 'SRV', value: 'sip.example.net', priority: 10, weight: 5, port: 5060 },
        { weight: 5, port: 5060 },
      ],
      [
        { name: '@', type: 'CAA', value: 'letsencrypt.org', flags: 0, tag: 'issue' },
        { tag: 'issue', flags: 0 },
      ],
      [{ name: '@', type: 'TXT', value: 'v=spf1 mx -all' }, { value: 'v=spf1 mx -all' }],
    ];
    for (const [body, expected] of cases) {
      const answer = await add(body);
      expect(answer.statusCode, answer.body).toBe(201);
      expect(answer.json()).toMatchObject(expected);
    }
    const detail = (await owner.get(`${url}/${id}`)).json();
    expect(detail.records).toHaveLength(cases.length);
    expect(detail.records.find((record: { type: string }) => record.type === 'SRV').fqdn).toBe(
      '_sip._tcp.xn--bcher-kva.example',
    );
    // The provider got the zone as it is now, with a serial raised on every change.
    const applied = dns().applied.get('xn--bcher-kva.example');
    expect(applied?.records).toHaveLength(cases.length);
    expect(applied?.serial).toBe(detail.zoneSerial);
    expect(detail.zoneSerial).toBeGreaterThan(created.json().zoneSerial);
  });

  it('changes and removes a record and the domain, audits each change and sends a domain e-mail in each language', async () => {
    await owner.post(`/api/v1/accounts/${accountId}/contacts`, {
      name: 'Kovács Péter',
      email: 'dns@pelda.test',
      locale: 'hu',
      categories: ['domain'],
    });
    const mailBefore = (await t.db.selectFrom('outboxEmails').select('id').execute()).length;
    const id = await addDomain();
    const record = (await owner.post(records(id), { name: 'www', type: 'A', value: '192.0.2.1' })).json().id;
    const changed = await owner.request({
      method: 'PUT',
      url: `${records(id)}/${record}`,
      payload: { name: 'www', type: 'A', value: '192.0.2.2', ttl: 300 },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ value: '192.0.2.2', ttl: 300 });
    const settings = await owner.request({
      method: 'PUT',
      url: `${url}/${id}`,
      payload: { registrantId, redirectKind: 'url', redirectTarget: 'https://www.example.net/start' },
    });
    expect(settings.statusCode, settings.body).toBe(200);
    expect(settings.json()).toMatchObject({
      redirectKind: 'url',
      redirectTarget: 'https://www.example.net/start',
    });
    expect((await owner.request({ method: 'DELETE', url: `${records(id)}/${record}` })).statusCode).toBe(204);
    expect((await owner.request({ method: 'DELETE', url: `${url}/${id}` })).statusCode).toBe(204);
    expect(await t.db.selectFrom('dnsRecords').selectAll().execute()).toEqual([]);
    expect(dns().removed).toEqual(['example.com']);

    const events = await t.db
      .selectFrom('auditEvents')
      .select(['action', 'targetType', 'targetId'])
      .where((eb) => eb.or([eb('action', 'like', 'domain.%'), eb('action', 'like', 'dns_record.%')]))
      .orderBy('createdAt')
      .execute();
    expect(events.map((event) => event.action)).toEqual([
      'domain.added',
      'dns_record.added',
      'dns_record.changed',
      'domain.changed',
      'dns_record.removed',
      'domain.removed',
    ]);
    expect(events.every((event) => event.targetType === 'domain' && event.targetId === id)).toBe(true);

    const mails = await t.db
      .selectFrom('outboxEmails')
      .select(['toAddress', 'locale', 'subject', 'textBody'])
      .orderBy('createdAt')
      .execute();
    const domainMails = mails.slice(mailBefore);
    expect(domainMails).toHaveLength(12); // six changes, to the owner (German) and the contact (Hungarian)
    const hungarian = domainMails.filter((mail) => mail.toAddress === 'dns@pelda.test');
    expect(hungarian.map((mail) => mail.subject)).toContain('example.com domain: DNS-rekord módosítva');
    expect(hungarian.every((mail) => mail.locale === 'hu')).toBe(true);
    const german = domainMails.filter((mail) => mail.toAddress !== 'dns@pelda.test');
    expect(german.map((mail) => mail.subject)).toContain('Domain example.com: DNS-Eintrag geändert');
    expect(german.find((mail) => mail.subject.endsWith('DNS-Eintrag geändert'))?.textBody).toContain(
      'www.example.com A 192.0.2.2',
    );
  });

  it('exports the zone as a download that dns-zonefile parses', async () => {
    const id = await addDomain();
    await owner.post(records(id), { name: 'www', type: 'A', value: '192.0.2.1' });
    await owner.post(records(id), { name: '@', type: 'TXT', value: 'say "hi"' });
    const exported = await owner.get(`${url}/${id}/zone`);
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toBe('text/dns; charset=utf-8');
    expect(exported.headers['content-disposition']).toBe('attachment; filename="example.com.zone"');
    const parsed = zonefile.parse(exported.body);
    expect(parsed.$origin).toBe('example.com.');
    expect(parsed.soa?.serial).toBe((await owner.get(`${url}/${id}`)).json().zoneSerial);
    expect(parsed.a).toEqual([{ name: 'www', ip: '192.0.2.1', ttl: 3600 }]);
    expect(parsed.txt).toEqual([{ name: '@', txt: '"say \\"hi\\""', ttl: 3600 }]);
  });

  it('a domain twice in the account is refused; redirects are stored canonical', async () => {
    await addDomain(owner, { redirectKind: 'ip', redirectTarget: ' 2606:4700:0:0::1111 ' });
    const detail = (await owner.get(url)).json().items[0];
    expect(detail).toMatchObject({ redirectKind: 'ip', redirectTarget: '2606:4700::1111' });
    await expectRefused(
      await owner.post(url, { name: 'EXAMPLE.com', registrantId }),
      'name',
      'DOMAIN_EXISTS',
    );
  });

  it('names the refused field in the caller’s language', async () => {
    await owner.request({ method: 'PATCH', url: '/api/v1/me', payload: { locale: 'hu' } });
    const id = await addDomain();
    const refused = await owner.post(records(id), { name: '@', type: 'CNAME', value: 'x.example.net' });
    expect(refused.json().details).toContainEqual(
      expect.objectContaining({
        field: 'name',
        message:
          'Magára a domainre (@) nem állítható be CNAME-rekord. Kérjük, ott A- vagy AAAA-rekordot használjon.',
      }),
    );
  });

  it('"view products & services" reads but changes nothing; without either permission 403; another account 404', async () => {
    const id = await addDomain();
    const record = (await owner.post(records(id), { name: 'www', type: 'A', value: '192.0.2.1' })).json().id;
    const reader = await member(['products.view'], 'vera');
    expect((await reader.get(url)).json().items).toHaveLength(1);
    expect((await reader.get(`${url}/${id}`)).json().records).toHaveLength(1);
    expect((await reader.get(`${url}/${id}/zone`)).statusCode).toBe(200);
    const nobody = await member(['users.manage', 'contacts.manage'], 'udo');
    const before = await snapshot();
    const attempts = (client: TestClient) => [
      client.post(url, { name: 'other.example', registrantId }),
      client.request({ method: 'PUT', url: `${url}/${id}`, payload: { registrantId } }),
      client.request({ method: 'DELETE', url: `${url}/${id}` }),
      client.post(records(id), { name: 'ftp', type: 'A', value: '192.0.2.5' }),
      client.request({
        method: 'PUT',
        url: `${records(id)}/${record}`,
        payload: { name: 'www', type: 'A', value: '192.0.2.6' },
      }),
      client.request({ method: 'DELETE', url: `${records(id)}/${record}` }),
    ];
    for (const answer of await Promise.all(attempts(reader))) expect(answer.statusCode).toBe(403);
    expect((await nobody.get(url)).statusCode).toBe(403);
    expect((await nobody.get(`${url}/${id}`)).statusCode).toBe(403);
    for (const answer of await Promise.all(attempts(nobody))) expect(answer.statusCode).toBe(403);
    expect(await snapshot()).toEqual(before);
    const manager = await member(['domains.manage'], 'dora');
    expect((await manager.get(`${url}/${id}`)).statusCode).toBe(200);
    const zoneBefore = await t.db.selectFrom('dnsRecords').selectAll().execute();

    const other = (await signedInOwner(t.app, { email: 'chef@andere.test', companyName: 'Andere GmbH' }))
      .client;
    const otherUrl = `/api/v1/accounts/${await accountIdOf(other)}/domains`;
    expect((await other.get(`${otherUrl}/${id}`)).statusCode).toBe(404);
    expect((await other.get(`${otherUrl}/${id}/zone`)).statusCode).toBe(404);
    expect(
      (await other.post(`${otherUrl}/${id}/records`, { name: 'x', type: 'A', value: '192.0.2.7' }))
        .statusCode,
    ).toBe(404);
    expect((await other.request({ method: 'DELETE', url: `${otherUrl}/${id}` })).statusCode).toBe(404);
    expect((await other.get(`${url}/${id}`)).statusCode).toBe(404);
    // Another account's domain contact is no registrant here.
    const foreignContact = (
      await other.post(`/api/v1/accounts/${await accountIdOf(other)}/domain-contacts`, registrant)
    ).json().id;
    await expectRefused(
      await owner.post(url, { name: 'mine.example', registrantId: foreignContact }),
      'registrantId',
      'DOMAIN_REGISTRANT_UNKNOWN',
    );
    expect(await t.db.selectFrom('dnsRecords').selectAll().execute()).toEqual(zoneBefore);
    expect(await t.db.selectFrom('domains').select('name').execute()).toEqual([{ name: 'example.com' }]);
  });

  it('a CNAME may replace the only record of its name, but not join it', async () => {
    const id = await addDomain();
    const www = (await owner.post(records(id), { name: 'www', type: 'A', value: '192.0.2.1' })).json().id;
    await owner.post(records(id), { name: 'ftp', type: 'A', value: '192.0.2.2' });
    const replaced = await owner.request({
      method: 'PUT',
      url: `${records(id)}/${www}`,
      payload: { name: 'www', type: 'CNAME', value: 'web.example.net' },
    });
    expect(replaced.statusCode, replaced.body).toBe(200);
    const before = await snapshot();
    const joined = await owner.request({
      method: 'PUT',
      url: `${records(id)}/${www}`,
      payload: { name: 'ftp', type: 'CNAME', value: 'web.example.net' },
    });
    await expectRefused(joined, 'name', 'DNS_RECORD_CNAME_CONFLICT');
    expect(await snapshot()).toEqual(before);
  });

  it('a domain contact that is a registrant cannot be removed', async () => {
    await addDomain();
    const removed = await owner.request({
      method: 'DELETE',
      url: `/api/v1/accounts/${accountId}/domain-contacts/${registrantId}`,
    });
    expect(removed.statusCode).toBe(409);
    expect(removed.json().code).toBe('DOMAIN_CONTACT_IN_USE');
    expect(await t.db.selectFrom('domainContacts').select('id').execute()).toHaveLength(1);
  });
});
