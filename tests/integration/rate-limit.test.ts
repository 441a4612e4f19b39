import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { clientAddress, rateLimit } from "@/lib/rate-limit";
import { unique } from "@/tests/factories/catalog";

// Rate limits keep their counters in Postgres, so every instance sees the same count.

describe("rate limits", () => {
  it("allows the given number of attempts per key, then refuses with a retry time", async () => {
    const name = unique("limit").replace(/\W/g, "");
    const limit = rateLimit(name, { points: 3, durationSeconds: 60 });
    const verdicts = [];
    for (let i = 0; i < 4; i++) verdicts.push(await limit.consume("203.0.113.9"));
    expect(verdicts.map((v) => v.allowed)).toEqual([true, true, true, false]);
    expect(verdicts[3]!.retryAfterSeconds).toBeGreaterThan(0);
    expect(verdicts[3]!.retryAfterSeconds).toBeLessThanOrEqual(60);
    // Another address has its own allowance.
    expect((await limit.consume("203.0.113.10")).allowed).toBe(true);
  });

  it("shares one count through the database", async () => {
    const name = unique("shared").replace(/\W/g, "");
    await rateLimit(name, { points: 2, durationSeconds: 60 }).consume("198.51.100.1");
    const row = await db.rateLimit.findUnique({ where: { key: `${name}:198.51.100.1` } });
    expect(row?.points).toBe(1);
    // Another instance (here: the same limit built again with a fresh in-process cache) continues the count.
    globalThis.__statusRateLimiters = undefined;
    const again = rateLimit(name, { points: 2, durationSeconds: 60 });
    expect((await again.consume("198.51.100.1")).allowed).toBe(true);
    expect((await again.consume("198.51.100.1")).allowed).toBe(false);
  });

  it("takes the address the nearest proxy saw", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "1.2.3.4, 10.0.0.2" }))).toBe("10.0.0.2");
    expect(clientAddress(new Headers({ "x-forwarded-for": "1.2.3.4" }))).toBe("1.2.3.4");
    expect(clientAddress(new Headers({ "x-real-ip": "5.6.7.8" }))).toBe("5.6.7.8");
    expect(clientAddress(new Headers())).toBe("unknown");
  });
});
