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
