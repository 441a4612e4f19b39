import "server-only";
import { metrics } from "@/lib/metrics";
import { clientAddress, rateLimit, type RateLimitVerdict } from "@/lib/rate-limit";

// Failed password sign-ins are limited per account and per client address, over a sliding 15 minutes,
// with counters shared by every instance (lib/rate-limit.ts). Only failures count: a staff member who
// signs in correctly is never slowed down, and once limited even the right password waits, so the
// limit cannot be used to probe for it.

export const SIGN_IN_WINDOW_SECONDS = 15 * 60;
/** Failures allowed per account (email) in the window; the next attempt waits. */
export const MAX_FAILURES_PER_ACCOUNT = 5;
/** Failures allowed per client address in the window, across all accounts (guessing many emails). */
export const MAX_FAILURES_PER_ADDRESS = 30;

/** Error message the credentials provider throws when limited; the sign-in form reads the seconds. */
export const RATE_LIMITED_PREFIX = "RateLimited:";

// A limiter refuses once more than `points` were consumed, so N allowed failures are N - 1 points.
const perAccount = () => rateLimit("signin-account", { points: MAX_FAILURES_PER_ACCOUNT - 1, durationSeconds: SIGN_IN_WINDOW_SECONDS });
const perAddress = () => rateLimit("signin-address", { points: MAX_FAILURES_PER_ADDRESS - 1, durationSeconds: SIGN_IN_WINDOW_SECONDS });

function headersOf(raw: Record<string, unknown> | undefined): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw ?? {})) if (typeof value === "string") headers.set(name, value);
  return headers;
}

export interface SignInAttempt {
  email: string;
  address: string;
}

export function signInAttempt(email: string, rawHeaders: Record<string, unknown> | undefined): SignInAttempt {
  return { email, address: clientAddress(headersOf(rawHeaders)) };
}

/** Whether this attempt may go ahead: consuming nothing, it only reads both counters. */
export async function checkSignInAllowed(attempt: SignInAttempt): Promise<RateLimitVerdict> {
  const [account, address] = await Promise.all([perAccount().consume(attempt.email, 0), perAddress().consume(attempt.address, 0)]);
  return account.allowed && address.allowed
    ? { allowed: true, retryAfterSeconds: 0 }
    : { allowed: false, retryAfterSeconds: Math.max(account.retryAfterSeconds, address.retryAfterSeconds) };
}

export async function recordFailedSignIn(attempt: SignInAttempt): Promise<void> {
  metrics().signInFailures.inc();
  await Promise.all([perAccount().consume(attempt.email), perAddress().consume(attempt.address)]);
}
