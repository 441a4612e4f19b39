import type { ComponentStatus } from "@/server/components/status";

// Which status a component shows, from everything that has a say. Pure. In order of precedence:
//   1. a communicator's override, until it expires or is lifted;
//   2. a running maintenance window (under_maintenance);
//   3. its probes, when some location reported lately;
//   4. otherwise the status staff last set (or `fallback`, e.g. the status from before a maintenance
//      window, when the current one came from probes or maintenance that no longer say anything).

export type StatusSource = "staff" | "probe" | "maintenance";

export interface StatusInputs {
  override: { status: ComponentStatus; expiresAt: Date | null } | null;
  inMaintenance: boolean;
  probeStatus: ComponentStatus | null;
  current: { status: ComponentStatus; source: StatusSource };
  fallback?: ComponentStatus;
  /** The current status no longer stands (an override just ended): use the fallback instead. */
  replaceCurrent?: boolean;
}

export function isOverrideActive(o: StatusInputs["override"], now: Date): o is NonNullable<StatusInputs["override"]> {
  return o !== null && (o.expiresAt === null || o.expiresAt.getTime() > now.getTime());
}

export function effectiveStatus(input: StatusInputs, now: Date): { status: ComponentStatus; source: StatusSource } {
  if (isOverrideActive(input.override, now)) return { status: input.override.status, source: "staff" };
  if (input.inMaintenance) return { status: "under_maintenance", source: "maintenance" };
  if (input.probeStatus) return { status: input.probeStatus, source: "probe" };
  if (input.replaceCurrent && input.fallback) return { status: input.fallback, source: "staff" };
  if (input.current.source === "staff" && input.current.status !== "under_maintenance") return input.current;
  return { status: input.fallback ?? (input.current.status === "under_maintenance" ? "operational" : input.current.status), source: "staff" };
}
