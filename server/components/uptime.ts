import type { ComponentStatus } from "@/server/components/status";

// Uptime arithmetic, in one place. Pure; safe for client components.
//
// A day's minutes are split by status. Uptime is the share of *observed, unplanned* time the component
// was up, where a major outage counts fully as downtime and a partial outage counts 30%:
//
//   uptime = 1 - (major + 0.3 × partial) / (observed - maintenance)
//   observed = operational + degraded + partial + major + maintenance   (no-data minutes excluded)
//
// Degraded performance is slow but up, so it is not downtime. Planned maintenance is neither up nor down:
// it is left out of the denominator. Minutes with no observation (monitoring not running, component not
// yet created) are never counted as up; a day with no observed unplanned minute has no uptime (null),
// shown as "no data" rather than 100%.

export interface StatusMinutes {
  operationalMinutes: number;
  degradedMinutes: number;
  partialMinutes: number;
  majorMinutes: number;
  maintenanceMinutes: number;
  noDataMinutes: number;
}

export const PARTIAL_OUTAGE_WEIGHT = 0.3;

export function uptimeRatio(m: StatusMinutes): number | null {
  const unplanned = m.operationalMinutes + m.degradedMinutes + m.partialMinutes + m.majorMinutes;
  if (unplanned <= 0) return null;
  const down = m.majorMinutes + PARTIAL_OUTAGE_WEIGHT * m.partialMinutes;
  return Math.max(0, Math.min(1, 1 - down / unplanned));
}

/** A day with no minutes recorded at all. */
export const NO_MINUTES: Readonly<StatusMinutes> = Object.freeze({
  operationalMinutes: 0,
  degradedMinutes: 0,
  partialMinutes: 0,
  majorMinutes: 0,
  maintenanceMinutes: 0,
  noDataMinutes: 0,
});

export function sumMinutes(days: StatusMinutes[]): StatusMinutes {
  const total: StatusMinutes = { ...NO_MINUTES };
  for (const d of days) {
    total.operationalMinutes += d.operationalMinutes;
    total.degradedMinutes += d.degradedMinutes;
    total.partialMinutes += d.partialMinutes;
    total.majorMinutes += d.majorMinutes;
    total.maintenanceMinutes += d.maintenanceMinutes;
    total.noDataMinutes += d.noDataMinutes;
  }
  return total;
}

/** The colour a day's bar gets: the worst status it spent time in, or no data / maintenance. */
export type DayLevel = "no_data" | "operational" | "maintenance" | "degraded" | "partial" | "major";

export function dayLevel(m: StatusMinutes): DayLevel {
  if (m.majorMinutes > 0) return "major";
  if (m.partialMinutes > 0) return "partial";
  if (m.degradedMinutes > 0) return "degraded";
  if (m.operationalMinutes > 0) return "operational";
  if (m.maintenanceMinutes > 0) return "maintenance";
  return "no_data";
}

/** "99.95%" style, never rounding a non-perfect ratio up to 100%. */
export function formatUptime(ratio: number | null): string {
  if (ratio === null) return "No data";
  if (ratio >= 1) return "100%";
  const pct = Math.floor(ratio * 10_000) / 100;
  return `${pct.toFixed(2)}%`;
}

/**
 * A day's minutes by status, from the component's status changes. Each minute counts in the status the
 * component had at its middle; minutes before the component existed or inside a monitoring gap (its
 * probes all silent) are no data; minutes not yet over by `now` are not counted at all.
 */
export function dayMinutes(input: {
  dayStart: Date;
  /** The status at the start of the day (the last change before it, or the first change's old status). */
  statusAtStart: ComponentStatus;
  /** Changes during the day, in time order. */
  changes: { at: Date; newStatus: ComponentStatus }[];
  gaps: { startedAt: Date; endedAt: Date | null }[];
  observedFrom: Date;
  now: Date;
}): StatusMinutes {
  const m: StatusMinutes = { ...NO_MINUTES };
  const start = input.dayStart.getTime();
  let status = input.statusAtStart;
  let next = 0;
  for (let i = 0; i < 1440; i++) {
    const minuteEnd = start + (i + 1) * 60_000;
    if (minuteEnd > input.now.getTime()) break;
    const mid = minuteEnd - 30_000;
    while (next < input.changes.length && input.changes[next]!.at.getTime() <= mid) status = input.changes[next++]!.newStatus;
    const inGap = input.gaps.some((g) => g.startedAt.getTime() <= mid && (g.endedAt === null || g.endedAt.getTime() > mid));
    if (mid < input.observedFrom.getTime() || inGap) m.noDataMinutes++;
    else m[MINUTES_FIELD[status]]++;
  }
  return m;
}

const MINUTES_FIELD: Record<ComponentStatus, keyof StatusMinutes> = {
  operational: "operationalMinutes",
  degraded_performance: "degradedMinutes",
  partial_outage: "partialMinutes",
  major_outage: "majorMinutes",
  under_maintenance: "maintenanceMinutes",
};
