// Failed sign-ins counted per sign-in identifier (an e-mail address, or customer number + user number),
// whether anyone has it or not. A waiting identifier is told so, with how long, and an unknown identifier
// waits exactly like a known one, so the answer reveals nothing about which exist.
import type { Db } from '../../db/kysely.ts';
import { AppError, defineErrors } from '../../shared/app-error.ts';
import type { Clock } from '../../shared/clock.ts';
import { hashToken } from '../../shared/tokens.ts';
import type { SignInIdentifier } from '../users/index.ts';
import { bruteForcePolicy, reserveAttempt } from './policy.ts';

export const throttleErrors = defineErrors({ SIGN_IN_LOCKED: 429 });

/**
 * The row of a normalized identifier (users' `normalizeIdentifier`, operators' lower-case address). Stored
 * only as a hash: the table of unknown identifiers is no list of guessed addresses.
 */
export function identifierKey(kind: 'user' | 'operator', identifier: SignInIdentifier): string {
  const text =
    'email' in identifier ? identifier.email : `${identifier.customerNumber}/${identifier.userNumber}`;
  return hashToken(`${kind}:${text}`);
}

export function createSignInThrottle({ db, clock }: { db: Db; clock: Clock }) {
  // Identifiers nobody has tried for 12 hours are forgotten, at most once a minute per process.
  let nextCleanup = 0;

  return {
    /**
     * Counts this attempt as a failure before the password is checked (one statement locks the identifier's
     * row, creating it if need be); throws SIGN_IN_LOCKED, with Retry-After, while it must wait.
     */
    async reserve(key: string): Promise<void> {
      const now = clock.now();
      const waitMs = await db.transaction().execute(async (transaction) => {
        const current = await transaction
          .insertInto('signInThrottles')
          .values({ identifierHash: key, failedSignIns: 0, lastFailedAt: null, lockedUntil: null })
          .onConflict((conflict) =>
            conflict
              .column('identifierHash')
              .doUpdateSet((eb) => ({ failedSignIns: eb.ref('signInThrottles.failedSignIns') })),
          )
          .returning(['failedSignIns', 'lastFailedAt', 'lockedUntil'])
          .executeTakeFirstOrThrow();
        const reserved = reserveAttempt(current, now);
        if (!reserved) return Date.parse(current.lockedUntil ?? '') - now.getTime();
        await transaction
          .updateTable('signInThrottles')
          .set(reserved)
          .where('identifierHash', '=', key)
          .execute();
        if (now.getTime() >= nextCleanup) {
          nextCleanup = now.getTime() + 60_000;
          const forgotten = new Date(now.getTime() - bruteForcePolicy.resetAfterMs).toISOString();
          await transaction.deleteFrom('signInThrottles').where('lastFailedAt', '<', forgotten).execute();
        }
        return 0;
      });
      if (waitMs > 0) {
        throw new AppError(throttleErrors.SIGN_IN_LOCKED, {
          params: { minutes: Math.ceil(waitMs / 60_000) },
          retryAfterSeconds: Math.ceil(waitMs / 1000),
        });
      }
    },

    /** A success, a new password or a new person behind the user: counting starts again. */
    async clear(keys: string[], executor: Db = db): Promise<void> {
      if (keys.length > 0)
        await executor.deleteFrom('signInThrottles').where('identifierHash', 'in', keys).execute();
    },
  };
}

export type SignInThrottle = ReturnType<typeof createSignInThrottle>;
