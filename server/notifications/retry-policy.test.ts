import { describe, expect, it } from "vitest";
import {
  DISABLE_AFTER_MS,
  RETRY_WINDOW_MS,
  nextAttemptAfterFailure,
  shouldDisable,
} from "@/server/notifications/retry-policy";

const noJitter = () => 0.5;

describe("retry policy", () => {
  const createdAt = new Date("2026-01-01T00:00:00Z");

  it("waits 30 s after the first failure and doubles after each one", () => {
    const delays = [1, 2, 3, 4].map((attempts) => {
      const now = new Date(createdAt.getTime() + 1000);
      return nextAttemptAfterFailure({ attempts, createdAt, now, random: noJitter })!.getTime() - now.getTime();
    });
    expect(delays).toEqual([30_000, 60_000, 120_000, 240_000]);
  });

  it("never waits more than four hours between attempts", () => {
    const now = new Date(createdAt.getTime() + 60_000);
    const next = nextAttemptAfterFailure({ attempts: 30, createdAt, now, random: noJitter })!;
    expect(next.getTime() - now.getTime()).toBe(4 * 60 * 60 * 1000);
  });

  it("keeps jitter within ten percent", () => {
    const now = new Date(createdAt.getTime() + 1000);
    const low = nextAttemptAfterFailure({ attempts: 1, createdAt, now, random: () => 0 })!;
    const high = nextAttemptAfterFailure({ attempts: 1, createdAt, now, random: () => 0.999999 })!;
    expect(low.getTime() - now.getTime()).toBe(27_000);
    expect(high.getTime() - now.getTime()).toBeLessThanOrEqual(33_000);
  });

  it("keeps retrying for at least 24 hours, then gives up", () => {
    let now = createdAt;
    let attempts = 0;
    let last = createdAt;
    for (;;) {
      attempts++;
      const next = nextAttemptAfterFailure({ attempts, createdAt, now, random: noJitter });
      if (!next) break;
      last = next;
      now = next;
    }
    expect(last.getTime() - createdAt.getTime()).toBeGreaterThanOrEqual(RETRY_WINDOW_MS);
    expect(attempts).toBeGreaterThan(10);
    expect(attempts).toBeLessThan(25);
  });

  it("disables a subscription only after three days of failing", () => {
    const since = new Date("2026-01-01T00:00:00Z");
    expect(shouldDisable(null, new Date())).toBe(false);
    expect(shouldDisable(since, new Date(since.getTime() + DISABLE_AFTER_MS - 1))).toBe(false);
    expect(shouldDisable(since, new Date(since.getTime() + DISABLE_AFTER_MS))).toBe(true);
  });
});
