// P1: the desktop program signs every request with customer number + user number + access key, in the
// Authorization header only: HTTP Basic (user "<customerNumber>/<userNumber>", password the key) or
// Bearer "<customerNumber>.<userNumber>.<accessKey>". The key is 256 random bits, so it is found by its
// SHA-256 (no argon2 on this path); no cookie is read or set. Failed attempts count per client address.
import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { Config } from '../../config.ts';
import type { Role } from '../../db/schema.ts';
import { AppError, assertThat } from '../../shared/app-error.ts';
import type { Clock } from '../../shared/clock.ts';
import { resolveLocale, translator } from '../../shared/i18n.ts';
import { parseCustomerNumber } from '../../shared/numbers.ts';
import { type Permission, parsePermissions } from '../../shared/permissions.ts';
import { hashToken } from '../../shared/tokens.ts';
import type { UsableService } from '../catalogue/index.ts';
import { programErrors } from './program-api.errors.ts';
import type { ProgramRepository } from './program-api.repository.ts';

export interface ProgramCaller {
  userId: string;
  userNumber: string;
  username: string;
  title: string | null;
  firstName: string;
  lastName: string;
  email: string | null;
  accountId: string;
  customerNumber: string;
  companyName: string;
  role: Role;
  permissions: Permission[];
  /** What the user may use now by the subscriptions, whether or not they hold "services.use". */
  services: UsableService[];
}

declare module 'fastify' {
  interface FastifyRequest {
    program?: ProgramCaller;
  }
}

/** Query parameters that look like credentials; refused even when the header is right. */
const credentialParameters =
  /^(customer_?number|user_?number|access_?key|key|password|token|authorization|auth)$/i;

interface Presented {
  customerNumber: string;
  userNumber: string;
  accessKey: string;
}

/** The three parts from the header, or null when it is not one of the two documented forms. */
export function presentedCredentials(header: string | undefined): Presented | null {
  if (!header) return null;
  const [scheme, value = ''] = header.trim().split(/\s+/, 2);
  let parts: string[] = [];
  if (scheme?.toLowerCase() === 'bearer') parts = value.split('.');
  else if (scheme?.toLowerCase() === 'basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.lastIndexOf(':');
    if (colon < 0) return null;
    // "<customerNumber>/<userNumber>:<key>"; "<customerNumber>:<userNumber>:<key>" is taken too.
    parts = [...decoded.slice(0, colon).split(/[/:]/), decoded.slice(colon + 1)];
  }
  if (parts.length !== 3 || parts.some((part) => part.trim() === '')) return null;
  const [customerNumber, userNumber, accessKey] = parts.map((part) => part.trim()) as [
    string,
    string,
    string,
  ];
  return { customerNumber, userNumber, accessKey };
}

/** Failed attempts per client address in a sliding minute; kept in memory like the HTTP rate limit. */
function failureCounter(clock: Clock, maxPerMinute: number) {
  const failures = new Map<string, { count: number; since: number }>();
  const windowMs = 60_000;
  return {
    assertMayTry(address: string) {
      const now = clock.now().getTime();
      const entry = failures.get(address);
      if (!entry || now - entry.since >= windowMs) return;
      if (entry.count >= maxPerMinute) {
        const seconds = Math.ceil((entry.since + windowMs - now) / 1000);
        throw new AppError('RATE_LIMITED', { params: { seconds }, retryAfterSeconds: seconds });
      }
    },
    fail(address: string) {
      const now = clock.now().getTime();
      const entry = failures.get(address);
      if (!entry || now - entry.since >= windowMs) {
        // Old windows go when the map grows, so many addresses cannot fill the memory.
        if (failures.size > 10_000) {
          for (const [key, value] of failures) if (now - value.since >= windowMs) failures.delete(key);
        }
        failures.set(address, { count: 1, since: now });
      } else entry.count += 1;
    },
  };
}

export function programGuard({
  config,
  clock,
  repository,
}: {
  config: Config;
  clock: Clock;
  repository: ProgramRepository;
}): preHandlerAsyncHookHandler {
  const counter = failureCounter(clock, config.signInRateLimitPerMinute);

  async function callerOf(request: FastifyRequest): Promise<ProgramCaller> {
    const query = (request.query ?? {}) as Record<string, unknown>;
    if (Object.keys(query).some((name) => credentialParameters.test(name))) {
      throw new AppError(programErrors.PROGRAM_CREDENTIALS_IN_QUERY);
    }
    const header = request.headers.authorization;
    if (!header) throw new AppError(programErrors.PROGRAM_CREDENTIALS_MISSING);
    counter.assertMayTry(request.ip);
    const presented = presentedCredentials(header);
    const customerNumber = presented && parseCustomerNumber(presented.customerNumber);
    const found =
      presented && customerNumber
        ? await repository.findByKeyHash(hashToken(presented.accessKey), clock.now())
        : null;
    if (!found || found.customerNumber !== customerNumber || found.userNumber !== presented?.userNumber) {
      counter.fail(request.ip);
      throw new AppError(programErrors.PROGRAM_CREDENTIALS_INVALID);
    }
    request.locale = resolveLocale({
      user: found.locale,
      account: found.accountLocale,
      acceptLanguage: request.headers['accept-language'],
      fallback: config.defaultLocale,
    });
    request.t = translator(request.locale);
    assertThat(found.status !== 'disabled', programErrors.PROGRAM_USER_DISABLED);
    assertThat(found.accountStatus !== 'suspended', programErrors.PROGRAM_ACCOUNT_SUSPENDED);
    assertThat(found.accountStatus === 'active', programErrors.PROGRAM_ACCOUNT_UNCONFIRMED);
    assertThat(found.username.trim() !== '', programErrors.PROGRAM_USERNAME_MISSING);
    return {
      userId: found.userId,
      userNumber: found.userNumber,
      username: found.username,
      title: found.title,
      firstName: found.firstName,
      lastName: found.lastName,
      email: found.email,
      accountId: found.accountId,
      customerNumber: found.customerNumber,
      companyName: found.companyName,
      role: found.role,
      permissions: parsePermissions(found.permissions),
      services: found.services,
    };
  }

  return async function requireProgram(request: FastifyRequest) {
    request.program = await callerOf(request);
  };
}

/** The program caller a requireProgram guard put on the request. */
export function programCaller(request: FastifyRequest): ProgramCaller {
  if (!request.program) throw new AppError(programErrors.PROGRAM_CREDENTIALS_MISSING);
  return request.program;
}
