import "server-only";
import { createHash } from "node:crypto";
import { db, type Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { applyEffectiveStatus, endOverride } from "@/server/components/mutations";
import { enqueueEvent } from "@/server/notifications/mutations";
import { componentProbeStatus, type Quorum } from "@/server/probes/aggregate";
import { openIncidentPath } from "@/server/probes/alert";
import type { ProbeResultInput } from "@/server/probes/schema";
import { step, type MachineState } from "@/server/probes/state-machine";

// From check results to component status. A batch of results (from the worker or an agent) is stored
// once per result id, run through each probe's flap filter at its location in time order, and every
// component whose probe health changed gets its status recomputed, all in one transaction. A result
// already stored (an agent resending after a lost reply) is skipped entirely, so nothing counts twice.

export interface IngestOutcome {
  accepted: number;
  duplicates: number;
  /** Results for probes not assigned to the location. */
  rejected: number;
}

export async function ingestResults(locationId: string, results: ProbeResultInput[], now = new Date()): Promise<IngestOutcome> {
  if (results.length === 0) return { accepted: 0, duplicates: 0, rejected: 0 };
  return db.$transaction(
    async (tx) => {
      const probeIds = [...new Set(results.map((r) => r.probeId))].sort();
      // Lock the assignments (in order) so two batches for one location never interleave their streaks.
      await tx.$queryRaw`SELECT 1 FROM "ProbeAssignment" WHERE "locationId" = ${locationId} AND "probeId" = ANY(${probeIds}::text[]) ORDER BY "probeId" FOR UPDATE`;
      const assignments = await tx.probeAssignment.findMany({
        where: { locationId, probeId: { in: probeIds } },
        include: { probe: { select: { failThreshold: true, recoverThreshold: true, componentId: true } } },
      });
      const byProbe = new Map(assignments.map((a) => [a.probeId, a]));
      const known = results.filter((r) => byProbe.has(r.probeId));
      const inserted = await insertResults(tx, locationId, known);
      const fresh = known.filter((r) => inserted.has(r.id)).sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));

      const updates: AssignmentUpdate[] = [];
      const touched = new Set<string>();
      for (const a of assignments) {
        const mine = fresh.filter((r) => r.probeId === a.probeId && (!a.lastResultAt || new Date(r.at) > a.lastResultAt));
        if (mine.length === 0) continue;
        let state: MachineState = { health: a.health, failStreak: a.failStreak, okStreak: a.okStreak, slowStreak: a.slowStreak, fastStreak: a.fastStreak };
        for (const r of mine) state = step(state, r.outcome, a.probe);
        const last = mine.at(-1)!;
        updates.push({ probeId: a.probeId, ...state, lastResultAt: last.at, lastLatencyMs: last.latencyMs, lastError: last.error, healthChanged: state.health !== a.health });
        if (state.health !== a.health || a.stale) touched.add(a.probe.componentId);
      }
      await updateAssignments(tx, locationId, updates, now);
      await tx.probeLocation.update({ where: { id: locationId }, data: { lastSeenAt: now } });
      for (const componentId of [...touched].sort()) await refreshComponentFromProbes(tx, componentId, now);
      return { accepted: inserted.size, duplicates: known.length - inserted.size, rejected: results.length - known.length };
    },
    { timeout: 30_000 },
  );
}

async function insertResults(tx: Tx, locationId: string, rows: ProbeResultInput[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const inserted = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "ProbeResult" (id, "probeId", "locationId", at, outcome, "latencyMs", "statusCode", error)
    SELECT v.id, v.probe_id, ${locationId}, (v.at::timestamptz AT TIME ZONE 'UTC'), v.outcome::"ProbeOutcome", v.latency, v.status, v.error
    FROM unnest(${rows.map((r) => r.id)}::text[], ${rows.map((r) => r.probeId)}::text[], ${rows.map((r) => r.at)}::text[],
                ${rows.map((r) => r.outcome)}::text[], ${rows.map((r) => r.latencyMs)}::int[], ${rows.map((r) => r.statusCode)}::int[],
                ${rows.map((r) => r.error)}::text[]) AS v(id, probe_id, at, outcome, latency, status, error)
    ON CONFLICT (id) DO NOTHING
    RETURNING id`;
  return new Set(inserted.map((r) => r.id));
}

interface AssignmentUpdate extends MachineState {
  probeId: string;
  lastResultAt: string;
  lastLatencyMs: number | null;
  lastError: string | null;
  healthChanged: boolean;
}

/** One statement for the whole batch: at a few thousand probes a row-by-row update would dominate. */
async function updateAssignments(tx: Tx, locationId: string, u: AssignmentUpdate[], now: Date): Promise<void> {
  if (u.length === 0) return;
  await tx.$executeRaw`
    UPDATE "ProbeAssignment" a SET
      health = v.health::"ProbeHealth", "failStreak" = v.fail, "okStreak" = v.ok, "slowStreak" = v.slow, "fastStreak" = v.fast,
      stale = false, "lastResultAt" = (v.last_at::timestamptz AT TIME ZONE 'UTC'), "lastLatencyMs" = v.latency, "lastError" = v.error,
      "healthSince" = CASE WHEN v.changed THEN (to_timestamp(${now.getTime()}::float8 / 1000) AT TIME ZONE 'UTC') ELSE a."healthSince" END
    FROM unnest(${u.map((x) => x.probeId)}::text[], ${u.map((x) => x.health)}::text[], ${u.map((x) => x.failStreak)}::int[],
                ${u.map((x) => x.okStreak)}::int[], ${u.map((x) => x.slowStreak)}::int[], ${u.map((x) => x.fastStreak)}::int[],
                ${u.map((x) => x.lastResultAt)}::text[], ${u.map((x) => x.lastLatencyMs)}::int[], ${u.map((x) => x.lastError)}::text[],
                ${u.map((x) => x.healthChanged)}::boolean[]) AS v(probe_id, health, fail, ok, slow, fast, last_at, latency, error, changed)
    WHERE a."locationId" = ${locationId} AND a."probeId" = v.probe_id`;
}

const quorum = (): Quorum => env.PROBE_MAJOR_OUTAGE_QUORUM;

/**
 * Recomputes what a component's probes say across locations, keeps the no-data gaps, applies the
 * effective status, and raises a staff alert (never an incident) when probes changed what the page shows.
 */
export async function refreshComponentFromProbes(tx: Tx, componentId: string, now: Date): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Component" WHERE id = ${componentId} FOR UPDATE`;
  const component = await tx.component.findUnique({ where: { id: componentId }, select: { name: true, probeStatus: true, probeDetail: true } });
  if (!component) return;
  const assignments = await tx.probeAssignment.findMany({
    where: { probe: { componentId, enabled: true }, location: { archivedAt: null } },
    select: { locationId: true, health: true, stale: true, lastError: true, lastResultAt: true, location: { select: { name: true } }, probe: { select: { name: true } } },
  });
  const verdict = componentProbeStatus(
    assignments.map((a) => ({ locationId: a.locationId, locationName: a.location.name, probeName: a.probe.name, health: a.health, stale: a.stale, lastError: a.lastError })),
    quorum(),
  );
  const detail = assignments.length > 0 ? verdict.detail : null;
  if (verdict.status !== component.probeStatus || detail !== component.probeDetail) {
    await tx.component.update({ where: { id: componentId }, data: { probeStatus: verdict.status, probeDetail: detail } });
  }
  // Silence counts from the last result heard, not from when the sweep noticed it.
  const lastHeard = Math.max(0, ...assignments.map((a) => a.lastResultAt?.getTime() ?? 0));
  await keepGaps(tx, componentId, assignments.length > 0 && verdict.status === null, lastHeard > 0 ? new Date(Math.min(lastHeard, now.getTime())) : now, now);
  const change = await applyEffectiveStatus(tx, componentId, now);
  if (change && change.source === "probe") {
    const link = openIncidentPath({ componentId, componentName: component.name, status: change.newStatus, failing: verdict.failing, detail: verdict.detail });
    await enqueueEvent(tx, { type: "staff.probe_alert", componentId, status: change.newStatus, detail: verdict.detail, openIncidentPath: link });
  }
}

/** Opens a no-data gap when a probed component's locations all went silent; closes it when one reports. */
async function keepGaps(tx: Tx, componentId: string, silent: boolean, silentSince: Date, now: Date): Promise<void> {
  const open = await tx.componentMonitoringGap.findFirst({ where: { componentId, endedAt: null }, select: { id: true } });
  if (silent && !open) await tx.componentMonitoringGap.create({ data: { componentId, startedAt: silentSince } });
  if (!silent && open) await tx.componentMonitoringGap.update({ where: { id: open.id }, data: { endedAt: now } });
}

/**
 * The periodic sweep: marks probes that stopped reporting as stale, turns silence past a push probe's
 * interval into a failure, and ends expired overrides. Each step recomputes the components it touched.
 */
export async function sweepProbes(now = new Date()): Promise<{ stale: number; pushMisses: number; expired: number }> {
  const nowMs = now.getTime();
  const stale = await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ componentId: string }[]>`
      UPDATE "ProbeAssignment" a SET stale = true
      FROM "Probe" p
      WHERE p.id = a."probeId" AND a.stale = false AND p.enabled AND p.kind <> 'push'
        AND COALESCE(a."lastResultAt", a."healthSince") < (to_timestamp(${nowMs}::float8 / 1000) AT TIME ZONE 'UTC') - make_interval(secs => 2 * p."intervalSeconds" + p."timeoutMs" / 1000.0 + 15)
      RETURNING p."componentId"`;
    const ids = [...new Set(rows.map((r) => r.componentId))].sort();
    for (const id of ids) await refreshComponentFromProbes(tx, id, now);
    return rows.length;
  });

  const silent = await db.$queryRaw<{ probeId: string; locationId: string; last: Date; intervalSeconds: number }[]>`
    SELECT a."probeId", a."locationId", COALESCE(a."lastResultAt", a."healthSince") AS last, p."intervalSeconds"
    FROM "ProbeAssignment" a JOIN "Probe" p ON p.id = a."probeId"
    WHERE p.kind = 'push' AND p.enabled
      AND COALESCE(a."lastResultAt", a."healthSince") < (to_timestamp(${nowMs}::float8 / 1000) AT TIME ZONE 'UTC') - make_interval(secs => p."intervalSeconds" + p."timeoutMs" / 1000.0)`;
  let pushMisses = 0;
  for (const s of silent) {
    // The id comes from the probe and the last result, so sweeps racing each other record one miss.
    const id = uuidFrom(`push-miss:${s.probeId}:${s.last.getTime()}`);
    const out = await ingestResults(s.locationId, [{ id, probeId: s.probeId, at: now.toISOString(), outcome: "down", latencyMs: null, statusCode: null, error: `no push within ${s.intervalSeconds} s` }], now);
    pushMisses += out.accepted;
  }

  const expired = await db.$transaction(async (tx) => {
    const due = await tx.component.findMany({ where: { overrideStatus: { not: null }, overrideExpiresAt: { lte: now } }, select: { id: true, statusBeforeOverride: true } });
    for (const c of due) await endOverride(tx, c.id, c.statusBeforeOverride, now);
    return due.length;
  });
  return { stale, pushMisses, expired };
}

/** A UUID (v4 layout) derived from a name, for results whose id must be the same whoever makes it. */
export function uuidFrom(name: string): string {
  const h = createHash("sha256").update(name).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

/**
 * The built-in location, named by PROBE_LOCATION_NAME, created on first use. Only one worker runs its
 * probes at a time: the holder renews a short lease, and another worker takes over when it lapses.
 */
export async function ensureBuiltinLocation(): Promise<{ id: string; name: string }> {
  const name = env.PROBE_LOCATION_NAME;
  return db.$transaction(async (tx) => {
    await tx.probeLocation.updateMany({ where: { builtin: true, name: { not: name } }, data: { builtin: false } });
    const row = await tx.probeLocation.upsert({ where: { name }, create: { name, builtin: true }, update: { builtin: true, archivedAt: null } });
    return { id: row.id, name: row.name };
  });
}

export async function claimRunnerLease(locationId: string, runnerId: string, seconds: number, now = new Date()): Promise<boolean> {
  const until = new Date(now.getTime() + seconds * 1000);
  const claimed = await db.probeLocation.updateMany({
    where: { id: locationId, OR: [{ runnerId }, { runnerId: null }, { runnerUntil: null }, { runnerUntil: { lt: now } }] },
    data: { runnerId, runnerUntil: until },
  });
  return claimed.count === 1;
}

export async function releaseRunnerLease(locationId: string, runnerId: string): Promise<void> {
  await db.probeLocation.updateMany({ where: { id: locationId, runnerId }, data: { runnerId: null, runnerUntil: null } });
}

export async function touchLocation(locationId: string, now = new Date()): Promise<void> {
  await db.probeLocation.update({ where: { id: locationId }, data: { lastSeenAt: now } });
}
