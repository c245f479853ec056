// D2: a domain's zone as an RFC 1035 master file: $ORIGIN, $TTL, the SOA, the name server and the records,
// owner names relative to the origin, host names absolute with their dot, TXT and CAA values quoted with
// '"' and '\' escaped and every byte outside printable ASCII written as \DDD.
import { type DnsRecordFields, txtStrings } from './dns-records.ts';

export interface Zone {
  /** "example.com", without the trailing dot. */
  name: string;
  serial: number;
  defaultTtl: number;
  primaryNameServer: string;
  hostmaster: string;
  records: readonly DnsRecordFields[];
}

/** SOA timers (seconds): refresh 1 h, retry 15 min, expire 2 weeks, negative caching 1 h. */
export const soaTimers = { refresh: 3_600, retry: 900, expire: 1_209_600, minimum: 3_600 } as const;

const absolute = (host: string) => `${host}.`;

/** One RFC 1035 <character-string> in quotes. */
export function quoted(text: string): string {
  let out = '"';
  for (const byte of Buffer.from(text, 'utf8')) {
    if (byte === 0x22 || byte === 0x5c) out += `\\${String.fromCharCode(byte)}`;
    else if (byte >= 0x20 && byte <= 0x7e) out += String.fromCharCode(byte);
    else out += `\\${byte.toString().padStart(3, '0')}`;
  }
  return `${out}"`;
}

function rdata(record: DnsRecordFields): string {
  switch (record.type) {
    case 'A':
    case 'AAAA':
      return record.value;
    case 'CNAME':
      return absolute(record.value);
    case 'MX':
      return `${record.priority} ${absolute(record.value)}`;
    case 'SRV':
      return `${record.priority} ${record.weight} ${record.port} ${absolute(record.value)}`;
    case 'TXT':
      return txtStrings(record.value).map(quoted).join(' ');
    case 'CAA':
      return `${record.flags} ${record.tag} ${quoted(record.value)}`;
  }
}

const line = (name: string, ttl: number, type: string, data: string) =>
  `${name}\t${ttl}\tIN\t${type}\t${data}`;

export function zoneFile(zone: Zone, exportedAt: Date): string {
  const mailbox = zone.hostmaster.replace('@', '.');
  const { refresh, retry, expire, minimum } = soaTimers;
  const records = [...zone.records].sort(
    (a, b) =>
      Number(b.name === '@') - Number(a.name === '@') ||
      a.name.localeCompare(b.name) ||
      a.type.localeCompare(b.type),
  );
  return [
    `; Zone ${zone.name}, exported by Kontor at ${exportedAt.toISOString()}`,
    `$ORIGIN ${absolute(zone.name)}`,
    `$TTL ${zone.defaultTtl}`,
    line(
      '@',
      zone.defaultTtl,
      'SOA',
      `${absolute(zone.primaryNameServer)} ${absolute(mailbox)} ( ${zone.serial} ${refresh} ${retry} ${expire} ${minimum} )`,
    ),
    line('@', zone.defaultTtl, 'NS', absolute(zone.primaryNameServer)),
    ...records.map((record) => line(record.name, record.ttl, record.type, rdata(record))),
    '',
  ].join('\n');
}
