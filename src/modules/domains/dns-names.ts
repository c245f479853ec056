// D2: names as DNS keeps them. A domain is stored as ASCII (an IDN as punycode, via WHATWG's domainToASCII),
// lower case, without the trailing dot; a record's name relative to its zone ("@" for the apex).
import { domainToASCII } from 'node:url';

const maxNameLength = 253;
const hostLabel = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
// Record owner names may carry service labels (_sip, _domainkey) and a leading wildcard.
const ownerLabel = /^(?:\*|(?!-)[a-z0-9_-]{1,63}(?<!-))$/;

const labelsOf = (name: string) => name.split('.');

/** "Bücher.Example." → "xn--bcher-kva.example"; null unless it has two or more valid labels. */
export function normalizeDomainName(input: string): string | null {
  const trimmed = input.trim().replace(/\.$/, '');
  if (trimmed === '' || /[\s/\\@:]/.test(trimmed)) return null;
  const ascii = domainToASCII(trimmed.toLowerCase());
  if (!ascii || ascii.length > maxNameLength) return null;
  const labels = labelsOf(ascii);
  if (labels.length < 2 || !labels.every((label) => hostLabel.test(label))) return null;
  // A top-level domain is never all digits: "10.0.0.1" is an address, not a domain.
  return /^\d+$/.test(labels.at(-1) ?? '') ? null : ascii;
}

/**
 * A target host (CNAME, MX, SRV) as an absolute name without the trailing dot; service labels are allowed
 * for CNAME targets such as DKIM keys ("s1._domainkey.mail.example").
 */
export function normalizeHostName(input: string, { allowServiceLabels = false } = {}): string | null {
  const trimmed = input.trim().replace(/\.$/, '');
  if (trimmed === '' || /[\s/\\@:*]/.test(trimmed)) return null;
  const ascii =
    allowServiceLabels && trimmed.includes('_')
      ? trimmed.toLowerCase()
      : domainToASCII(trimmed.toLowerCase());
  if (!ascii || ascii.length > maxNameLength) return null;
  const labels = labelsOf(ascii);
  const label = allowServiceLabels ? /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/ : hostLabel;
  if (labels.length < 2 || !labels.every((part) => label.test(part))) return null;
  return /^\d+$/.test(labels.at(-1) ?? '') ? null : ascii;
}

export type RecordNameResult = { name: string } | { refused: 'invalid' | 'outsideZone' };

/**
 * A record's name relative to `zone`: "@" or "" is the apex; "www" is relative; "www.example.com." (with
 * the dot) or "www.example.com" (the zone spelt out) is an FQDN and must lie inside the zone.
 */
export function relativeRecordName(input: string, zone: string): RecordNameResult {
  const trimmed = input.trim().toLowerCase();
  if (trimmed === '' || trimmed === '@' || trimmed === `${zone}.` || trimmed === zone) return { name: '@' };
  const absolute = trimmed.endsWith('.');
  const bare = trimmed.replace(/\.$/, '');
  let relative: string;
  if (bare.endsWith(`.${zone}`)) relative = bare.slice(0, -(zone.length + 1));
  else if (absolute) return { refused: 'outsideZone' };
  else relative = bare;
  const ascii = relative
    .split('.')
    .map((label) => (label === '*' || label.includes('_') ? label : domainToASCII(label)))
    .join('.');
  const labels = labelsOf(ascii);
  if (!labels.every((label) => ownerLabel.test(label))) return { refused: 'invalid' };
  // A wildcard only as the leftmost label.
  if (labels.slice(1).includes('*')) return { refused: 'invalid' };
  if (ascii.length + zone.length + 1 > maxNameLength) return { refused: 'invalid' };
  return { name: ascii };
}

/** The record's owner as an absolute name ("www.example.com"). */
export const absoluteName = (name: string, zone: string) => (name === '@' ? zone : `${name}.${zone}`);
