import type { ComponentStatus } from "@/server/components/status";
import type { ProbeHealth } from "@/server/probes/state-machine";

// From each location's flap-filtered probe health to one component status. Pure.
//
// A location is failing when any of the component's probes is down there, slow when any is degraded.
// Only locations that reported lately count: a stale location is neither up nor down. Then:
//   no location with fresh results      → null (no data; the component falls back, and uptime says "no data")
//   failing at the quorum of locations  → major_outage (quorum "all": every fresh location; "majority": more than half)
//   failing at some                     → partial_outage
//   slow somewhere                      → degraded_performance
//   otherwise                           → operational

export type Quorum = "all" | "majority";

export interface AssignmentView {
  locationId: string;
  locationName: string;
  probeName: string;
  health: ProbeHealth;
  stale: boolean;
  lastError: string | null;
}

export interface ProbeVerdict {
  status: ComponentStatus | null;
  /** Where the status came from, for the console and the staff alert. */
  detail: string;
  /** The failing checks, "location: probe (error)". */
  failing: string[];
}

export function componentProbeStatus(assignments: AssignmentView[], quorum: Quorum): ProbeVerdict {
  const locations = new Map<string, { name: string; health: "up" | "degraded" | "down"; failing: string[] }>();
  const stale = new Set<string>();
  for (const a of assignments) {
    if (a.stale) {
      stale.add(a.locationName);
      continue;
    }
    if (a.health === "unknown") continue;
    const loc = locations.get(a.locationId) ?? { name: a.locationName, health: "up" as const, failing: [] };
    if (a.health === "down") {
      loc.health = "down";
      loc.failing.push(`${a.locationName}: ${a.probeName}${a.lastError ? ` (${a.lastError})` : ""}`);
    } else if (a.health === "degraded" && loc.health === "up") loc.health = "degraded";
    locations.set(a.locationId, loc);
  }
  for (const l of locations.values()) stale.delete(l.name);
  const staleNote = stale.size > 0 ? `; no recent results from ${[...stale].sort().join(", ")}` : "";
  const fresh = [...locations.values()];
  if (fresh.length === 0) return { status: null, detail: `No location reported lately${staleNote}.`, failing: [] };
  const failingLocations = fresh.filter((l) => l.health === "down");
  const failing = failingLocations.flatMap((l) => l.failing);
  const failed = failingLocations.length;
  const needed = quorum === "all" ? fresh.length : Math.floor(fresh.length / 2) + 1;
  let status: ComponentStatus;
  if (failed >= needed) status = "major_outage";
  else if (failed > 0) status = "partial_outage";
  else if (fresh.some((l) => l.health === "degraded")) status = "degraded_performance";
  else status = "operational";
  const slow = fresh.filter((l) => l.health === "degraded").map((l) => l.name);
  const parts = [`${failed} of ${fresh.length} location${fresh.length === 1 ? "" : "s"} failing`];
  if (failing.length) parts.push(failing.join("; "));
  if (slow.length) parts.push(`slow at ${slow.join(", ")}`);
  return { status, detail: parts.join(": ") + staleNote, failing };
}

/** Results older than this mean the probe is not running there: two missed intervals and some grace. */
export function staleAfterMs(intervalSeconds: number, timeoutMs: number): number {
  return 2 * intervalSeconds * 1000 + timeoutMs + 15_000;
}

export function isStale(lastResultAt: Date | null, since: Date, intervalSeconds: number, timeoutMs: number, now: Date): boolean {
  const last = lastResultAt ?? since;
  return now.getTime() - last.getTime() > staleAfterMs(intervalSeconds, timeoutMs);
}
