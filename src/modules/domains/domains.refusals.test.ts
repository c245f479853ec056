// D2 (issue 14), bad input: every refusal of a domain, a redirect or a DNS record answers 400 with a localized
// message under the field it names, and writes nothing (no row, no audit entry, no e-mail, no applied zone).
import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildTestApp, describeEachDatabase, type TestApp } from '../../../test/helpers/build-test-app.ts';
import { accountIdOf, signedInOwner, type TestClient } from '../../../test/helpers/test-client.ts';
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

  const badRecords: [string, object, string, string][] = [
    [
      'a name outside its zone',
      { name: 'www.example.org.', type: 'A', value: '192.0.2.1' },
      'name',
      'DNS_RECORD_NAME_OUTSIDE_ZONE',
    ],
    [
      'an over-long TXT',
      { name: '@', type: 'TXT', value: 'x'.repeat(2049) },
      'value',
      'DNS_RECORD_TXT_TOO_LONG',
    ],
    [
      'a CNAME at the apex',
      { name: '@', type: 'CNAME', value: 'other.example.net' },
      'name',
      'DNS_RECORD_CNAME_AT_APEX',
    ],
    [
      'a CNAME beside another record',
      { name: 'www', type: 'CNAME', value: 'other.example.net' },
      'name',
      'DNS_RECORD_CNAME_CONFLICT',
    ],
    [
      'a record beside a CNAME',
      { name: 'alias', type: 'TXT', value: 'hello' },
      'name',
      'DNS_RECORD_CNAME_CONFLICT',
    ],
    [
      'an invalid IPv6 address',
      { name: 'www', type: 'AAAA', value: '2001:db8::g1' },
      'value',
      'DNS_RECORD_IPV6_INVALID',
    ],
    [
      'an IPv4 address for AAAA',
      { name: 'www', type: 'AAAA', value: '192.0.2.1' },
      'value',
      'DNS_RECORD_IPV6_INVALID',
    ],
    [
      'an IPv4 address with leading zeros',
      { name: 'www', type: 'A', value: '192.0.02.1' },
      'value',
      'DNS_RECORD_IPV4_INVALID',
    ],
    [
      'a TTL below the bound',
      { name: 'www', type: 'A', value: '192.0.2.9', ttl: 59 },
      'ttl',
      'DNS_RECORD_TTL_RANGE',
    ],
    [
      'a TTL above the bound',
      { name: 'www', type: 'A', value: '192.0.2.9', ttl: 86401 },
      'ttl',
      'DNS_RECORD_TTL_RANGE',
    ],
    [
      'an MX without priority',
      { name: '@', type: 'MX', value: 'mail.example.net' },
      'priority',
      'DNS_RECORD_REQUIRED',
    ],
    [
      'an MX to an address',
      { name: '@', type: 'MX', value: '192.0.2.1', priority: 10 },
      'value',
      'DNS_RECORD_HOST_INVALID',
    ],
    [
      'an SRV without _service._proto',
      { name: 'sip', type: 'SRV', value: 'sip.example.net', priority: 1, weight: 1, port: 5060 },
      'name',
      'DNS_RECORD_SRV_NAME',
    ],
    [
      'an SRV port out of range',
      { name: '_sip._udp', type: 'SRV', value: 'sip.example.net', priority: 1, weight: 1, port: 70000 },
      'port',
      'DNS_RECORD_NUMBER_RANGE',
    ],
    [
      'a CAA of an unknown tag',
      { name: '@', type: 'CAA', value: 'ca.example', flags: 0, tag: 'issuer' },
      'tag',
      'DNS_RECORD_CAA_VALUE',
    ],
    [
      'a CAA iodef to javascript:',
      { name: '@', type: 'CAA', value: 'javascript:alert(1)', flags: 0, tag: 'iodef' },
      'value',
      'DNS_RECORD_CAA_VALUE',
    ],
    [
      'a TXT with a line break',
      { name: '@', type: 'TXT', value: 'a\nb' },
      'value',
      'DNS_RECORD_TXT_CHARACTERS',
    ],
    [
      'a name with a space',
      { name: 'w w', type: 'A', value: '192.0.2.1' },
      'name',
      'DNS_RECORD_NAME_INVALID',
    ],
    [
      'the same record twice',
      { name: 'www', type: 'A', value: '192.0.2.1' },
      'value',
      'DNS_RECORD_DUPLICATE',
    ],
  ];
  it.each(badRecords)(
    'refuses %s, naming the field, and writes nothing',
    async (_name, body, field, code) => {
      const id = await addDomain();
      await owner.post(records(id), { name: 'www', type: 'A', value: '192.0.2.1' });
      const alias = await owner.post(records(id), {
        name: 'alias',
        type: 'CNAME',
        value: 'target.example.net',
      });
      expect(alias.statusCode, alias.body).toBe(201);
      const before = await snapshot();
      const applied = structuredClone(dns().applied.get('example.com'));
      await expectRefused(await owner.post(records(id), body), field, code);
      // A change that would break the rule is refused the same way (the zone rules have their own cases).
      if (code !== 'DNS_RECORD_DUPLICATE' && code !== 'DNS_RECORD_CNAME_CONFLICT') {
        const put = await owner.request({
          method: 'PUT',
          url: `${records(id)}/${alias.json().id}`,
          payload: body,
        });
        await expectRefused(put, field, code);
      }
      expect(await snapshot()).toEqual(before);
      expect(dns().applied.get('example.com')).toEqual(applied);
    },
  );

  const badDomains: [string, object, string, string][] = [
    ['a single label', { name: 'localhost' }, 'name', 'DOMAIN_NAME_INVALID'],
    ['a label with an underscore', { name: 'bad_name.example' }, 'name', 'DOMAIN_NAME_INVALID'],
    ['a label ending in a hyphen', { name: 'bad-.example' }, 'name', 'DOMAIN_NAME_INVALID'],
    ['an empty label', { name: 'a..example' }, 'name', 'DOMAIN_NAME_INVALID'],
    ['an IP address', { name: '192.0.2.1' }, 'name', 'DOMAIN_NAME_INVALID'],
    ['a label of 64 characters', { name: `${'a'.repeat(64)}.example` }, 'name', 'DOMAIN_NAME_INVALID'],
    ['a URL', { name: 'https://example.com' }, 'name', 'DOMAIN_NAME_INVALID'],
    [
      'a javascript: redirect',
      { redirectKind: 'url', redirectTarget: 'javascript:alert(1)' },
      'redirectTarget',
      'DOMAIN_REDIRECT_SCHEME',
    ],
    [
      'a data: redirect',
      { redirectKind: 'url', redirectTarget: 'data:text/html,<b>x</b>' },
      'redirectTarget',
      'DOMAIN_REDIRECT_SCHEME',
    ],
    [
      'a redirect to 127.0.0.1',
      { redirectKind: 'ip', redirectTarget: '127.0.0.1' },
      'redirectTarget',
      'DOMAIN_REDIRECT_INTERNAL',
    ],
    [
      'a redirect to 10.1.2.3',
      { redirectKind: 'ip', redirectTarget: '10.1.2.3' },
      'redirectTarget',
      'DOMAIN_REDIRECT_INTERNAL',
    ],
    [
      'a redirect to ::1',
      { redirectKind: 'ip', redirectTarget: '::1' },
      'redirectTarget',
      'DOMAIN_REDIRECT_INTERNAL',
    ],
    [
      'a redirect to fe80::1',
      { redirectKind: 'ip', redirectTarget: 'fe80::1' },
      'redirectTarget',
      'DOMAIN_REDIRECT_INTERNAL',
    ],
    [
      'a redirect to ::ffff:127.0.0.1',
      { redirectKind: 'ip', redirectTarget: '::ffff:127.0.0.1' },
      'redirectTarget',
      'DOMAIN_REDIRECT_INTERNAL',
    ],
    [
      'a URL redirect to [::1]',
      { redirectKind: 'url', redirectTarget: 'http://[::1]:8080/' },
      'redirectTarget',
      'DOMAIN_REDIRECT_INTERNAL',
    ],
    [
      'a URL redirect to 10.0.0.5',
      { redirectKind: 'url', redirectTarget: 'https://10.0.0.5/admin' },
      'redirectTarget',
      'DOMAIN_REDIRECT_INTERNAL',
    ],
    [
      'a URL redirect to 0x7f.1',
      { redirectKind: 'url', redirectTarget: 'http://0x7f.1/' },
      'redirectTarget',
      'DOMAIN_REDIRECT_INTERNAL',
    ],
    [
      'a URL redirect to 192.168.1.1',
      { redirectKind: 'url', redirectTarget: 'http://192.168.1.1/' },
      'redirectTarget',
      'DOMAIN_REDIRECT_INTERNAL',
    ],
    [
      'a URL redirect to localhost',
      { redirectKind: 'url', redirectTarget: 'http://localhost:3000/' },
      'redirectTarget',
      'DOMAIN_REDIRECT_INTERNAL',
    ],
    [
      'a not-an-address IP redirect',
      { redirectKind: 'ip', redirectTarget: 'example.com' },
      'redirectTarget',
      'DOMAIN_REDIRECT_INVALID',
    ],
    [
      'an unknown registrant',
      { registrantId: 'no-such-contact' },
      'registrantId',
      'DOMAIN_REGISTRANT_UNKNOWN',
    ],
  ];
  it.each(badDomains)(
    'refuses a domain with %s, naming the field, and writes nothing',
    async (_name, change, field, code) => {
      const before = await snapshot();
      await expectRefused(
        await owner.post(url, { name: 'example.com', registrantId, ...change }),
        field,
        code,
      );
      expect(await snapshot()).toEqual(before);
      if (field !== 'name') {
        const id = await addDomain();
        const saved = await snapshot();
        const put = await owner.request({
          method: 'PUT',
          url: `${url}/${id}`,
          payload: { registrantId, ...change },
        });
        await expectRefused(put, field, code);
        expect(await snapshot()).toEqual(saved);
      }
    },
  );
});
