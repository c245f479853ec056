import { Type } from 'typebox';
import { id, line } from '../auth/auth.schemas.ts';
import { caaTags, dnsRecordTypes, ttlBounds, txtTotalBytes } from './dns-records.ts';

const redirectKind = Type.Union([Type.Enum(['ip', 'url']), Type.Null()]);

/** What the owner chooses about a domain besides its name: the registrant and where the web address goes. */
const settingsProperties = {
  /** A domain contact of the same account. */
  registrantId: id,
  /** null: no redirect. */
  redirectKind: Type.Optional(redirectKind),
  /** An IP address (kind "ip") or an absolute http(s) URL (kind "url"); never an internal address. */
  redirectTarget: Type.Optional(Type.Union([line(2_000, 0), Type.Null()])),
};

export const domainCreateBody = Type.Object(
  {
    /** "bücher.example" is stored as "xn--bcher-kva.example". */
    name: line(253),
    ...settingsProperties,
  },
  { additionalProperties: false },
);

export const domainSettingsBody = Type.Object(settingsProperties, { additionalProperties: false });

const number = Type.Optional(Type.Union([Type.Integer(), Type.Null()]));

export const dnsRecordBody = Type.Object(
  {
    /** Relative to the zone ("@", "www", "_sip._tcp") or an FQDN inside it ("www.example.com."). */
    name: line(253, 0),
    type: Type.Enum([...dnsRecordTypes]),
    /** Seconds, default 3600. */
    ttl: Type.Optional(Type.Integer({ minimum: -1, maximum: 10_000_000 })),
    /**
     * A/AAAA: the address; CNAME/MX/SRV: the target host; CAA: the value. TXT: the text (up to
     * 2048 bytes; split into 255-byte character-strings in the zone).
     */
    value: Type.String({ maxLength: txtTotalBytes * 2 }),
    /** MX and SRV, 0–65535. */
    priority: number,
    /** SRV, 0–65535. */
    weight: number,
    /** SRV, 0–65535. */
    port: number,
    /** CAA, 0–255 (128: critical). */
    flags: number,
    /** CAA: issue, issuewild or iodef. */
    tag: Type.Optional(Type.Union([Type.String({ maxLength: 20 }), Type.Null()])),
  },
  { additionalProperties: false },
);

export const dnsRecord = Type.Object({
  id: Type.String(),
  name: Type.String(),
  /** The owner as an absolute name, "www.example.com". */
  fqdn: Type.String(),
  type: Type.Enum([...dnsRecordTypes]),
  ttl: Type.Integer(),
  value: Type.String(),
  priority: Type.Union([Type.Integer(), Type.Null()]),
  weight: Type.Union([Type.Integer(), Type.Null()]),
  port: Type.Union([Type.Integer(), Type.Null()]),
  flags: Type.Union([Type.Integer(), Type.Null()]),
  tag: Type.Union([Type.Enum([...caaTags]), Type.Null()]),
});

const domainProperties = {
  id: Type.String(),
  /** ASCII, as DNS keeps it. */
  name: Type.String(),
  /** The name as people write it ("bücher.example"). */
  displayName: Type.String(),
  registrant: Type.Object({ id: Type.String(), name: Type.String() }),
  redirectKind,
  redirectTarget: Type.Union([Type.String(), Type.Null()]),
  zoneSerial: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
};

export const domainSummary = Type.Object({ ...domainProperties, recordCount: Type.Integer() });
export const domainList = Type.Object({ items: Type.Array(domainSummary) });
export const domainDetail = Type.Object({
  ...domainProperties,
  records: Type.Array(dnsRecord),
  limits: Type.Object({
    ttlMin: Type.Literal(ttlBounds.min),
    ttlMax: Type.Literal(ttlBounds.max),
    ttlDefault: Type.Literal(ttlBounds.default),
    txtBytes: Type.Literal(txtTotalBytes),
  }),
});

export const domainParams = Type.Object({ accountId: id, domainId: id });
export const dnsRecordParams = Type.Object({ accountId: id, domainId: id, recordId: id });
