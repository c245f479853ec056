// Security baseline (docs/SECURITY.md): headers, CSRF, rate limits, JSON-only request bodies.
import { timingSafeEqual } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Config, isHttps } from '../config.ts';
import { AppError } from '../shared/app-error.ts';
import { generateToken } from '../shared/tokens.ts';
import { cookieNames, csrfCookieOptions } from './cookies.ts';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);
// Probes of load balancers and monitors: no rate limit, no browser cookie.
const machinePaths = new Set(['/healthz', '/readyz']);
// The desktop program's routes authenticate by header only: no cookie is read or set there (P1). What
// exempts them is their declared access (http/access.ts), not their address.
const isProgramRoute = (request: FastifyRequest) => request.routeOptions.config?.access?.kind === 'program';

export async function registerSecurity(app: FastifyInstance, config: Config): Promise<void> {
  const headers = securityHeaders(config);
  app.addHook('onRequest', async (_request, reply) => {
    reply.headers(headers);
  });

  await app.register(rateLimit, {
    max: config.rateLimitPerMinute,
    timeWindow: 60_000,
    allowList: (request) => machinePaths.has(request.url),
    errorResponseBuilder: (_request, context) =>
      Object.assign(new AppError('RATE_LIMITED', { params: { seconds: Math.ceil(context.ttl / 1000) } }), {
        statusCode: 429,
      }),
  });

  // JSON is the only request body format; Fastify answers 415 for any other content type.
  app.removeContentTypeParser(['text/plain']);

  const names = cookieNames(config);
  app.addHook('onRequest', async (request, reply) => {
    if (machinePaths.has(request.url)) return;
    if (isProgramRoute(request)) {
      if (!safeMethods.has(request.method) && !isSameOrigin(request, config))
        throw new AppError('CSRF_FAILED');
      return;
    }
    if (!request.cookies[names.csrf]) reply.setCookie(names.csrf, generateToken(), csrfCookieOptions(config));
    // A WebSocket handshake is a GET that carries the session cookie and no CSRF header: another site's
    // page could open one in the user's name (cross-site WebSocket hijacking), so its Origin must be ours.
    if (request.headers.upgrade?.toLowerCase() === 'websocket' && !isSameOrigin(request, config)) {
      throw new AppError('CSRF_FAILED');
    }
    if (safeMethods.has(request.method)) return;
    if (!isSameOrigin(request, config)) throw new AppError('CSRF_FAILED');
    // A browser sends the session cookie on its own; only a page of ours can read the CSRF cookie.
    if (
      request.cookies[names.session] &&
      !tokensMatch(request.headers['x-csrf-token'], request.cookies[names.csrf])
    ) {
      throw new AppError('CSRF_FAILED');
    }
  });
}

function isSameOrigin(request: FastifyRequest, config: Config): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true; // not a browser, or a same-origin navigation of an old browser
  const ownOrigins = [config.publicUrl.origin, `${request.protocol}://${request.host}`];
  return ownOrigins.includes(origin);
}

function tokensMatch(header: string | string[] | undefined, cookie: string | undefined): boolean {
  if (typeof header !== 'string' || !cookie) return false;
  const a = Buffer.from(header);
  const b = Buffer.from(cookie);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The same for every response, so computed once (ASVS 3.4). Swagger UI sets its own CSP for its page. */
function securityHeaders(config: Config): Record<string, string> {
  const contentSecurityPolicy = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'", // Mantine sets CSS variables in style attributes
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    ...(isHttps(config) ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
  return {
    'content-security-policy': contentSecurityPolicy,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer', // links carry tokens in the fragment; never leak a path either
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
    ...(isHttps(config) ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}
