import type { ComponentStatus } from "@/server/components/status";

// The page-wide status of Statuspage's status.json: an indicator and a sentence, from the components'
// statuses and the impact of published, unresolved incidents. Pure.

export type StatusIndicator = "none" | "minor" | "major" | "critical";
export type IncidentImpact = "none" | "minor" | "major" | "critical";

export interface OverallStatus {
  indicator: StatusIndicator;
  description: string;
}

const RANK: Record<StatusIndicator, number> = { none: 0, minor: 1, major: 2, critical: 3 };

export function overallStatus(input: {
  componentStatuses: ComponentStatus[];
  openIncidentImpacts: IncidentImpact[];
}): OverallStatus {
  const candidates: OverallStatus[] = [];
  const statuses = input.componentStatuses;
  const majors = statuses.filter((s) => s === "major_outage").length;
  if (majors > 0 && majors === statuses.length) {
    candidates.push({ indicator: "critical", description: "Major System Outage" });
  } else if (majors > 0) {
    candidates.push({ indicator: "major", description: "Partial System Outage" });
  }
  if (statuses.includes("partial_outage")) candidates.push({ indicator: "minor", description: "Minor Service Outage" });
  if (statuses.includes("degraded_performance")) {
    candidates.push({ indicator: "minor", description: "Partially Degraded Service" });
  }
  for (const impact of input.openIncidentImpacts) {
    if (impact === "critical") candidates.push({ indicator: "critical", description: "Major System Outage" });
    if (impact === "major") candidates.push({ indicator: "major", description: "Partial System Outage" });
    if (impact === "minor") candidates.push({ indicator: "minor", description: "Minor Service Outage" });
  }
  let worst: OverallStatus | undefined;
  for (const c of candidates) if (!worst || RANK[c.indicator] > RANK[worst.indicator]) worst = c;
  if (worst) return worst;
  if (statuses.includes("under_maintenance")) return { indicator: "none", description: "Service Under Maintenance" };
  return { indicator: "none", description: "All Systems Operational" };
}
