import "server-only";
import { db } from "@/lib/db";

// Reads for readiness and for the metrics computed when /metrics is scraped. Never on a public request.

/** When any worker last beat, or null when none ever did. */
export async function getLastWorkerBeat(): Promise<Date | null> {
  const row = await db.workerHeartbeat.aggregate({ _max: { beatAt: true } });
  return row._max.beatAt;
}

export interface Backlog {
  /** Jobs waiting or running per pg-boss queue and state (created, retry, active). */
  jobs: { queue: string; state: string; count: number }[];
  /** Outbox events not yet fanned out to subscribers. */
  outboxPending: number;
  /** Deliveries by state: pending now, and failed or succeeded in the last hour. */
  deliveries: { state: string; count: number }[];
  /** Probe results of the last five minutes by location and outcome (up, degraded, down). */
  probeResults: { location: string; outcome: string; count: number }[];
}

export async function getBacklog(): Promise<Backlog> {
  const hourAgo = new Date(Date.now() - 3600_000);
  const fiveMinutesAgo = new Date(Date.now() - 300_000);
  const [outboxPending, deliveries, jobs, probeResults] = await Promise.all([
    db.outboxEvent.count({ where: { dispatchedAt: null } }),
    db.delivery.groupBy({
      by: ["state"],
      where: { OR: [{ state: "pending" }, { state: { in: ["failed", "succeeded"] }, completedAt: { gte: hourAgo } }] },
      _count: { _all: true },
    }),
    // pg-boss's own table; absent until a worker first started the queue.
    db
      .$queryRaw<{ queue: string; state: string; count: number }[]>`
        SELECT name AS queue, state::text AS state, count(*)::int AS count
        FROM pgboss.job WHERE state IN ('created', 'retry', 'active') GROUP BY 1, 2`
      .catch(() => []),
    db.$queryRaw<{ location: string; outcome: string; count: number }[]>`
      SELECT l.name AS location, r.outcome::text AS outcome, count(*)::int AS count
      FROM "ProbeResult" r JOIN "ProbeLocation" l ON l.id = r."locationId"
      WHERE r.at >= ${fiveMinutesAgo} GROUP BY 1, 2`,
  ]);
  return { jobs, outboxPending, deliveries: deliveries.map((d) => ({ state: d.state, count: d._count._all })), probeResults };
}
