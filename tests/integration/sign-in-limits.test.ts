import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { authOptions } from "@/server/auth/options";
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS } from "@/server/auth/sign-in-limits";
import { createStaff } from "@/tests/factories/staff";

vi.hoisted(() => {
  process.env.AUTH_SECRET ??= "integration-tests-secret-of-32-characters";
});

type Authorize = (credentials: Record<string, string>, request: { headers: Record<string, string> }) => Promise<{ id: string } | null>;

/** The credentials provider's own authorize, as next-auth calls it. */
function authorize(): Authorize {
  const provider = authOptions().providers.find((p) => p.id === "credentials") as unknown as { options: { authorize: Authorize } };
  return provider.options.authorize;
}

let addressCounter = 0;
const freshAddress = () => `198.51.100.${(addressCounter += 1)}, 203.0.113.${addressCounter}`;

describe("sign-in rate limits", () => {
  it("pauses an account after repeated failures, even for the right password, and says for how long", async () => {
    const password = "the-right-password-1";
    const staff = await createStaff(["responder"], password);
    const signIn = authorize();
    const request = { headers: { "x-forwarded-for": freshAddress() } };
    expect(await signIn({ email: staff.email, password }, request)).toMatchObject({ id: staff.id });
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      expect(await signIn({ email: staff.email, password: "wrong-password" }, { headers: { "x-forwarded-for": freshAddress() } })).toBeNull();
    }
    await expect(signIn({ email: staff.email, password }, { headers: { "x-forwarded-for": freshAddress() } })).rejects.toThrow(/^RateLimited:\d+$/);
    const message = await signIn({ email: staff.email, password }, request).then(
      () => "",
      (e: Error) => e.message,
    );
    expect(Number(message.split(":")[1])).toBeGreaterThan(800);
    // Counted in Postgres, so every instance sees the same counters.
    expect(await db.rateLimit.count({ where: { key: { contains: staff.email } } })).toBeGreaterThan(0);
  });

  it("counts only failures: correct sign-ins never use up the allowance", async () => {
    const password = "the-right-password-2";
    const staff = await createStaff(["communicator"], password);
    const signIn = authorize();
    const request = { headers: { "x-forwarded-for": freshAddress() } };
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT + 3; i++) expect(await signIn({ email: staff.email, password }, request)).not.toBeNull();
  });

  it("pauses an address that guesses across many accounts, without locking those accounts out elsewhere", async () => {
    const password = "the-right-password-3";
    const victim = await createStaff(["admin"], password);
    const signIn = authorize();
    const attacker = { headers: { "x-forwarded-for": freshAddress() } };
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) {
      expect(await signIn({ email: `guess-${i}-${Date.now()}@example.test`, password: "guess" }, attacker)).toBeNull();
    }
    await expect(signIn({ email: victim.email, password }, attacker)).rejects.toThrow(/^RateLimited:/);
    expect(await signIn({ email: victim.email, password }, { headers: { "x-forwarded-for": freshAddress() } })).toMatchObject({ id: victim.id });
  });
});
