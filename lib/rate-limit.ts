import "server-only";
import { RateLimiterMemory, RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { metrics } from "@/lib/metrics";

// Rate limits shared by every instance: counters live in Postgres (the RateLimit table) so a client
// cannot multiply its allowance by hitting several instances; on the embedded database, where there is
// only one process, in memory. Reusable by any area (subscriptions, sign-in).

export interface RateLimitVerdict {
  allowed: boolean;
  /** Seconds until another attempt may succeed (0 when allowed). */
  retryAfterSeconds: number;
}

export interface RateLimit {
  consume(key: string, points?: number): Promise<RateLimitVerdict>;
}

type Limiter = { consume(key: string, points?: number): Promise<unknown> };

declare global {
  var __statusRateLimiters: Map<string, Limiter> | undefined;
}

/** A named limit of `points` per `durationSeconds` for each key (usually a client address). */
export function rateLimit(name: string, options: { points: number; durationSeconds: number }): RateLimit {
  const limiters = (globalThis.__statusRateLimiters ??= new Map<string, Limiter>());
  const id = `${name}:${options.points}:${options.durationSeconds}`;
  let limiter: Limiter | undefined = limiters.get(id);
  if (!limiter) {
    const common = { keyPrefix: name, points: options.points, duration: options.durationSeconds };
    limiter = env.isEmbedded ? new RateLimiterMemory(common) : new RateLimiterPrisma({ ...common, storeClient: db, tableName: "rateLimit" });
    limiters.set(id, limiter);
  }
  const chosen = limiter;
  return {
    async consume(key, points = 1) {
      try {
        await chosen.consume(key, points);
        return { allowed: true, retryAfterSeconds: 0 };
      } catch (rejection) {
        // The library rejects with a RateLimiterRes when the limit is reached, with an Error otherwise.
        if (rejection instanceof RateLimiterRes) {
          metrics().rateLimited.inc({ limit: name });
          return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
        }
        throw rejection;
      }
    },
  };
}

/**
 * The client's address as the nearest proxy saw it: the last X-Forwarded-For entry (Next.js sets the
 * header to the socket's address when no proxy did). Deploy behind a proxy that appends to it.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").map((s) => s.trim()).filter(Boolean).at(-1);
  return last ?? headers.get("x-real-ip") ?? "unknown";
}
