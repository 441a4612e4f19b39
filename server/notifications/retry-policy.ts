// When to try a failed delivery again, when to give up on it, and when to give up on a subscription.
// Pure.

/** Deliveries are retried for at least this long after they were created. */
export const RETRY_WINDOW_MS = 24 * 60 * 60 * 1000;
/** A subscription with no success for this long while its deliveries keep failing is disabled. */
export const DISABLE_AFTER_MS = 3 * 24 * 60 * 60 * 1000;
const FIRST_DELAY_MS = 30_000;
const MAX_DELAY_MS = 4 * 60 * 60 * 1000;

/**
 * After the `attempts`-th failed attempt: the time of the next one, or null to give up. Delays double
 * from 30 s up to 4 h, with ±10% jitter so a recovering receiver is not hit by every retry at once.
 * The last attempt falls after the window closes, so retries always span at least the whole window.
 */
export function nextAttemptAfterFailure(input: {
  attempts: number;
  createdAt: Date;
  now: Date;
  random?: () => number;
}): Date | null {
  if (input.now.getTime() - input.createdAt.getTime() >= RETRY_WINDOW_MS) return null;
  const base = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.max(0, input.attempts - 1));
  const jitter = 1 + ((input.random ?? Math.random)() * 0.2 - 0.1);
  return new Date(input.now.getTime() + Math.round(base * jitter));
}

/** True when a subscription failing since `failingSince` should be disabled now. */
export function shouldDisable(failingSince: Date | null, now: Date): boolean {
  return failingSince !== null && now.getTime() - failingSince.getTime() >= DISABLE_AFTER_MS;
}

/** A failure the receiver cannot fix by trying again later (nothing to retry). */
export function isPermanentFailure(statusCode: number | null): boolean {
  // 410 Gone is how receivers say "this endpoint no longer exists"; anything else may recover.
  return statusCode === 410;
}
