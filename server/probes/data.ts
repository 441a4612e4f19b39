import "server-only";
import { db } from "@/lib/db";
import { hashToken } from "@/server/auth/tokens";
import { staleAfterMs } from "@/server/probes/aggregate";
import type { LocationView, ProbeView, RunnableProbe } from "@/server/probes/schema";
import { runnableProbeSchema } from "@/server/probes/schema";

// Reads for the console, the staff API, the runners and agents. Never used by the public side.

const iso = (d: Date | null) => (d ? d.toISOString() : null);

const probeInclude = {
  component: { select: { name: true } },
  assignments: { include: { location: { select: { name: true } } }, orderBy: { location: { name: "asc" as const } } },
};

type ProbeRow = NonNullable<Awaited<ReturnType<typeof db.probe.findFirst<{ include: typeof probeInclude }>>>>;

function toView(p: ProbeRow): ProbeView {
  return {
    id: p.id,
    componentId: p.componentId,
    componentName: p.component.name,
    name: p.name,
    kind: p.kind,
    intervalSeconds: p.intervalSeconds,
    timeoutMs: p.timeoutMs,
    degradedThresholdMs: p.degradedThresholdMs,
    failThreshold: p.failThreshold,
    recoverThreshold: p.recoverThreshold,
    enabled: p.enabled,
    config: (p.config ?? {}) as Record<string, unknown>,
    locations: p.assignments.map((a) => ({
      locationId: a.locationId,
      locationName: a.location.name,
      health: a.health,
      stale: a.stale,
      lastResultAt: iso(a.lastResultAt),
      lastLatencyMs: a.lastLatencyMs,
      lastError: a.lastError,
    })),
  };
}

export async function listProbes(filter: { componentId?: string } = {}): Promise<ProbeView[]> {
  const rows = await db.probe.findMany({ where: filter, include: probeInclude, orderBy: [{ component: { name: "asc" } }, { name: "asc" }] });
  return rows.map(toView);
}

export async function getProbe(id: string): Promise<ProbeView | null> {
  const row = await db.probe.findUnique({ where: { id }, include: probeInclude });
  return row ? toView(row) : null;
}

export async function listLocations(now = new Date()): Promise<LocationView[]> {
  const rows = await db.probeLocation.findMany({
    where: { archivedAt: null },
    include: { _count: { select: { assignments: true } }, assignments: { select: { probe: { select: { intervalSeconds: true, timeoutMs: true } } } } },
    orderBy: [{ builtin: "desc" }, { name: "asc" }],
  });
  return rows.map((l) => {
    // Stale: it should have reported by now (the shortest of its probes' stale periods) and did not.
    const window = Math.min(...l.assignments.map((a) => staleAfterMs(a.probe.intervalSeconds, a.probe.timeoutMs)));
    const stale = l.assignments.length > 0 && (!l.lastSeenAt || now.getTime() - l.lastSeenAt.getTime() > window);
    return { id: l.id, name: l.name, builtin: l.builtin, tokenPrefix: l.tokenPrefix, lastSeenAt: iso(l.lastSeenAt), stale, probes: l._count.assignments };
  });
}

/** The location a presented agent token belongs to, or null. */
export async function findLocationByToken(token: string): Promise<{ id: string; name: string } | null> {
  const row = await db.probeLocation.findUnique({ where: { tokenHash: hashToken(token) }, select: { id: true, name: true, archivedAt: true } });
  return row && !row.archivedAt ? { id: row.id, name: row.name } : null;
}

export async function findPushProbe(token: string): Promise<{ id: string; enabled: boolean } | null> {
  return db.probe.findUnique({ where: { pushTokenHash: hashToken(token) }, select: { id: true, enabled: true } });
}

/** What a runner at this location runs: its enabled http and tcp probes. */
export async function listRunnableProbes(locationId: string): Promise<RunnableProbe[]> {
  const rows = await db.probe.findMany({
    where: { enabled: true, kind: { in: ["http", "tcp"] }, assignments: { some: { locationId } } },
    select: { id: true, kind: true, intervalSeconds: true, timeoutMs: true, degradedThresholdMs: true, config: true },
    orderBy: { id: "asc" },
  });
  const out: RunnableProbe[] = [];
  for (const r of rows) {
    const parsed = runnableProbeSchema.safeParse(r);
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}

export async function getRunnableProbe(id: string): Promise<RunnableProbe | null> {
  const r = await db.probe.findUnique({ where: { id }, select: { id: true, kind: true, intervalSeconds: true, timeoutMs: true, degradedThresholdMs: true, config: true } });
  if (!r) return null;
  const parsed = runnableProbeSchema.safeParse(r);
  return parsed.success ? parsed.data : null;
}

export interface LatencyPoint {
  at: Date;
  latencyMs: number | null;
  outcome: "up" | "degraded" | "down";
}

/** Response times of a component's probes per location over the last `hours` (for the console chart). */
export async function getLatencySeries(componentId: string, hours: number, now = new Date()): Promise<{ location: string; probe: string; points: LatencyPoint[] }[]> {
  const since = new Date(now.getTime() - hours * 3_600_000);
  const probes = await db.probe.findMany({ where: { componentId }, select: { id: true, name: true, assignments: { select: { locationId: true, location: { select: { name: true } } } } } });
  const series = [];
  for (const p of probes) {
    for (const a of p.assignments) {
      const rows = await db.probeResult.findMany({
        where: { probeId: p.id, locationId: a.locationId, at: { gte: since } },
        orderBy: { at: "asc" },
        select: { at: true, latencyMs: true, outcome: true },
        take: 2000,
      });
      series.push({ location: a.location.name, probe: p.name, points: rows });
    }
  }
  return series;
}

/** What the console shows of a component's health: its status, where it came from, and any override. */
const HEALTH_SELECT = {
  id: true,
  name: true,
  status: true,
  statusSource: true,
  statusChangedAt: true,
  probeStatus: true,
  probeDetail: true,
  overrideStatus: true,
  overrideReason: true,
  overrideExpiresAt: true,
} as const;

/** Components with their effective status, where it came from, and any override (console only). */
export async function listComponentHealth() {
  const rows = await db.component.findMany({
    where: { archivedAt: null },
    orderBy: [{ group: { position: "asc" } }, { position: "asc" }, { createdAt: "asc" }],
    select: { ...HEALTH_SELECT, _count: { select: { probes: true } } },
  });
  return rows;
}

export async function getComponentHealth(id: string) {
  return db.component.findUnique({
    where: { id },
    select: { ...HEALTH_SELECT, overrideSetAt: true },
  });
}

