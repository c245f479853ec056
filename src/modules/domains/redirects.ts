// D2: where a domain's web address forwards to. Never to a script or data URL, and never to an address
// inside the provider's network (loopback, private, link-local, unique-local, unspecified …): the redirect
// is served by the provider's own web servers, so such a target would point them at themselves.
import ipaddr from 'ipaddr.js';
import { domainErrors } from './domains.errors.ts';

export type RedirectKind = 'ip' | 'url';
export type RedirectResult = { target: string } | { refused: string };

/** A publicly routable unicast address, canonical ("2001:db8::1", IPv4-mapped as IPv4); else null. */
export function publicAddress(input: string): string | null {
  const address = canonicalAddress(input);
  if (!address) return null;
  return ipaddr.process(address).range() === 'unicast' ? ipaddr.process(address).toString() : null;
}

/** The canonical text of an IPv4 (dotted quad, no leading zeros) or IPv6 address (RFC 5952), or null. */
export function canonicalAddress(input: string): string | null {
  const text = input.trim();
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) {
    // Leading zeros read as octal by some resolvers: refuse rather than guess.
    return text.split('.').some((part) => part.length > 1 && part.startsWith('0')) ? null : text;
  }
  if (!text.includes(':') || text.includes('%') || !ipaddr.IPv6.isValid(text)) return null;
  return ipaddr.IPv6.parse(text).toRFC5952String();
}

export function checkedRedirect(kind: RedirectKind, input: string): RedirectResult {
  const text = input.trim();
  if (kind === 'ip') {
    if (!canonicalAddress(text)) return { refused: domainErrors.DOMAIN_REDIRECT_INVALID };
    const address = publicAddress(text);
    return address ? { target: address } : { refused: domainErrors.DOMAIN_REDIRECT_INTERNAL };
  }
  if (!URL.canParse(text)) return { refused: domainErrors.DOMAIN_REDIRECT_INVALID };
  const url = new URL(text);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { refused: domainErrors.DOMAIN_REDIRECT_SCHEME };
  }
  if (url.username || url.password) return { refused: domainErrors.DOMAIN_REDIRECT_INVALID };
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (canonicalAddress(host)) {
    return publicAddress(host) ? { target: url.href } : { refused: domainErrors.DOMAIN_REDIRECT_INTERNAL };
  }
  // WHATWG URL turns "0x7f.1" and "2130706433" into 127.0.0.1 already; a single label is a local name.
  if (host === 'localhost' || host.endsWith('.localhost') || !host.includes('.')) {
    return { refused: domainErrors.DOMAIN_REDIRECT_INTERNAL };
  }
  return { target: url.href };
}
