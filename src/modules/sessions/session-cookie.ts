import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import { cookieNames, sessionCookieOptions } from '../../http/cookies.ts';
import type { SessionsService } from './sessions.service.ts';

/**
 * Puts a new session into the browser's cookie. Whatever session this browser had (another user's, an
 * operator's) ends: one person per browser.
 */
export function sessionCookieSetter(config: Config, sessions: SessionsService) {
  const names = cookieNames(config);
  return async function setSessionCookie(
    request: FastifyRequest,
    reply: FastifyReply,
    session: { token: string; maxAgeSeconds?: number },
  ) {
    const previous = request.cookies[names.session];
    if (previous) await sessions.endSession(previous);
    reply.setCookie(names.session, session.token, sessionCookieOptions(config, session.maxAgeSeconds));
  };
}
