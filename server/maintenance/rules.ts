import type { MaintenanceStatus } from "@/server/maintenance/schema";

// What may happen to a maintenance window, and when the scheduler must act on it. Pure; the console
// uses it to show only the buttons that will work, the mutations use it to refuse the rest.

export interface WindowState {
  status: MaintenanceStatus;
  cancelledAt: Date | null;
  scheduledFor: Date;
  scheduledUntil: Date;
  autoStart: boolean;
  autoComplete: boolean;
}

export const isActive = (status: MaintenanceStatus) => status === "in_progress" || status === "verifying";

/**
 * What the scheduler must do now: start a window whose time has come, complete one whose time is up,
 * or (after downtime longer than the whole window) close one that never started without touching
 * its components.
 */
export function dueAction(w: WindowState, now: Date): "start" | "complete" | "close_unstarted" | null {
  if (w.cancelledAt) return null;
  const t = now.getTime();
  if (w.status === "scheduled" && w.autoStart && w.scheduledFor.getTime() <= t) {
    return w.autoComplete && w.scheduledUntil.getTime() <= t ? "close_unstarted" : "start";
  }
  if (isActive(w.status) && w.autoComplete && w.scheduledUntil.getTime() <= t) return "complete";
  return null;
}

/** When the scheduler next has something to do for this window, or null. */
export function nextDueAt(w: WindowState): Date | null {
  if (w.cancelledAt) return null;
  if (w.status === "scheduled" && w.autoStart) return w.scheduledFor;
  if (isActive(w.status) && w.autoComplete) return w.scheduledUntil;
  return null;
}

export interface AllowedActions {
  editSchedule: boolean;
  start: boolean;
  postUpdate: boolean;
  extend: boolean;
  end: boolean;
  cancel: boolean;
}

export function allowedActions(w: Pick<WindowState, "status" | "cancelledAt">): AllowedActions {
  const open = w.status !== "completed";
  return {
    editSchedule: w.status === "scheduled",
    start: w.status === "scheduled",
    postUpdate: open,
    extend: open,
    end: isActive(w.status),
    cancel: w.status === "scheduled",
  };
}

/** Problems with a window's times, by field; empty when fine. */
export function windowProblems(w: { scheduledFor: Date; scheduledUntil: Date }, now: Date): Record<string, string[]> {
  const problems: Record<string, string[]> = {};
  if (w.scheduledUntil.getTime() <= w.scheduledFor.getTime()) problems.scheduledUntil = ["The window must end after it starts."];
  else if (w.scheduledUntil.getTime() <= now.getTime()) problems.scheduledUntil = ["The window must end in the future."];
  return problems;
}
