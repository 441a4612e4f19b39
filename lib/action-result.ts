import "server-only";
import { unstable_rethrow } from "next/navigation";
import { toErrorResponse, type ErrorEnvelope } from "@/lib/errors";
import { logger } from "@/lib/logger";

// What every server action returns: data, or the same error envelope (and HTTP-style status) the
// staff API would send, so forms can show field errors and a refusal reads as a 403.
export type ActionResult<T = null> = { ok: true; data: T } | { ok: false; status: number; error: ErrorEnvelope["error"] };

export async function runAction<T>(fn: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await fn() };
  } catch (error) {
    unstable_rethrow(error); // redirect() and notFound() are control flow, not failures
    const { status, body, isUnexpected } = toErrorResponse(error);
    if (isUnexpected) logger.error({ err: error }, "server action failed");
    return { ok: false, status, error: body.error };
  }
}
