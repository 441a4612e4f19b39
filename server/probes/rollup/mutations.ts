import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { dayMinutes } from "@/server/components/uptime";

// History that stays small: raw results are kept PROBE_RESULT_RETENTION_DAYS; before that they are
// summed per probe and location per hour and per day (checks, failures, slow, latency p50/p95), and
// each component's status history becomes minutes per status per day (ComponentDailyUptime), which
// the public page's 90-day uptime reads. Every step recomputes whole periods, so running it twice,
// or from two workers, gives the same rows.

const DAY = 86_400_000;
const ROLLUP_KEEP_DAYS = 400;

const utcDay = (d: Date) => new Date(Math.floor(d.getTime() / DAY) * DAY);

/** Sums each probe's results per location into `period` buckets from `lookback` before the current one. */
function rollUpProbes(period: "hour" | "day", lookback: string, nowMs: number): Promise<number> {
  return db.$executeRaw`
    INSERT INTO "ProbeRollup" ("probeId", "locationId", period, start, checks, failures, degraded, "latencyP50", "latencyP95")
    SELECT "probeId", "locationId", ${period}, date_trunc(${period}, at), count(*)::int,
           count(*) FILTER (WHERE outcome = 'down')::int, count(*) FILTER (WHERE outcome = 'degraded')::int,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY "latencyMs")::int, percentile_cont(0.95) WITHIN GROUP (ORDER BY "latencyMs")::int
    FROM "ProbeResult"
    WHERE at >= date_trunc(${period}, (to_timestamp(${nowMs}::float8 / 1000) AT TIME ZONE 'UTC')) - ${lookback}::interval
    GROUP BY 1, 2, 4
    ON CONFLICT ("probeId", "locationId", period, start) DO UPDATE SET checks = EXCLUDED.checks, failures = EXCLUDED.failures,
      degraded = EXCLUDED.degraded, "latencyP50" = EXCLUDED."latencyP50", "latencyP95" = EXCLUDED."latencyP95"`;
}

export async function runRollups(now: Date): Promise<{ hours: number; days: number; componentDays: number; deleted: number }> {
  const nowMs = now.getTime();
  // Probe rollups: the last three hours and the last two days (a late agent's results land in them).
  const hours = await rollUpProbes("hour", "3 hours", nowMs);
  const days = await rollUpProbes("day", "1 day", nowMs);

  const componentDays = await rollUpComponentDays(now);

  const cutoff = new Date(nowMs - env.PROBE_RESULT_RETENTION_DAYS * DAY);
  let deleted = 0;
  for (;;) {
    const n = await db.$executeRaw`DELETE FROM "ProbeResult" WHERE id IN (SELECT id FROM "ProbeResult" WHERE at < ${cutoff} LIMIT 10000)`;
    deleted += n;
    if (n < 10000) break;
  }
  await db.probeRollup.deleteMany({ where: { start: { lt: new Date(nowMs - ROLLUP_KEEP_DAYS * DAY) } } });
  await db.componentMonitoringGap.deleteMany({ where: { endedAt: { lt: new Date(nowMs - ROLLUP_KEEP_DAYS * DAY) } } });
  return { hours, days, componentDays, deleted };
}

/**
 * Minutes per status for every live component, for each day since the last rolled-up day (at most 30
 * back, at least yesterday and today).
 */
export async function rollUpComponentDays(now: Date): Promise<number> {
  const today = utcDay(now);
  const last = await db.componentDailyUptime.aggregate({ _max: { day: true } });
  const lastDay = last._max.day ? utcDay(last._max.day) : today;
  const from = new Date(Math.max(Math.min(lastDay.getTime(), today.getTime() - DAY), today.getTime() - 30 * DAY));
  const components = await db.component.findMany({ where: { archivedAt: null }, select: { id: true, status: true, createdAt: true } });
  const [changes, before, gaps] = await Promise.all([
    db.componentStatusChange.findMany({ where: { at: { gte: from } }, orderBy: [{ at: "asc" }, { id: "asc" }], select: { componentId: true, at: true, oldStatus: true, newStatus: true } }),
    db.$queryRaw<{ componentId: string; newStatus: string }[]>`
      SELECT DISTINCT ON ("componentId") "componentId", "newStatus"::text AS "newStatus" FROM "ComponentStatusChange" WHERE at < ${from} ORDER BY "componentId", at DESC, id DESC`,
    db.componentMonitoringGap.findMany({ where: { OR: [{ endedAt: null }, { endedAt: { gte: from } }] }, select: { componentId: true, startedAt: true, endedAt: true } }),
  ]);
  const changesOf = groupBy(changes, (c) => c.componentId);
  const gapsOf = groupBy(gaps, (g) => g.componentId);
  const beforeOf = new Map(before.map((b) => [b.componentId, b.newStatus]));
  let written = 0;
  for (const c of components) {
    const mine = changesOf.get(c.id) ?? [];
    let status = (beforeOf.get(c.id) ?? mine[0]?.oldStatus ?? c.status) as (typeof mine)[number]["newStatus"];
    for (let d = from.getTime(); d <= today.getTime(); d += DAY) {
      const dayStart = new Date(d);
      const dayChanges = mine.filter((x) => x.at.getTime() >= d && x.at.getTime() < d + DAY);
      const m = dayMinutes({ dayStart, statusAtStart: status, changes: dayChanges, gaps: gapsOf.get(c.id) ?? [], observedFrom: c.createdAt, now });
      if (dayChanges.length) status = dayChanges.at(-1)!.newStatus;
      const total = m.operationalMinutes + m.degradedMinutes + m.partialMinutes + m.majorMinutes + m.maintenanceMinutes + m.noDataMinutes;
      if (total === 0) continue;
      await db.componentDailyUptime.upsert({ where: { componentId_day: { componentId: c.id, day: dayStart } }, create: { componentId: c.id, day: dayStart, ...m }, update: m });
      written++;
    }
  }
  return written;
}

function groupBy<T>(rows: T[], key: (r: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}
