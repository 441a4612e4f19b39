import "server-only";
import { AppError, toErrorResponse } from "@/lib/errors";
import { childFor } from "@/lib/logger";
import { clientAddress, rateLimit } from "@/lib/rate-limit";
import { bearerToken } from "@/server/auth/tokens";
import { findLocationByToken, findPushProbe, listRunnableProbes } from "@/server/probes/data";
import { ensureBuiltinLocation, ingestResults, touchLocation } from "@/server/probes/ingest/mutations";
import { resultBatchSchema } from "@/server/probes/schema";
import { randomUUID } from "node:crypto";

// The agent API (/api/agent/v1/*) and push URLs (/api/push/{token}): authenticated by a location or
// push token (only hashes are stored), rate-limited, bodies size-limited and validated with zod.

const MAX_BODY_BYTES = 1024 * 1024;
const agentLimit = () => rateLimit("agent-api", { points: 600, durationSeconds: 60 });
const pushLimit = () => rateLimit("push-probe", { points: 120, durationSeconds: 60 });

async function readJson(request: Request): Promise<unknown> {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) throw new AppError("BAD_REQUEST", "The request body is too large.");
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) throw new AppError("BAD_REQUEST", "The request body is too large.");
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "The request body is not valid JSON.");
  }
}

async function limited(limit: ReturnType<typeof rateLimit>, key: string): Promise<void> {
  const verdict = await limit.consume(key);
  if (!verdict.allowed) throw new AppError("RATE_LIMITED", `Too many requests; try again in ${verdict.retryAfterSeconds} s.`);
}

async function agentLocation(request: Request): Promise<{ id: string; name: string }> {
  const token = bearerToken(request.headers.get("authorization"));
  if (!token) throw new AppError("UNAUTHENTICATED", "Send the location token as 'Authorization: Bearer <token>'.");
  await limited(agentLimit(), `token:${token.slice(0, 16)}`);
  const location = await findLocationByToken(token);
  if (!location) throw new AppError("UNAUTHENTICATED", "The location token is not valid.");
  return location;
}

async function answer(request: Request, what: string, run: () => Promise<unknown>): Promise<Response> {
  const { log, requestId } = childFor(request.headers);
  try {
    return Response.json(await run(), { headers: { "cache-control": "no-store", "x-request-id": requestId } });
  } catch (error) {
    const { status, body, isUnexpected } = toErrorResponse(error);
    if (isUnexpected) log.error({ err: error }, `${what} failed`);
    return Response.json(body, { status, headers: { "cache-control": "no-store", "x-request-id": requestId } });
  }
}

/** GET /api/agent/v1/probes: the probes the calling location runs. */
export function handleAgentProbes(request: Request): Promise<Response> {
  return answer(request, "agent probe list", async () => {
    const location = await agentLocation(request);
    await touchLocation(location.id);
    return { location: location.name, probes: await listRunnableProbes(location.id) };
  });
}

/** POST /api/agent/v1/results: a batch of results; resent results (same ids) are counted once. */
export function handleAgentResults(request: Request): Promise<Response> {
  return answer(request, "agent results", async () => {
    const location = await agentLocation(request);
    const { results } = resultBatchSchema.parse(await readJson(request));
    return ingestResults(location.id, results);
  });
}

/** GET or POST /api/push/{token}: a heartbeat. `?status=down&msg=...` reports a failure instead. */
export function handlePush(request: Request, token: string): Promise<Response> {
  return answer(request, "push", async () => {
    await limited(pushLimit(), `addr:${clientAddress(request.headers)}`);
    const probe = /^spp_[\w-]{20,100}$/.test(token) ? await findPushProbe(token) : null;
    if (!probe) throw new AppError("NOT_FOUND", "This push URL is not valid.");
    if (!probe.enabled) return { ok: true, recorded: false };
    const url = new URL(request.url);
    const failed = url.searchParams.get("status") === "down";
    const builtin = await ensureBuiltinLocation();
    const now = new Date();
    const out = await ingestResults(builtin.id, [
      { id: randomUUID(), probeId: probe.id, at: now.toISOString(), outcome: failed ? "down" : "up", latencyMs: null, statusCode: null, error: failed ? (url.searchParams.get("msg") ?? "reported down").slice(0, 200) : null },
    ], now);
    return { ok: true, recorded: out.accepted === 1 };
  });
}
