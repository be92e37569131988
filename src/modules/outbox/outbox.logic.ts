// Pure rules of the outbox: when to try again after a failure.

export const MAX_ATTEMPTS = 10;
const FIRST_DELAY_MS = 60_000;
const MAX_DELAY_MS = 6 * 3600_000;

/** Delay before the next attempt after `attempts` failed ones: 1 min, 2, 4, … capped at 6 h. */
export function backoffMs(attempts: number): number {
  const n = Math.max(1, attempts);
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (n - 1));
}

/** After a failed attempt: give up (failed) or try again at a later moment (pending). */
export function afterFailure(attempts: number, now: Date): { status: 'failed' } | { status: 'pending'; nextAttemptAt: Date } {
  if (attempts >= MAX_ATTEMPTS) return { status: 'failed' };
  return { status: 'pending', nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)) };
}
