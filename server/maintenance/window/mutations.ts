import "server-only";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/server/auth/actor";
import { writeAudit } from "@/server/audit/mutations";
import { applyEffectiveStatus } from "@/server/components/mutations";
import type { ComponentStatus } from "@/server/components/status";
import { enqueueEvent } from "@/server/notifications/mutations";
import { announcePublicChange } from "@/server/public/mutations";

// Starting and completing a maintenance window, inside the caller's transaction. The scheduler job and
// the communicators' "start now" / "end now" share these, so a window goes through each step exactly
// once whoever gets there first: every caller locks the window row and re-checks its state.
//
// During a window its components are under_maintenance. Each component's status from before the window
// is kept on MaintenanceComponent.statusBefore and put back at the end, unless someone changed the
// component meanwhile or another running window still covers it (that window then restores it). Both
// steps go through the effective status (server/components/effective.ts), so an override wins over a
// window, probe results during a window do not clobber under_maintenance, and a probed component
// returns to what its probes say now rather than to what they said when the window started.

export const DEFAULT_MESSAGES = {
  started: "Scheduled maintenance is currently in progress. We will provide updates as necessary.",
  completed: "The scheduled maintenance has been completed.",
} as const;

export type WindowRow = NonNullable<Awaited<ReturnType<Tx["maintenance"]["findUnique"]>>>;

/** Locks the window's row for the rest of the transaction and reads it as committed now. */
export async function lockWindow(tx: Tx, id: string): Promise<WindowRow> {
  await tx.$queryRaw`SELECT id FROM "Maintenance" WHERE id = ${id} FOR UPDATE`;
  const row = await tx.maintenance.findUnique({ where: { id } });
  if (!row) throw new AppError("NOT_FOUND", "Maintenance window not found.");
  return row;
}

/** Locks components in id order, so windows sharing components never deadlock. */
async function lockComponents(tx: Tx, ids: string[]): Promise<void> {
  for (const id of [...ids].sort()) await tx.$queryRaw`SELECT id FROM "Component" WHERE id = ${id} FOR UPDATE`;
}

export const auditView = (m: WindowRow, componentIds?: string[]) => ({
  name: m.name,
  body: m.body,
  status: m.status,
  scheduledFor: m.scheduledFor,
  scheduledUntil: m.scheduledUntil,
  startedAt: m.startedAt,
  completedAt: m.completedAt,
  cancelledAt: m.cancelledAt,
  autoStart: m.autoStart,
  autoComplete: m.autoComplete,
  ...(componentIds ? { componentIds } : {}),
});

async function holdComponents(tx: Tx, maintenanceId: string, now: Date): Promise<void> {
  const links = await tx.maintenanceComponent.findMany({ where: { maintenanceId }, select: { componentId: true } });
  await lockComponents(tx, links.map((l) => l.componentId));
  for (const { componentId } of links) {
    const component = await tx.component.findUniqueOrThrow({ where: { id: componentId }, select: { status: true, archivedAt: true } });
    if (component.archivedAt) continue;
    // Under another running window already: that window knows the status from before both.
    const other = await tx.maintenanceComponent.findFirst({
      where: { componentId, maintenanceId: { not: maintenanceId }, statusBefore: { not: null }, maintenance: { status: { in: ["in_progress", "verifying"] } } },
      select: { statusBefore: true },
    });
    const statusBefore: ComponentStatus = other?.statusBefore ?? (component.status === "under_maintenance" ? "operational" : component.status);
    await tx.maintenanceComponent.update({ where: { maintenanceId_componentId: { maintenanceId, componentId } }, data: { statusBefore } });
    // Through the effective status: an override still wins over the window.
    await applyEffectiveStatus(tx, componentId, now);
  }
}

async function releaseComponents(tx: Tx, maintenanceId: string, now: Date): Promise<void> {
  const links = await tx.maintenanceComponent.findMany({ where: { maintenanceId }, select: { componentId: true, statusBefore: true } });
  await lockComponents(tx, links.map((l) => l.componentId));
  for (const { componentId, statusBefore } of links) {
    const stillHeld = await tx.maintenanceComponent.count({
      where: { componentId, maintenanceId: { not: maintenanceId }, maintenance: { status: { in: ["in_progress", "verifying"] } } },
    });
    if (stillHeld > 0) continue;
    const component = await tx.component.findUniqueOrThrow({ where: { id: componentId }, select: { status: true } });
    // Someone set another status during the window: theirs stands.
    if (component.status !== "under_maintenance") continue;
    // Back to what probes say now, or to the status from before the window when nothing probes it.
    await applyEffectiveStatus(tx, componentId, now, { fallback: statusBefore ?? "operational" });
  }
}

/** Starts a locked, scheduled window now: components under maintenance, an update, an event. */
export async function startWindow(tx: Tx, actor: Actor, before: WindowRow, now: Date, body?: string): Promise<void> {
  if (before.status !== "scheduled" || before.cancelledAt) throw new AppError("CONFLICT", "This window has already started or was cancelled.");
  const after = await tx.maintenance.update({ where: { id: before.id }, data: { status: "in_progress", startedAt: now } });
  await holdComponents(tx, before.id, now);
  await tx.maintenanceUpdate.create({
    data: { maintenanceId: before.id, status: "in_progress", body: body ?? DEFAULT_MESSAGES.started, displayAt: now, authorId: authorOf(actor) },
  });
  await enqueueEvent(tx, { type: "maintenance.started", maintenanceId: before.id });
  await writeAudit(tx, actor, { action: "maintenance.start", entityType: "maintenance", entityId: before.id, before: auditView(before), after: auditView(after) });
  await announcePublicChange(tx);
}

/**
 * Completes a locked window now. A running window hands its components back; one that never started
 * (the scheduler was down for the whole window) is closed without touching them.
 */
export async function completeWindow(tx: Tx, actor: Actor, before: WindowRow, now: Date, body?: string): Promise<void> {
  if (before.status === "completed") throw new AppError("CONFLICT", "This window is already completed.");
  const after = await tx.maintenance.update({ where: { id: before.id }, data: { status: "completed", completedAt: now } });
  if (before.status !== "scheduled") await releaseComponents(tx, before.id, now);
  await tx.maintenanceUpdate.create({
    data: { maintenanceId: before.id, status: "completed", body: body ?? DEFAULT_MESSAGES.completed, displayAt: now, authorId: authorOf(actor) },
  });
  await enqueueEvent(tx, { type: "maintenance.completed", maintenanceId: before.id });
  await writeAudit(tx, actor, { action: "maintenance.complete", entityType: "maintenance", entityId: before.id, before: auditView(before), after: auditView(after) });
  await announcePublicChange(tx);
}

export function authorOf(actor: Actor): string | null {
  return actor.kind === "user" || actor.kind === "token" ? actor.userId : null;
}
