// SECURITY.md 31: join attempts are counted per client address and across the whole service, in fixed
// one-minute windows kept in memory (like the HTTP rate limit). 900,000 numbers, a few live at a time and
// every join still needing the host's yes: guessing at these rates yields nothing.
import type { Clock } from '../../shared/clock.ts';

export function joinLimits(clock: Clock, limits: { perAddress: number; overall: number }) {
  const windowMs = 60_000;
  let windowStart = 0;
  let overall = 0;
  const perAddress = new Map<string, number>();
  return {
    /** Counts an attempt; the seconds to wait when over a limit, else null. */
    take(address: string): number | null {
      const now = clock.now().getTime();
      if (now - windowStart >= windowMs) {
        windowStart = now;
        overall = 0;
        perAddress.clear();
      }
      const wait = Math.max(1, Math.ceil((windowStart + windowMs - now) / 1000));
      const own = perAddress.get(address) ?? 0;
      if (own >= limits.perAddress || overall >= limits.overall) return wait;
      perAddress.set(address, own + 1);
      overall += 1;
      return null;
    },
  };
}
