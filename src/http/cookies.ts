import type { CookieSerializeOptions } from '@fastify/cookie';
import { type Config, isHttps } from '../config.ts';

export interface CookieNames {
  session: string;
  csrf: string;
}

// The __Host- prefix (no Domain, Path=/, Secure) is only accepted by browsers over HTTPS.
export function cookieNames(config: Config): CookieNames {
  const prefix = isHttps(config) ? '__Host-' : '';
  return { session: `${prefix}kontor_session`, csrf: `${prefix}kontor_csrf` };
}

export function sessionCookieOptions(config: Config, maxAgeSeconds?: number): CookieSerializeOptions {
  return { path: '/', httpOnly: true, sameSite: 'lax', secure: isHttps(config), maxAge: maxAgeSeconds };
}

/** Readable by the web app (double-submit CSRF); carries no authority on its own. */
export function csrfCookieOptions(config: Config): CookieSerializeOptions {
  return { path: '/', httpOnly: false, sameSite: 'lax', secure: isHttps(config) };
}
