// SECURITY.md 20–23: every API route declares who may call it, and its guards are made from that
// declaration, so what a route says and what it enforces cannot drift apart. A route without one, or
// naming a permission outside the catalogue, stops the server from starting.
import type { FastifyInstance, preHandlerAsyncHookHandler, RouteOptions } from 'fastify';
import { isOperatorRole, type OperatorRole } from '../shared/operator-roles.ts';
import { isPermission, type Permission } from '../shared/permissions.ts';
import { accountPermission, operatorRole } from './auth.ts';

export type Access =
  /** Anyone, signed in or not (sign-in, links, registration, health). */
  | { kind: 'public' }
  /**
   * A signed-in operator of the provider. Every operator reads; a change needs `role`, the role of the
   * route's area (issue 16). Without a role: a route only reads, or is about the operator themselves.
   */
  | { kind: 'operator'; role: OperatorRole | null; self?: true }
  /** A signed-in customer, about themselves, whichever account they act in (profile, session). */
  | { kind: 'customer' }
  /**
   * A member of the route's :accountId, the account the session acts in, holding the permission, or one of
   * `orPermissions` (reading domains: "view products & services" or "modify domain settings").
   */
  | { kind: 'member'; permission: Permission | null; orPermissions?: readonly Permission[] }
  /** The desktop program: customer number + user number + access key in the Authorization header, no cookie. */
  | { kind: 'program' };

export const access = {
  public: { kind: 'public' },
  /** Any operator, for a route that only reads. */
  operator: { kind: 'operator', role: null },
  /** Any operator, about themselves (their language, their second factor). */
  operatorSelf: { kind: 'operator', role: null, self: true },
  /** Any operator reads; changes need `role`. */
  operatorArea: (role: OperatorRole) => ({ kind: 'operator', role }) as const,
  customer: { kind: 'customer' },
  program: { kind: 'program' },
  /** Without a permission: any member of the account (what they see may still depend on their rights). */
  member: (permission: Permission | null = null) => ({ kind: 'member', permission }),
  /** A member holding `permission` or any of `orPermissions`. */
  memberWithAnyOf: (permission: Permission, ...orPermissions: Permission[]) =>
    ({ kind: 'member', permission, orPermissions }) as const,
} as const satisfies Record<string, Access | ((...args: never[]) => Access)>;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
}

interface Guards {
  requireOperator: preHandlerAsyncHookHandler;
  requireMember: preHandlerAsyncHookHandler;
  requireProgram: preHandlerAsyncHookHandler;
}

export interface DeclaredRoute {
  method: string;
  url: string;
  access: Access;
}

/**
 * The guards of a declaration. They run before the request is validated, so a caller who may not use a
 * route learns nothing of what it takes (a 401 or 404, never a 400 about the body).
 */
function guardsFor(declared: Access, guards: Guards): preHandlerAsyncHookHandler[] {
  switch (declared.kind) {
    case 'public':
      return [];
    case 'operator':
      return declared.role ? [guards.requireOperator, operatorRole(declared.role)] : [guards.requireOperator];
    case 'customer':
      return [guards.requireMember];
    case 'member':
      return [
        guards.requireMember,
        accountPermission(declared.permission ?? undefined, declared.orPermissions ?? []),
      ];
    case 'program':
      return [guards.requireProgram];
  }
}

const reads = (method: string) => method === 'GET' || method === 'HEAD';

function problemOf(route: RouteOptions): string | null {
  const declared = route.config?.access;
  if (!declared) return 'declares no access (config.access)';
  if (declared.kind === 'operator') {
    if (declared.role && !isOperatorRole(declared.role))
      return `needs the unknown operator role "${declared.role}"`;
    const changes = [route.method].flat().some((method) => !reads(method));
    if (changes && !declared.role && !declared.self) return 'changes something but names no operator role';
    return null;
  }
  if (declared.kind !== 'member') return null;
  for (const permission of [declared.permission, ...(declared.orPermissions ?? [])]) {
    if (permission !== null && !isPermission(permission)) {
      return `needs "${permission}", which is not in the permission catalogue`;
    }
  }
  return route.url.includes(':accountId') ? null : 'is a member route without :accountId';
}

/**
 * Inside `api` (the encapsulated context of every API route), each route gets its declaration's guards.
 * Returns the routes as declared, for tests that walk them.
 */
export function enforceAccess(api: FastifyInstance, guards: Guards): DeclaredRoute[] {
  const declaredRoutes: DeclaredRoute[] = [];
  api.addHook('onRoute', (route) => {
    const problem = problemOf(route);
    const methods = [route.method].flat();
    if (problem) throw new Error(`${methods.join(',')} ${route.url} ${problem}`);
    const declared = route.config?.access as Access;
    const own = route.preValidation ? [route.preValidation].flat() : [];
    route.preValidation = [...guardsFor(declared, guards), ...own];
    for (const method of methods) declaredRoutes.push({ method, url: route.url, access: declared });
  });
  return declaredRoutes;
}
