// D2: one DNS record checked for its type, field by field; every refusal names its field. Addresses are
// stored canonical, host names absolute without the trailing dot, the owner name relative to the zone.
import type { DnsRecordType } from '../../db/schema.ts';
import type { ErrorDetail } from '../../shared/app-error.ts';
import { normalizeHostName, relativeRecordName } from './dns-names.ts';
import { domainErrors } from './domains.errors.ts';
import { canonicalAddress } from './redirects.ts';

export const dnsRecordTypes = ['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'SRV', 'CAA'] as const;
export const ttlBounds = { min: 60, max: 86_400, default: 3_600 } as const;
/** RFC 1035 3.3: one character-string holds at most 255 bytes; longer text is split into several. */
export const txtStringBytes = 255;
/** The whole TXT record's text: room for a 4096-bit DKIM key, well inside a 64 KiB RDATA. */
export const txtTotalBytes = 2_048;
export const caaTags = ['issue', 'issuewild', 'iodef'] as const;

export interface DnsRecordInput {
  name: string;
  type: DnsRecordType;
  ttl?: number;
  value: string;
  priority?: number | null;
  weight?: number | null;
  port?: number | null;
  flags?: number | null;
  tag?: string | null;
}

export interface DnsRecordFields {
  name: string;
  type: DnsRecordType;
  ttl: number;
  value: string;
  priority: number | null;
  weight: number | null;
  port: number | null;
  flags: number | null;
  tag: string | null;
}

export type CheckedRecord =
  | { fields: DnsRecordFields; details: [] }
  | { fields: null; details: ErrorDetail[] };

const srvName = /^_[a-z0-9-]{1,62}\._(?:tcp|udp|tls|sctp)(?:\.|$)/;
// CAA issue/issuewild: an issuer domain, optionally ";" and key=value parameters, or ";" alone (RFC 8659).
const caaIssuer = /^(?:[a-z0-9.-]*)(?:\s*;(?:\s*[a-z0-9]+=[\x21-\x3a\x3c-\x7e]*)*\s*)?$/i;

/** Checks `input` for a record in `zone`; the fields to store, or every field's refusal. */
export function checkedRecord(input: DnsRecordInput, zone: string): CheckedRecord {
  const details: ErrorDetail[] = [];
  const refuse = (field: string, code: string) => details.push({ field, code });

  const owner = relativeRecordName(input.name, zone);
  if ('refused' in owner) {
    refuse(
      'name',
      owner.refused === 'outsideZone'
        ? domainErrors.DNS_RECORD_NAME_OUTSIDE_ZONE
        : domainErrors.DNS_RECORD_NAME_INVALID,
    );
  }
  const name = 'name' in owner ? owner.name : '';

  const ttl = input.ttl ?? ttlBounds.default;
  if (!Number.isInteger(ttl) || ttl < ttlBounds.min || ttl > ttlBounds.max) {
    refuse('ttl', domainErrors.DNS_RECORD_TTL_RANGE);
  }

  const fields: DnsRecordFields = {
    name,
    type: input.type,
    ttl,
    value: input.value.trim(),
    priority: null,
    weight: null,
    port: null,
    flags: null,
    tag: null,
  };
  const number = (field: 'priority' | 'weight' | 'port' | 'flags', max: number) => {
    const given = input[field];
    if (given === undefined || given === null) return refuse(field, domainErrors.DNS_RECORD_REQUIRED);
    if (!Number.isInteger(given) || given < 0 || given > max) {
      return refuse(field, domainErrors.DNS_RECORD_NUMBER_RANGE);
    }
    fields[field] = given;
  };
  const host = (options?: { allowServiceLabels: boolean }) => {
    const target = normalizeHostName(input.value, options);
    if (target) fields.value = target;
    else refuse('value', domainErrors.DNS_RECORD_HOST_INVALID);
  };

  switch (input.type) {
    case 'A': {
      const address = canonicalAddress(input.value);
      if (address && !address.includes(':')) fields.value = address;
      else refuse('value', domainErrors.DNS_RECORD_IPV4_INVALID);
      break;
    }
    case 'AAAA': {
      const address = canonicalAddress(input.value);
      if (address?.includes(':')) fields.value = address;
      else refuse('value', domainErrors.DNS_RECORD_IPV6_INVALID);
      break;
    }
    case 'CNAME':
      host({ allowServiceLabels: true });
      if (name === '@') refuse('name', domainErrors.DNS_RECORD_CNAME_AT_APEX);
      break;
    case 'MX':
      number('priority', 65_535);
      host();
      break;
    case 'SRV':
      if (name && !srvName.test(name)) refuse('name', domainErrors.DNS_RECORD_SRV_NAME);
      number('priority', 65_535);
      number('weight', 65_535);
      number('port', 65_535);
      host();
      break;
    case 'TXT': {
      // Text as typed (spaces kept); printable characters only, so the zone file stays one line per record.
      fields.value = input.value;
      if (fields.value.length === 0) refuse('value', domainErrors.DNS_RECORD_REQUIRED);
      else if (/\p{Cc}/u.test(fields.value)) refuse('value', domainErrors.DNS_RECORD_TXT_CHARACTERS);
      else if (Buffer.byteLength(fields.value, 'utf8') > txtTotalBytes) {
        refuse('value', domainErrors.DNS_RECORD_TXT_TOO_LONG);
      }
      break;
    }
    case 'CAA': {
      number('flags', 255);
      const tag = input.tag?.trim().toLowerCase() ?? '';
      if (!(caaTags as readonly string[]).includes(tag)) refuse('tag', domainErrors.DNS_RECORD_CAA_VALUE);
      fields.tag = tag;
      if (!caaValueValid(tag, fields.value)) refuse('value', domainErrors.DNS_RECORD_CAA_VALUE);
      break;
    }
  }
  return details.length > 0 ? { fields: null, details } : { fields, details: [] };
}

function caaValueValid(tag: string, value: string): boolean {
  if (value.length === 0 || value.length > 255 || !/^[\x20-\x7e]+$/.test(value) || value.includes('"')) {
    return false;
  }
  if (tag === 'iodef') {
    if (!URL.canParse(value)) return false;
    return ['mailto:', 'http:', 'https:'].includes(new URL(value).protocol);
  }
  return caaIssuer.test(value);
}

/** A TXT text as RFC 1035 character-strings: at most 255 bytes each, never splitting a character. */
export function txtStrings(text: string): string[] {
  const strings: string[] = [];
  let current = '';
  let bytes = 0;
  for (const character of text) {
    const size = Buffer.byteLength(character, 'utf8');
    if (bytes + size > txtStringBytes) {
      strings.push(current);
      current = '';
      bytes = 0;
    }
    current += character;
    bytes += size;
  }
  strings.push(current);
  return strings;
}
