// Turns the session cookie into request.operator. Which sessions are valid is the sessions module's
// business; it is passed in so http/ never imports a module.
import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { Config, Locale } from '../config.ts';
import { AppError } from '../shared/app-error.ts';
import { resolveLocale, translator } from '../shared/i18n.ts';
import type { OperatorRole } from '../shared/operator-roles.ts';
import { can, type Grant, type Permission } from '../shared/permissions.ts';
import { cookieNames } from './cookies.ts';

export interface SignedInOperator {
  sessionId: string;
  operatorId: string;
  name: string;
  email: string;
  locale: Locale;
  roles: OperatorRole[];
}

export type OperatorSessionResolver = (sessionToken: string) => Promise<SignedInOperator | null>;

/** A customer account's user, acting in the account chosen for this session. */
export interface SignedInMember extends Grant {
  sessionId: string;
  userId: string;
  userLocale: string | null;
  accountLocale: string;
}

export type MemberSessionResolver = (sessionToken: string) => Promise<SignedInMember | null>;

declare module 'fastify' {
  interface FastifyRequest {
    operator?: SignedInOperator;
    member?: SignedInMember;
  }
}

export function operatorGuard(config: Config, resolve: OperatorSessionResolver): preHandlerAsyncHookHandler {
  const names = cookieNames(config);
  return async function requireOperator(request: FastifyRequest, _reply: FastifyReply) {
    const token = request.cookies[names.session];
    const operator = token ? await resolve(token) : null;
    if (!operator) throw new AppError('UNAUTHENTICATED');
    request.operator = operator;
    request.locale = resolveLocale({
      user: operator.locale,
      acceptLanguage: request.headers['accept-language'],
      fallback: config.defaultLocale,
    });
    request.t = translator(request.locale);
  };
}

export function memberGuard(config: Config, resolve: MemberSessionResolver): preHandlerAsyncHookHandler {
  const names = cookieNames(config);
  return async function requireMember(request: FastifyRequest, _reply: FastifyReply) {
    const token = request.cookies[names.session];
    const member = token ? await resolve(token) : null;
    if (!member) throw new AppError('UNAUTHENTICATED');
    request.member = member;
    request.locale = resolveLocale({
      user: member.userLocale,
      account: member.accountLocale,
      acceptLanguage: request.headers['accept-language'],
      fallback: config.defaultLocale,
    });
    request.t = translator(request.locale);
  };
}

/**
 * For routes under /accounts/:accountId: the account must be the one the session acts in (another
 * account's id answers 404, never 403: ids of other tenants are not even confirmed to exist), and the
 * role must hold the permission (403).
 */
export function accountPermission(
  permission?: Permission,
  orPermissions: readonly Permission[] = [],
): preHandlerAsyncHookHandler {
  return async function requireAccountPermission(request: FastifyRequest) {
    const member = signedInMember(request);
    const { accountId } = request.params as { accountId?: string };
    if (accountId !== member.accountId) throw new AppError('NOT_FOUND');
    const held = (candidate: Permission) => can(member, candidate, accountId);
    if (permission && !held(permission) && !orPermissions.some(held)) throw new AppError('FORBIDDEN');
  };
}

/** Issue 16: an operator route's changes need the role of its area; every operator reads. */
export function operatorRole(role: OperatorRole): preHandlerAsyncHookHandler {
  return async function requireOperatorRole(request: FastifyRequest) {
    if (request.method === 'GET' || request.method === 'HEAD') return; // every operator reads
    if (!signedInOperator(request).roles.includes(role)) throw new AppError('OPERATOR_ROLE_MISSING');
  };
}

/** The member a requireMember guard put on the request. */
export function signedInMember(request: FastifyRequest): SignedInMember {
  if (!request.member) throw new AppError('UNAUTHENTICATED');
  return request.member;
}

/** The operator a requireOperator guard put on the request. */
export function signedInOperator(request: FastifyRequest): SignedInOperator {
  if (!request.operator) throw new AppError('UNAUTHENTICATED');
  return request.operator;
}
