import type { Locale } from '../../config.ts';
import type { Db } from '../../db/kysely.ts';
import type { SignedInOperator } from '../../http/auth.ts';
import { addMilliseconds, type Clock, hours, minutes } from '../../shared/clock.ts';
import { generateToken, hashToken, newId } from '../../shared/tokens.ts';
import { createSessionsRepository } from './sessions.repository.ts';

export const sessionPolicy = {
  idleTimeoutMs: minutes(30),
  absoluteTimeoutMs: hours(12),
  // Writing last-seen on every request would turn each read into a write.
  touchAfterMs: minutes(1),
} as const;

export function createSessionsService({ db, clock }: { db: Db; clock: Clock }) {
  const repository = createSessionsRepository(db);

  return {
    /** A fresh random token at every sign-in; only its hash is stored. */
    async startOperatorSession(options: { operatorId: string; ipAddress: string; userAgent: string }) {
      const now = clock.now();
      const token = generateToken();
      await repository.insert({
        id: newId(),
        tokenHash: hashToken(token),
        operatorId: options.operatorId,
        createdAt: now.toISOString(),
        lastSeenAt: now.toISOString(),
        idleExpiresAt: addMilliseconds(now, sessionPolicy.idleTimeoutMs).toISOString(),
        absoluteExpiresAt: addMilliseconds(now, sessionPolicy.absoluteTimeoutMs).toISOString(),
        ipAddress: options.ipAddress,
        userAgent: options.userAgent.slice(0, 512),
      });
      return { token, maxAgeSeconds: sessionPolicy.absoluteTimeoutMs / 1000 };
    },

    async resolveOperatorSession(token: string): Promise<SignedInOperator | null> {
      const now = clock.now();
      const found = await repository.findValidOperatorSession(hashToken(token), now.toISOString());
      if (!found?.operatorId) return null;
      if (now.getTime() - Date.parse(found.lastSeenAt) > sessionPolicy.touchAfterMs) {
        const idleExpiresAt = [
          addMilliseconds(now, sessionPolicy.idleTimeoutMs).toISOString(),
          found.absoluteExpiresAt,
        ].sort()[0] as string; // never past the absolute limit
        await repository.touch(found.sessionId, now.toISOString(), idleExpiresAt);
      }
      const { sessionId, operatorId, name, email, locale } = found;
      return { sessionId, operatorId, name, email, locale: locale as Locale };
    },

    async endSession(token: string): Promise<void> {
      await repository.deleteByTokenHash(hashToken(token));
    },
  };
}

export type SessionsService = ReturnType<typeof createSessionsService>;
