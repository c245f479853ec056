// S7 / SECURITY.md, after Keycloak: from the 10th failure in a row an identifier waits 1 minute more per
// failure, at most 15; the count resets on success or 12 hours after the last failure. Every attempt is
// counted before the password is checked, so parallel guesses cannot slip past the limit.
import { hours, minutes } from '../../shared/clock.ts';

export const bruteForcePolicy = {
  freeFailures: 9,
  waitStepMs: minutes(1),
  maxWaitMs: minutes(15),
  resetAfterMs: hours(12),
} as const;

export interface SignInCounters {
  failedSignIns: number;
  lastFailedAt: string | null;
  lockedUntil: string | null;
}

/** null: the identifier is waiting; otherwise the counters that count this attempt as a failure in advance. */
export function reserveAttempt(counters: SignInCounters, now: Date): SignInCounters | null {
  if (counters.lockedUntil && counters.lockedUntil > now.toISOString()) return null;
  const stale =
    counters.lastFailedAt !== null &&
    now.getTime() - Date.parse(counters.lastFailedAt) >= bruteForcePolicy.resetAfterMs;
  const failedSignIns = (stale ? 0 : counters.failedSignIns) + 1;
  const wait = Math.min(
    (failedSignIns - bruteForcePolicy.freeFailures) * bruteForcePolicy.waitStepMs,
    bruteForcePolicy.maxWaitMs,
  );
  return {
    failedSignIns,
    lastFailedAt: now.toISOString(),
    lockedUntil: wait > 0 ? new Date(now.getTime() + wait).toISOString() : null,
  };
}
