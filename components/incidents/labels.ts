import type { IncidentStatus, MaintenanceStatus } from "@/server/public/types";

export const INCIDENT_STATUS_LABELS: Record<IncidentStatus, string> = {
  investigating: "Investigating",
  identified: "Identified",
  monitoring: "Monitoring",
  resolved: "Resolved",
  postmortem: "Postmortem",
};

export const MAINTENANCE_STATUS_LABELS: Record<MaintenanceStatus, string> = {
  scheduled: "Scheduled",
  in_progress: "In progress",
  verifying: "Verifying",
  completed: "Completed",
};

export const IMPACT_TEXT: Record<string, string> = {
  none: "text-zinc-900 dark:text-zinc-100",
  minor: "text-degraded",
  major: "text-partial",
  critical: "text-major",
  maintenance: "text-maintenance",
};
