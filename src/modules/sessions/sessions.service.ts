import type { Locale } from '../../config.ts';
import type { Db } from '../../db/kysely.ts';
import type { Role } from '../../db/schema.ts';
import type { SignedInOperator } from '../../http/auth.ts';
import { addMilliseconds, type Clock, days, hours, minutes } from '../../shared/clock.ts';
import { parseOperatorRoles } from '../../shared/operator-roles.ts';
import { type Permission, parsePermissions } from '../../shared/permissions.ts';
import { generateToken, hashToken, newId } from '../../shared/tokens.ts';
import { createSessionsRepository } from './sessions.repository.ts';

export const sessionPolicy = {
  idleTimeoutMs: minutes(30),
  absoluteTimeoutMs: hours(12),
  staySignedInMs: days(30),
  // Writing last-seen on every request would turn each read into a write.
  touchAfterMs: minutes(1),
} as const;

export type SessionPrincipal = { operatorId: string } | { userId: string; activeAccountId: string };

export interface SignedInUserSession {
  sessionId: string;
  userId: string;
  accountId: string;
  role: Role;
  /** A member's chosen permissions as stored; owners and admins hold all (shared/permissions.ts). */
  permissions: Permission[];
  userLocale: string | null;
  accountLocale: string;
}

export function createSessionsService({ db, clock }: { db: Db; clock: Clock }) {
  const repository = createSessionsRepository(db);

  /**
   * Keeps "last active" current (at most one write per session and minute) and slides the idle expiry, never
   * past the absolute one; "stay signed in" sessions only have the absolute one.
   */
  async function keepAlive(found: {
    sessionId: string;
    lastSeenAt: string;
    absoluteExpiresAt: string;
    staySignedIn: number;
  }) {
    const now = clock.now();
    if (now.getTime() - Date.parse(found.lastSeenAt) <= sessionPolicy.touchAfterMs) return;
    const idle = addMilliseconds(now, sessionPolicy.idleTimeoutMs).toISOString();
    const idleExpiresAt =
      found.staySignedIn || idle > found.absoluteExpiresAt ? found.absoluteExpiresAt : idle;
    await repository.touch(found.sessionId, now.toISOString(), idleExpiresAt);
  }

  return {
    /** A fresh random token at every sign-in; only its hash is stored. */
    async startSession(
      options: { principal: SessionPrincipal; staySignedIn?: boolean; ipAddress: string; userAgent: string },
      executor: Db = db,
    ) {
      const now = clock.now();
      const token = generateToken();
      const lifetime = options.staySignedIn ? sessionPolicy.staySignedInMs : sessionPolicy.absoluteTimeoutMs;
      const absoluteExpiresAt = addMilliseconds(now, lifetime).toISOString();
      await repository.insert(
        {
          id: newId(),
          tokenHash: hashToken(token),
          operatorId: 'operatorId' in options.principal ? options.principal.operatorId : null,
          userId: 'userId' in options.principal ? options.principal.userId : null,
          activeAccountId: 'userId' in options.principal ? options.principal.activeAccountId : null,
          staySignedIn: options.staySignedIn ? 1 : 0,
          createdAt: now.toISOString(),
          lastSeenAt: now.toISOString(),
          idleExpiresAt: options.staySignedIn
            ? absoluteExpiresAt
            : addMilliseconds(now, sessionPolicy.idleTimeoutMs).toISOString(),
          absoluteExpiresAt,
          ipAddress: options.ipAddress,
          userAgent: options.userAgent.slice(0, 512),
        },
        executor,
      );
      // A browser cookie only for the session's lifetime: "stay signed in" survives closing the browser.
      return { token, maxAgeSeconds: options.staySignedIn ? lifetime / 1000 : undefined };
    },

    async resolveOperatorSession(token: string): Promise<SignedInOperator | null> {
      const found = await repository.findValidOperatorSession(hashToken(token), clock.now().toISOString());
      if (!found?.operatorId) return null;
      await keepAlive(found);
      const { sessionId, operatorId, name, email, locale } = found;
      return {
        sessionId,
        operatorId,
        name,
        email,
        locale: locale as Locale,
        roles: parseOperatorRoles(found.roles),
      };
    },

    /** Only for an active user in an active account they still belong to: a suspension ends sessions at once. */
    async resolveUserSession(token: string): Promise<SignedInUserSession | null> {
      const found = await repository.findValidUserSession(hashToken(token), clock.now().toISOString());
      if (!found) return null;
      await keepAlive(found);
      const { sessionId, userId, accountId, role, userLocale, accountLocale } = found;
      const permissions = parsePermissions(found.permissions);
      return { sessionId, userId, accountId, role, permissions, userLocale, accountLocale };
    },

    /**
     * M2: the same person in another account, under a new token (the old one dies at once), with the
     * expiries the session already had: switching never lengthens a session.
     */
    async moveSession(executor: Db, sessionId: string, activeAccountId: string) {
      const old = await repository.findById(executor, sessionId);
      if (!old?.userId) return null;
      const token = generateToken();
      const now = clock.now().toISOString();
      await repository.deleteById(executor, sessionId);
      await repository.insert(
        {
          ...old,
          id: newId(),
          tokenHash: hashToken(token),
          activeAccountId,
          createdAt: now,
          lastSeenAt: now,
        },
        executor,
      );
      const remainingSeconds = Math.floor((Date.parse(old.absoluteExpiresAt) - clock.now().getTime()) / 1000);
      return { token, maxAgeSeconds: old.staySignedIn ? remainingSeconds : undefined };
    },

    async endSession(token: string): Promise<void> {
      await repository.deleteByTokenHash(hashToken(token));
    },

    listUserSessions: (userId: string) => repository.listForUser(userId, clock.now().toISOString()),

    endOperatorSessions: (operatorId: string, executor: Db = db) =>
      repository.deleteForOperator(executor, operatorId),

    endUserSessions: (userId: string, options: { only?: string; except?: string } = {}, executor: Db = db) =>
      repository.deleteForUser(executor, userId, options),
  };
}

export type SessionsService = ReturnType<typeof createSessionsService>;
