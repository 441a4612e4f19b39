import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { metrics, scrapedGauge } from "@/lib/metrics";
import { getBacklog, type Backlog } from "@/server/operations/data";
import { snapshotStore } from "@/server/public/view";

// The metrics read when /metrics is scraped: snapshot age, the database pool, and the job and delivery
// backlog (one small set of queries per scrape at most every BACKLOG_CACHE_MS, with a deadline, so a
// slow database cannot hold a scrape up). Request, rebuild and sign-in counters are kept as they happen.

const BACKLOG_CACHE_MS = 10_000;
const BACKLOG_TIMEOUT_MS = 2_000;
let backlog: { at: number; value: Promise<Backlog | null> } | null = null;

function readBacklog(): Promise<Backlog | null> {
  const now = Date.now();
  if (!backlog || now - backlog.at > BACKLOG_CACHE_MS) {
    const deadline = new Promise<null>((resolve) => setTimeout(() => resolve(null), BACKLOG_TIMEOUT_MS).unref());
    backlog = { at: now, value: Promise.race([getBacklog().catch(() => null), deadline]) };
  }
  return backlog.value;
}

function registerCollectors(): void {
  scrapedGauge("status_snapshot_age_seconds", "Seconds since the public snapshot was last confirmed against the database.", [], (g) => {
    const view = snapshotStore().current();
    if (view) g.set((Date.now() - Date.parse(view.freshness.confirmedAt)) / 1000);
  });
  scrapedGauge("status_snapshot_stale", "1 while the public page serves a snapshot the database could not confirm.", [], (g) => {
    g.set(snapshotStore().current()?.freshness.stale === false ? 0 : 1);
  });
  scrapedGauge("status_db_pool_connections", "Database pool connections of this process: total, idle, and requests waiting for one.", ["state"], (g) => {
    const pool = globalThis.__statusDbPool;
    if (!pool) return;
    g.set({ state: "total" }, pool.totalCount);
    g.set({ state: "idle" }, pool.idleCount);
    g.set({ state: "waiting" }, pool.waitingCount);
  });
  scrapedGauge("status_job_queue_depth", "Background jobs waiting (created, retry) or running (active), by queue.", ["queue", "state"], async (g) => {
    const value = await readBacklog();
    g.reset();
    for (const j of value?.jobs ?? []) g.set({ queue: j.queue, state: j.state }, j.count);
  });
  scrapedGauge("status_outbox_pending", "Outbox events not yet fanned out to subscribers.", [], async (g) => {
    const value = await readBacklog();
    if (value) g.set(value.outboxPending);
  });
  scrapedGauge("status_deliveries", "Notification deliveries pending now, and failed or succeeded in the last hour.", ["state"], async (g) => {
    const value = await readBacklog();
    g.reset();
    for (const d of value?.deliveries ?? []) g.set({ state: d.state }, d.count);
  });
  scrapedGauge("status_probe_results", "Probe check results of the last five minutes, by location and outcome (up, degraded, down).", ["location", "outcome"], async (g) => {
    const value = await readBacklog();
    g.reset();
    for (const r of value?.probeResults ?? []) g.set({ location: r.location, outcome: r.outcome }, r.count);
  });
}

function sameSecret(presented: string, expected: string): boolean {
  const a = createHash("sha256").update(presented).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}

export async function metricsResponse(authorization: string | null, token: string): Promise<Response> {
  const presented = /^Bearer (.+)$/.exec(authorization ?? "")?.[1];
  if (!presented || !sameSecret(presented, token)) {
    return new Response("Send 'Authorization: Bearer <METRICS_TOKEN>'.", { status: 401, headers: { "www-authenticate": "Bearer" } });
  }
  registerCollectors();
  const { registry } = metrics();
  return new Response(await registry.metrics(), { headers: { "content-type": registry.contentType, "cache-control": "no-store" } });
}
