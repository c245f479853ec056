// Security baseline (docs/SECURITY.md): headers, CSRF, rate limits, JSON-only request bodies.
import { timingSafeEqual } from 'node:crypto';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Config, isHttps } from '../config.ts';
import { AppError } from '../shared/app-error.ts';
import { generateToken } from '../shared/tokens.ts';
import { cookieNames, csrfCookieOptions } from './cookies.ts';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);
const unlimitedPaths = new Set(['/healthz', '/readyz']);

export async function registerSecurity(app: FastifyInstance, config: Config): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"], // Mantine sets CSS variables in style attributes
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        upgradeInsecureRequests: isHttps(config) ? [] : null,
      },
    },
    hsts: isHttps(config) ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'no-referrer' }, // links carry tokens in the fragment; never leak a path
    frameguard: { action: 'deny' },
    crossOriginEmbedderPolicy: false,
  });

  await app.register(rateLimit, {
    max: config.rateLimitPerMinute,
    timeWindow: 60_000,
    allowList: (request) => unlimitedPaths.has(request.url),
    errorResponseBuilder: (_request, context) =>
      Object.assign(new AppError('RATE_LIMITED', { params: { seconds: Math.ceil(context.ttl / 1000) } }), {
        statusCode: 429,
      }),
  });

  // JSON is the only request body format; Fastify answers 415 for any other content type.
  app.removeContentTypeParser(['text/plain']);

  const names = cookieNames(config);
  app.addHook('onRequest', async (request, reply) => {
    if (!request.cookies[names.csrf]) reply.setCookie(names.csrf, generateToken(), csrfCookieOptions(config));
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
