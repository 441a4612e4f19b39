import "server-only";
import { env } from "@/lib/env";
import { HEARTBEAT_MS } from "@/server/operations/jobs";
import { getLastWorkerBeat } from "@/server/operations/data";
import { snapshotStore } from "@/server/public/view";

// GET /api/ready's verdict: the database answers, some worker beat recently, and the public snapshot
// was confirmed against the database recently. One indexed query at most every CACHE_MS per process,
// so a load balancer or monitor polling it costs the database nothing worth counting.

export interface Readiness {
  ready: boolean;
  checks: {
    database: { ok: boolean; error?: string };
    worker: { ok: boolean; lastBeatAt: string | null };
    snapshot: { ok: boolean; confirmedAt: string | null; ageSeconds: number | null; stale: boolean };
  };
}

const CACHE_MS = 2_000;
const DATABASE_TIMEOUT_MS = 2_000;
/** A worker is missing once it skipped several beats. */
const WORKER_STALE_MS = HEARTBEAT_MS * 4;

let cached: { at: number; value: Promise<Readiness> } | null = null;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref())]);
}

async function evaluate(now: number): Promise<Readiness> {
  const view = snapshotStore().current();
  const confirmed = view ? Date.parse(view.freshness.confirmedAt) : null;
  const ageSeconds = confirmed === null ? null : Math.max(0, Math.round((now - confirmed) / 1000));
  const snapshot = {
    ok: ageSeconds !== null && ageSeconds <= env.READY_MAX_SNAPSHOT_AGE_SECONDS,
    confirmedAt: view?.freshness.confirmedAt ?? null,
    ageSeconds,
    stale: view?.freshness.stale ?? true,
  };
  let database: Readiness["checks"]["database"];
  let worker: Readiness["checks"]["worker"];
  try {
    const beat = await withTimeout(getLastWorkerBeat(), DATABASE_TIMEOUT_MS);
    database = { ok: true };
    worker = { ok: beat !== null && now - beat.getTime() <= WORKER_STALE_MS, lastBeatAt: beat?.toISOString() ?? null };
  } catch (error) {
    database = { ok: false, error: error instanceof Error ? error.message.split("\n")[0] : "unreachable" };
    worker = { ok: false, lastBeatAt: null };
  }
  return { ready: database.ok && worker.ok && snapshot.ok, checks: { database, worker, snapshot } };
}

export function getReadiness(): Promise<Readiness> {
  const now = Date.now();
  if (!cached || now - cached.at > CACHE_MS) cached = { at: now, value: evaluate(now) };
  return cached.value;
}
