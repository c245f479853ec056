// D2: the exported zone is a master file a real parser reads back (dns-zonefile), record for record, with
// TXT text quoted, escaped and split into character-strings of at most 255 bytes.
import zonefile from 'dns-zonefile';
import { expect, it } from 'vitest';
import { checkedRecord, type DnsRecordInput, txtStrings } from './dns-records.ts';
import { quoted, type Zone, zoneFile } from './zone-file.ts';

/** RFC 1035 5.1 read back: the quoted strings of a TXT's RDATA, \X and \DDD undone, bytes as UTF-8. */
function characterStrings(rdata: string): string[] {
  const strings: string[] = [];
  for (const match of rdata.matchAll(/"((?:[^"\\]|\\.)*)"/g)) {
    const bytes: number[] = [];
    const body = match[1] ?? '';
    for (let index = 0; index < body.length; index += 1) {
      const char = body[index] as string;
      if (char !== '\\') bytes.push(...Buffer.from(char, 'utf8'));
      else if (/\d{3}/.test(body.slice(index + 1, index + 4))) {
        bytes.push(Number(body.slice(index + 1, index + 4)));
        index += 3;
      } else {
        bytes.push(body.charCodeAt(index + 1));
        index += 1;
      }
    }
    strings.push(Buffer.from(bytes).toString('utf8'));
  }
  return strings;
}

const zoneName = 'example.com';
const record = (input: DnsRecordInput) => {
  const checked = checkedRecord(input, zoneName);
  if (!checked.fields) throw new Error(JSON.stringify(checked.details));
  return checked.fields;
};
const dkim = `v=DKIM1; k=rsa; p=${'A'.repeat(400)}`;
const tricky = 'say "hi" \\ back; Grüße';
const zone: Zone = {
  name: zoneName,
  serial: 2026120401,
  defaultTtl: 3600,
  primaryNameServer: 'ns1.provider.example',
  hostmaster: 'hostmaster@example.com',
  records: [
    record({ name: '@', type: 'A', value: '192.0.2.10' }),
    record({ name: 'www', type: 'AAAA', value: '2001:db8::10', ttl: 600 }),
    record({ name: 'shop', type: 'CNAME', value: 'shops.example.net' }),
    record({ name: '@', type: 'MX', value: 'mail.example.net', priority: 10 }),
    record({ name: '_sip._tcp', type: 'SRV', value: 'sip.example.net', priority: 10, weight: 5, port: 5060 }),
    record({ name: '@', type: 'CAA', value: 'letsencrypt.org', flags: 0, tag: 'issue' }),
    record({ name: 'mail._domainkey', type: 'TXT', value: dkim }),
    record({ name: '@', type: 'TXT', value: tricky }),
  ],
};

it('writes $ORIGIN, $TTL, the SOA and every record, and dns-zonefile parses it back', () => {
  const text = zoneFile(zone, new Date('2026-12-04T10:00:00Z'));
  const parsed = zonefile.parse(text);
  expect(parsed.$origin).toBe('example.com.');
  expect(Number(parsed.$ttl)).toBe(3600);
  expect(parsed.soa).toMatchObject({
    mname: 'ns1.provider.example.',
    rname: 'hostmaster.example.com.',
    serial: 2026120401,
    refresh: 3600,
    retry: 900,
    expire: 1209600,
    minimum: 3600,
  });
  expect(parsed.ns).toEqual([expect.objectContaining({ name: '@', host: 'ns1.provider.example.' })]);
  expect(parsed.a).toEqual([{ name: '@', ip: '192.0.2.10', ttl: 3600 }]);
  expect(parsed.aaaa).toEqual([{ name: 'www', ip: '2001:db8::10', ttl: 600 }]);
  expect(parsed.cname).toEqual([{ name: 'shop', alias: 'shops.example.net.', ttl: 3600 }]);
  expect(parsed.mx).toEqual([{ name: '@', preference: 10, host: 'mail.example.net.', ttl: 3600 }]);
  expect(parsed.srv).toEqual([
    { name: '_sip._tcp', priority: 10, weight: 5, port: 5060, target: 'sip.example.net.', ttl: 3600 },
  ]);
  expect(parsed.caa).toEqual([{ name: '@', flags: 0, tag: 'issue', value: '"letsencrypt.org"', ttl: 3600 }]);
  const txt = Object.fromEntries(
    (parsed.txt ?? []).map((entry) => [entry.name, characterStrings(entry.txt)]),
  );
  expect(txt['@']).toEqual([tricky]);
  // The DKIM key is longer than one character-string: split, and joined again it is the text.
  expect(txt['mail._domainkey']?.length).toBe(2);
  expect(txt['mail._domainkey']?.every((part) => Buffer.byteLength(part) <= 255)).toBe(true);
  expect(txt['mail._domainkey']?.join('')).toBe(dkim);
});

it('escapes quotes, backslashes and every byte outside printable ASCII', () => {
  expect(quoted('a"b\\c')).toBe('"a\\"b\\\\c"');
  expect(quoted('ü')).toBe('"\\195\\188"');
  expect(quoted('tab\there')).toBe('"tab\\009here"');
});

it('splits long text at 255 bytes without breaking a character', () => {
  const text = `${'a'.repeat(254)}ü${'b'.repeat(10)}`;
  const parts = txtStrings(text);
  expect(parts).toEqual(['a'.repeat(254), `ü${'b'.repeat(10)}`]);
  expect(txtStrings('short')).toEqual(['short']);
});
