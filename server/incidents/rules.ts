import type { Impact, IncidentStatus, UpdateStatus } from "@/server/incidents/schema";

// Pure rules of the incident workflow: what an incident's status is, and when its next public update
// is due. Safe for client components (the console's countdown uses them too).

/** Minutes between public updates when an incident has no cadence of its own. */
export const DEFAULT_CADENCE_MINUTES: Record<Impact, number> = { critical: 30, major: 30, minor: 60, none: 60 };

export function cadenceMinutes(impact: Impact, override: number | null | undefined): number {
  return override ?? DEFAULT_CADENCE_MINUTES[impact];
}

/** When the next public update is due after one posted at `from`; none once resolved. */
export function nextUpdateDue(from: Date, impact: Impact, override: number | null | undefined, status: IncidentStatus): Date | null {
  if (status === "resolved" || status === "postmortem") return null;
  return new Date(from.getTime() + cadenceMinutes(impact, override) * 60_000);
}

export interface CadenceState {
  overdue: boolean;
  /** Milliseconds until due (negative once overdue). */
  remainingMs: number;
}

export function cadenceState(dueAt: Date, now: Date): CadenceState {
  const remainingMs = dueAt.getTime() - now.getTime();
  return { overdue: remainingMs <= 0, remainingMs };
}

/** "12:05" to go, or "3:07" overdue; hours when long: "1:02:03". */
export function formatCountdown(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, "0");
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/**
 * A reminder is owed when a published, open incident's update is overdue and nobody was reminded of
 * this very due time yet: one reminder per overdue period (a new update sets a new due time).
 */
export function isReminderOwed(
  incident: { visibility: "internal" | "published"; nextUpdateDueAt: Date | null; cadenceRemindedFor: Date | null },
  now: Date,
): boolean {
  if (incident.visibility !== "published" || !incident.nextUpdateDueAt) return false;
  if (incident.nextUpdateDueAt.getTime() > now.getTime()) return false;
  return incident.cadenceRemindedFor?.getTime() !== incident.nextUpdateDueAt.getTime();
}

export interface PublishedUpdate {
  status: UpdateStatus | IncidentStatus;
  displayAt: Date;
  createdAt: Date;
}

/** Newest first by the time the public sees (display time, then creation). */
function newestFirst<T extends PublishedUpdate>(updates: T[]): T[] {
  return [...updates].sort((a, b) => b.displayAt.getTime() - a.displayAt.getTime() || b.createdAt.getTime() - a.createdAt.getTime());
}

export interface DerivedStatus {
  status: IncidentStatus;
  identifiedAt: Date | null;
  monitoringAt: Date | null;
  resolvedAt: Date | null;
}

/**
 * An incident's status is its latest published public update's status (postmortem once one is
 * published); the first time it reached each stage is when that stage began. Resolved only while the
 * latest update says so: an incident reopened by a later update is open again.
 */
export function deriveStatus(updates: PublishedUpdate[], postmortemPublished: boolean): DerivedStatus {
  const ordered = newestFirst(updates);
  const latest = ordered[0];
  const firstOf = (s: IncidentStatus) => {
    const hits = ordered.filter((u) => u.status === s);
    return hits.length ? hits[hits.length - 1]!.displayAt : null;
  };
  const resolved = latest?.status === "resolved";
  const base: IncidentStatus = (latest?.status) ?? "investigating";
  return {
    status: resolved && postmortemPublished ? "postmortem" : base,
    identifiedAt: firstOf("identified"),
    monitoringAt: firstOf("monitoring"),
    resolvedAt: resolved ? latest.displayAt : null,
  };
}

/** The time an update is posted at when published: a back-filled time stands, otherwise now. */
export function publishedDisplayAt(requested: Date | undefined, draft: { displayAt: Date; createdAt: Date } | null, now: Date): Date {
  if (requested) return requested;
  // A draft written with a past time (a back-filled step) keeps it; an ordinary draft is posted now.
  if (draft && draft.displayAt.getTime() < draft.createdAt.getTime() - 60_000) return draft.displayAt;
  return now;
}
