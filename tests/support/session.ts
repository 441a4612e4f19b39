// A stand-in for the signed-in session, so integration tests can call server actions as a given user.
// Test files mock next-auth's getServerSession with currentSession() (and next/cache, which needs a
// Next.js request); everything after that, roles re-read from the database included, runs for real.
//
//   vi.hoisted(() => { process.env.AUTH_SECRET ??= "integration-tests-secret-of-32-characters"; });
//   vi.mock("next-auth", async (original) => ({ ...(await original<object>()), getServerSession: () => currentSession() }));
//   vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

declare global {
  var __testSession: { userId: string; sessionVersion: number } | null | undefined;
}

/** Acts as this user (their sessionVersion must be 0, as for fresh factory users), or as nobody. */
export function actAs(userId: string | null): void {
  globalThis.__testSession = userId ? { userId, sessionVersion: 0 } : null;
}

export function currentSession(): Promise<{ userId: string; sessionVersion: number } | null> {
  return Promise.resolve(globalThis.__testSession ?? null);
}
