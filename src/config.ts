// The only module that reads process.env. Everything else receives a validated Config.
import { availableParallelism } from 'node:os';
import path from 'node:path';

export const supportedLocales = ['de', 'en', 'hu'] as const;
export type Locale = (typeof supportedLocales)[number];

export type DatabaseConfig =
  | { dialect: 'sqlite'; filename: string }
  | { dialect: 'postgres'; connectionString: string; poolSize: number };

export interface Config {
  port: number;
  host: string;
  publicUrl: URL;
  database: DatabaseConfig;
  /** null: no SMTP server configured, e-mails stay in the built-in mailbox. */
  smtpUrl: string | null;
  /** Sender of every e-mail; without a name of its own, the provider's name is shown. */
  mailFrom: { name: string | null; address: string };
  defaultLocale: Locale;
  trustProxy: boolean;
  logLevel: string;
  bodyLimitBytes: number;
  rateLimitPerMinute: number;
  signInRateLimitPerMinute: number;
  mailWorkerIntervalMs: number;
  mailMaxAttempts: number;
  /** How long a claimed e-mail is another worker's; after a crash it is sent again once this has passed. */
  mailLeaseMs: number;
  /** The wait before the first retry of a failed delivery; each further retry waits twice as long. */
  mailRetryFirstMs: number;
  operatorSetupLinkTtlMinutes: number;
  /** Seats of a self-registered account; operators set their own per order. */
  defaultSeatLimit: number;
  defaultTimezone: string;
  /** Where the built web app lives; served by the same process. */
  webRoot: string;
  /** null: Kontor receives no mail (the default). */
  inboundMail: InboundMailConfig | null;
  /** How long the gateway's HTTP adapter waits for a service provider's answer (then 504, not charged). */
  gatewayTimeoutMs: number;
  /** Days a gateway request's idempotency record is kept after its last change (a later retry is new). */
  gatewayRequestRetentionDays: number;
  /** Worker threads that render invoice documents (0: the calling thread renders). */
  invoiceRenderThreads: number;
  remoteSupport: RemoteSupportConfig;
  dns: DnsConfig;
  /** P6: card payment through Stripe's hosted checkout; null (off) while no secret key is set. */
  cardPayments: CardPaymentsConfig | null;
}

export interface CardPaymentsConfig {
  provider: 'stripe';
  secretKey: string;
  /** The endpoint secret a webhook's signature is checked with. */
  webhookSecret: string;
  /** Another API address than Stripe's own (tests point it at a local fake). */
  apiBase: URL | null;
}

/** D2: which adapter applies the domains' zones, and what every zone's SOA names. */
export interface DnsConfig {
  /** 'recording': records the zone, changes no DNS anywhere (the only adapter so far; docs/domains.md). */
  provider: 'recording';
  /** The primary name server in each zone's SOA and NS record. */
  primaryNameServer: string;
}

/** R1–R7: where browsers find a path to each other, and the limits of a session. */
export interface RemoteSupportConfig {
  stunUrls: string[];
  turnUrls: string[];
  /** coturn's static-auth-secret: Kontor hands out short-lived credentials made from it (TURN REST API). */
  turnSecret: string | null;
  /** Only relayed paths: the peers never learn each other's addresses. Needs TURN. */
  relayOnly: boolean;
  maxFileBytes: number;
  /** Days a session and its log are kept; its number is free again after that. */
  logRetentionDays: number;
  /** Join attempts per client address, and over the whole service, per minute. */
  joinsPerAddressPerMinute: number;
  joinsPerMinute: number;
}

export interface InboundMailConfig {
  port: number;
  host: string;
  /** Largest message accepted (SIZE, 552 above). */
  maxBytes: number;
  /** Largest single attachment kept; larger ones are dropped. */
  maxAttachmentBytes: number;
  /** Lower-cased addresses accepted in RCPT TO; any other gets 550. */
  recipients: string[];
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

type Env = Record<string, string | undefined>;

/** Reads and validates every variable at once so one start lists every mistake. */
export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const read = <T>(name: string, fallback: T, parse: (raw: string) => T | undefined, expected: string): T => {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') return fallback;
    const value = parse(raw.trim());
    if (value === undefined) problems.push(`${name}=${JSON.stringify(raw)}: expected ${expected}`);
    return value ?? fallback;
  };
  const integer = (min: number, max: number) => (raw: string) => {
    const value = Number(raw);
    return Number.isInteger(value) && value >= min && value <= max ? value : undefined;
  };
  const boolean = (raw: string) =>
    ({ true: true, '1': true, yes: true, false: false, '0': false, no: false })[raw.toLowerCase()];

  const port = read('PORT', 3000, integer(0, 65535), 'a port number 0-65535');
  const host = read('HOST', '127.0.0.1', (raw) => raw, 'a host name or address');
  const publicUrl = read(
    'PUBLIC_URL',
    new URL(`http://localhost:${port}`),
    (raw) => {
      const url = URL.canParse(raw) ? new URL(raw) : undefined;
      return url && (url.protocol === 'http:' || url.protocol === 'https:') ? url : undefined;
    },
    'an absolute http(s) URL such as https://portal.example.com',
  );
  const database = read<DatabaseConfig>(
    'DATABASE_URL',
    { dialect: 'sqlite', filename: path.resolve('data/kontor.db') },
    parseDatabaseUrl,
    'postgres://user:password@host:5432/db, sqlite:path/to/file.db or sqlite::memory:',
  );
  const smtpUrl = read<string | null>(
    'SMTP_URL',
    null,
    (raw) => (/^smtps?:\/\//.test(raw) && URL.canParse(raw) ? raw : undefined),
    'smtp://user:password@host:587 or smtps://host:465',
  );
  const mailFrom = read(
    'MAIL_FROM',
    { name: null, address: `no-reply@${publicUrl.hostname}` },
    parseMailbox,
    'an address such as no-reply@example.com or "Example Support <support@example.com>"',
  );
  const defaultLocale = read<Locale>(
    'DEFAULT_LOCALE',
    'de',
    (raw) => supportedLocales.find((locale) => locale === raw),
    supportedLocales.join(', '),
  );
  const iceUrls = (scheme: RegExp) => (raw: string) => {
    const urls = raw.split(',').map((url) => url.trim());
    return urls.every((url) => scheme.test(url)) ? urls : undefined;
  };
  const remoteSupport: RemoteSupportConfig = {
    stunUrls: read(
      'REMOTE_SUPPORT_STUN_URLS',
      [],
      iceUrls(/^stuns?:[^\s,]+$/),
      'stun:host:port, comma-separated',
    ),
    turnUrls: read(
      'REMOTE_SUPPORT_TURN_URLS',
      [],
      iceUrls(/^turns?:[^\s,]+$/),
      'turn:host:port?transport=udp, comma-separated',
    ),
    turnSecret: read<string | null>(
      'REMOTE_SUPPORT_TURN_SECRET',
      null,
      (raw) => (raw.length >= 16 ? raw : undefined),
      "coturn's static-auth-secret, at least 16 characters",
    ),
    relayOnly: read('REMOTE_SUPPORT_RELAY_ONLY', false, boolean, 'true or false'),
    maxFileBytes: read(
      'REMOTE_SUPPORT_MAX_FILE_BYTES',
      100 * 1024 * 1024,
      integer(1, 10 * 1024 * 1024 * 1024),
      'bytes between 1 and 10737418240',
    ),
    logRetentionDays: read('REMOTE_SUPPORT_LOG_RETENTION_DAYS', 365, integer(1, 3_650), 'days 1-3650'),
    joinsPerAddressPerMinute: read(
      'REMOTE_SUPPORT_JOINS_PER_ADDRESS',
      10,
      integer(1, 10_000),
      'an integer 1-10000',
    ),
    joinsPerMinute: read(
      'REMOTE_SUPPORT_JOINS_PER_MINUTE',
      300,
      integer(1, 1_000_000),
      'an integer 1-1000000',
    ),
  };
  if (remoteSupport.turnUrls.length > 0 && !remoteSupport.turnSecret) {
    problems.push("REMOTE_SUPPORT_TURN_URLS needs REMOTE_SUPPORT_TURN_SECRET (coturn's static-auth-secret)");
  }
  const stripeKey = read<string | null>(
    'STRIPE_SECRET_KEY',
    null,
    (raw) => (/^(sk|rk)_\S+$/.test(raw) ? raw : undefined),
    'a Stripe secret key (sk_live_… or sk_test_…)',
  );
  const stripeWebhookSecret = read<string | null>(
    'STRIPE_WEBHOOK_SECRET',
    null,
    (raw) => (/^whsec_\S+$/.test(raw) ? raw : undefined),
    "the webhook endpoint's signing secret (whsec_…)",
  );
  const stripeApiBase = read<URL | null>(
    'STRIPE_API_BASE',
    null,
    (raw) => (URL.canParse(raw) && /^https?:$/.test(new URL(raw).protocol) ? new URL(raw) : undefined),
    'an absolute http(s) URL',
  );
  if (stripeKey && !stripeWebhookSecret)
    problems.push('STRIPE_SECRET_KEY needs STRIPE_WEBHOOK_SECRET (whsec_…)');
  const config: Config = {
    port,
    host,
    publicUrl,
    database,
    smtpUrl,
    mailFrom,
    defaultLocale,
    trustProxy: read('TRUST_PROXY', false, boolean, 'true or false'),
    logLevel: read(
      'LOG_LEVEL',
      'info',
      (raw) =>
        ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(raw) ? raw : undefined,
      'fatal, error, warn, info, debug, trace or silent',
    ),
    bodyLimitBytes: read(
      'BODY_LIMIT_BYTES',
      65_536,
      integer(1_024, 50_000_000),
      'bytes between 1024 and 50000000',
    ),
    rateLimitPerMinute: read(
      'RATE_LIMIT_PER_MINUTE',
      600,
      integer(1, 1_000_000_000),
      'an integer 1-1000000000',
    ),
    signInRateLimitPerMinute: read(
      'SIGN_IN_RATE_LIMIT_PER_MINUTE',
      20,
      integer(1, 1_000_000_000),
      'an integer 1-1000000000',
    ),
    mailWorkerIntervalMs: read(
      'MAIL_WORKER_INTERVAL_MS',
      2_000,
      integer(50, 3_600_000),
      'milliseconds 50-3600000',
    ),
    mailMaxAttempts: read('MAIL_MAX_ATTEMPTS', 12, integer(1, 100), 'an integer 1-100'),
    mailLeaseMs: read('MAIL_LEASE_MS', 300_000, integer(1_000, 3_600_000), 'milliseconds 1000-3600000'),
    mailRetryFirstMs: read(
      'MAIL_RETRY_FIRST_MS',
      30_000,
      integer(1_000, 3_600_000),
      'milliseconds 1000-3600000',
    ),
    operatorSetupLinkTtlMinutes: read(
      'OPERATOR_SETUP_LINK_TTL_MINUTES',
      60,
      integer(1, 10_080),
      'minutes 1-10080',
    ),
    defaultSeatLimit: read('DEFAULT_SEAT_LIMIT', 5, integer(1, 100_000), 'an integer 1-100000'),
    defaultTimezone: read(
      'DEFAULT_TIMEZONE',
      'Europe/Berlin',
      (raw) => (Intl.supportedValuesOf('timeZone').includes(raw) || raw === 'UTC' ? raw : undefined),
      'an IANA time zone such as Europe/Berlin or Europe/Budapest',
    ),
    webRoot: path.resolve(env.KONTOR_WEB_ROOT ?? 'dist/web'),
    inboundMail: null,
    gatewayTimeoutMs: read('GATEWAY_TIMEOUT_MS', 10_000, integer(100, 120_000), 'milliseconds 100-120000'),
    gatewayRequestRetentionDays: read('GATEWAY_REQUEST_RETENTION_DAYS', 90, integer(1, 3_650), 'days 1-3650'),
    invoiceRenderThreads: read(
      'INVOICE_RENDER_THREADS',
      availableParallelism(),
      integer(0, 64),
      'an integer 0-64',
    ),
    remoteSupport,
    cardPayments:
      stripeKey && stripeWebhookSecret
        ? {
            provider: 'stripe',
            secretKey: stripeKey,
            webhookSecret: stripeWebhookSecret,
            apiBase: stripeApiBase,
          }
        : null,
    dns: {
      provider: read(
        'DNS_PROVIDER',
        'recording' as const,
        (raw) => (raw === 'recording' ? raw : undefined),
        'recording',
      ),
      primaryNameServer: read(
        'DNS_PRIMARY_NAME_SERVER',
        `ns1.${publicUrl.hostname}`,
        (raw) =>
          /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}\.?$/i.test(raw)
            ? raw.replace(/\.$/, '').toLowerCase()
            : undefined,
        'a host name such as ns1.example.com',
      ),
    },
  };
  // The other inbound variables are checked even while the port is unset, so a mistake shows at once.
  const inboundPort = read<number | null>(
    'INBOUND_SMTP_PORT',
    null,
    integer(1, 65535),
    'a port number 1-65535',
  );
  const inboundMail: InboundMailConfig = {
    port: inboundPort ?? 0,
    host: read('INBOUND_SMTP_HOST', '127.0.0.1', (raw) => raw, 'a host name or address'),
    maxBytes: read(
      'INBOUND_MAX_BYTES',
      10 * 1024 * 1024,
      integer(1_024, 100_000_000),
      'bytes between 1024 and 100000000',
    ),
    maxAttachmentBytes: read(
      'INBOUND_MAX_ATTACHMENT_BYTES',
      5 * 1024 * 1024,
      integer(1, 100_000_000),
      'bytes between 1 and 100000000',
    ),
    recipients: read(
      'INBOUND_RECIPIENTS',
      [`support@${publicUrl.hostname}`],
      parseAddressList,
      'comma-separated addresses such as support@example.com',
    ),
  };
  if (inboundPort !== null) config.inboundMail = inboundMail;
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** "Name <address>", or a bare address. */
function parseMailbox(raw: string): Config['mailFrom'] | undefined {
  const named = /^"?([^"<>\r\n]*?)"?\s*<([^\s@<>]+@[^\s@<>]+)>$/.exec(raw);
  if (named) return { name: named[1]?.trim() || null, address: named[2] ?? '' };
  return /^[^\s@<>"]+@[^\s@<>"]+$/.test(raw) ? { name: null, address: raw } : undefined;
}

function parseAddressList(raw: string): string[] | undefined {
  const addresses = raw.split(',').map((address) => address.trim().toLowerCase());
  return addresses.every((address) => /^[^\s@<>",]+@[^\s@<>",]+$/.test(address)) ? addresses : undefined;
}

function parseDatabaseUrl(raw: string): DatabaseConfig | undefined {
  if (raw.startsWith('postgres://') || raw.startsWith('postgresql://')) {
    if (!URL.canParse(raw)) return undefined;
    const poolSize = Number(new URL(raw).searchParams.get('pool') ?? 10);
    return {
      dialect: 'postgres',
      connectionString: raw,
      poolSize: Number.isInteger(poolSize) ? poolSize : 10,
    };
  }
  if (raw.startsWith('sqlite:')) {
    const file = raw.slice('sqlite:'.length).replace(/^\/\//, '');
    if (file === '') return undefined;
    return { dialect: 'sqlite', filename: file === ':memory:' ? file : path.resolve(file) };
  }
  return undefined;
}

export function isHttps(config: Config): boolean {
  return config.publicUrl.protocol === 'https:';
}
