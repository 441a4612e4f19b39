import type { ComponentStatus } from "@/server/components/status";
import type { DayLevel } from "@/server/components/uptime";
import type { IncidentImpact, OverallStatus } from "@/server/public/overall-status";

// What the public may see. Every public representation is rendered from a PublicSnapshot and nothing
// else, so internal fields (owners, contacts, runbooks, notes, drafts, unpublished incidents) cannot
// leak: they are not here. Times are ISO 8601 strings; Markdown bodies come with sanitized HTML.

export type IncidentStatus = "investigating" | "identified" | "monitoring" | "resolved" | "postmortem";
export type MaintenanceStatus = "scheduled" | "in_progress" | "verifying" | "completed";

export interface PublicPage {
  id: string;
  name: string;
  url: string;
  timeZone: string;
  description: string | null;
  logoUrl: string | null;
  brandColor: string;
  footerLinks: { label: string; url: string }[];
  updatedAt: string;
}

export interface PublicGroup {
  id: string;
  name: string;
  description: string | null;
  position: number;
  componentIds: string[];
  createdAt: string;
  updatedAt: string;
}

export interface UptimeDay {
  /** UTC day, YYYY-MM-DD. */
  date: string;
  level: DayLevel;
  /** Share of observed unplanned time up (server/components/uptime.ts), null when there is no data. */
  ratio: number | null;
  /** Published incidents affecting the component that were open during the day. */
  incidentIds: string[];
}

export interface PublicComponent {
  id: string;
  name: string;
  description: string | null;
  status: ComponentStatus;
  position: number;
  groupId: string | null;
  onlyShowIfDegraded: boolean;
  showcase: boolean;
  startDate: string | null;
  createdAt: string;
  updatedAt: string;
  /** Oldest first, ending today. */
  uptimeDays: UptimeDay[];
  uptimeRatio: number | null;
}

export interface AffectedComponent {
  componentId: string;
  name: string;
  oldStatus: ComponentStatus;
  newStatus: ComponentStatus;
}

export interface PublicIncidentUpdate {
  id: string;
  status: IncidentStatus;
  body: string;
  bodyHtml: string;
  displayAt: string;
  createdAt: string;
  updatedAt: string;
  deliverNotifications: boolean;
  affectedComponents: AffectedComponent[];
}

export interface PublicIncident {
  id: string;
  name: string;
  status: IncidentStatus;
  impact: IncidentImpact;
  startedAt: string;
  createdAt: string;
  updatedAt: string;
  identifiedAt: string | null;
  monitoringAt: string | null;
  resolvedAt: string | null;
  componentIds: string[];
  /** Newest first. */
  updates: PublicIncidentUpdate[];
  /** Published postmortem, with its action items (title and whether done; owners are internal). */
  postmortem: { body: string; bodyHtml: string; publishedAt: string; actionItems: { title: string; done: boolean }[] } | null;
}

export interface PublicMaintenanceUpdate {
  id: string;
  status: MaintenanceStatus;
  body: string;
  bodyHtml: string;
  displayAt: string;
  createdAt: string;
}

export interface PublicMaintenance {
  id: string;
  name: string;
  status: MaintenanceStatus;
  body: string;
  bodyHtml: string;
  scheduledFor: string;
  scheduledUntil: string;
  startedAt: string | null;
  completedAt: string | null;
  createdAt: string;
  updatedAt: string;
  componentIds: string[];
  /** Newest first. */
  updates: PublicMaintenanceUpdate[];
}

export interface PublicSnapshot {
  /** Content hash of everything below: the ETag of every representation built from this snapshot. */
  version: string;
  /** When the data was read from the database. */
  generatedAt: string;
  page: PublicPage;
  status: OverallStatus;
  groups: PublicGroup[];
  components: PublicComponent[];
  /** Published incidents, newest first (all open ones and the most recent closed ones). */
  incidents: PublicIncident[];
  /** Published maintenance, soonest first. */
  maintenances: PublicMaintenance[];
}

/** How fresh the served snapshot is; part of every representation's version. */
export interface Freshness {
  /** When the database last confirmed this data. */
  confirmedAt: string;
  /** True when the database could not be read at the last attempt. */
  stale: boolean;
}

/** What public representations are rendered from: the snapshot and its freshness. */
export interface PublicView {
  snapshot: PublicSnapshot;
  freshness: Freshness;
  /** Changes whenever the snapshot or its freshness does. */
  etag: string;
}
