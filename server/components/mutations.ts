import "server-only";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/server/auth/actor";
import { writeAudit } from "@/server/audit/mutations";
import { effectiveStatus } from "@/server/components/effective";
import type { ComponentStatus } from "@/server/components/status";
import { enqueueEvent } from "@/server/notifications/mutations";
import { announcePublicChange } from "@/server/public/mutations";

export type StatusSource = "staff" | "probe" | "maintenance";

/**
 * Moves a component to a new status inside the caller's transaction: the component row, its status
 * history, an outbox event and the public-change announcement. Returns the change, or null when the
 * component already had that status (nothing is written then).
 */
export async function applyComponentStatus(
  tx: Tx,
  input: { componentId: string; status: ComponentStatus; source: StatusSource; at?: Date },
): Promise<{ oldStatus: ComponentStatus; newStatus: ComponentStatus } | null> {
  const current = await tx.component.findUnique({ where: { id: input.componentId }, select: { status: true } });
  if (!current) throw new AppError("NOT_FOUND", "Component not found.");
  if (current.status === input.status) return null;
  const at = input.at ?? new Date();
  await tx.component.update({
    where: { id: input.componentId },
    data: { status: input.status, statusSource: input.source, statusChangedAt: at },
  });
  await tx.componentStatusChange.create({
    data: { componentId: input.componentId, oldStatus: current.status, newStatus: input.status, source: input.source, at },
  });
  await enqueueEvent(tx, {
    type: "component.status_changed",
    componentId: input.componentId,
    oldStatus: current.status,
    newStatus: input.status,
    source: input.source,
    at: at.toISOString(),
  });
  await announcePublicChange(tx);
  return { oldStatus: current.status, newStatus: input.status };
}

/** Sets a component's status as one audited write. */
export async function setComponentStatus(
  actor: Actor,
  input: { componentId: string; status: ComponentStatus; source: StatusSource },
): Promise<{ oldStatus: ComponentStatus; newStatus: ComponentStatus } | null> {
  return db.$transaction(async (tx) => {
    const change = await applyComponentStatus(tx, input);
    if (change) {
      await writeAudit(tx, actor, {
        action: "component.set_status",
        entityType: "component",
        entityId: input.componentId,
        before: { status: change.oldStatus },
        after: { status: change.newStatus, source: input.source },
      });
    }
    return change;
  });
}

/**
 * Recomputes a component's status from everything that has a say (see effective.ts: override, then
 * maintenance, then probes, then staff) and applies it inside the caller's transaction. `fallback` is
 * the status to return to when the current one came from maintenance or probes that no longer apply.
 * Returns the change and its source, or null when nothing changed.
 */
export async function applyEffectiveStatus(
  tx: Tx,
  componentId: string,
  now: Date,
  options: { fallback?: ComponentStatus; replaceCurrent?: boolean } = {},
): Promise<{ oldStatus: ComponentStatus; newStatus: ComponentStatus; source: StatusSource } | null> {
  const c = await tx.component.findUnique({
    where: { id: componentId },
    select: { status: true, statusSource: true, probeStatus: true, overrideStatus: true, overrideExpiresAt: true },
  });
  if (!c) throw new AppError("NOT_FOUND", "Component not found.");
  const inMaintenance =
    (await tx.maintenanceComponent.count({ where: { componentId, maintenance: { status: { in: ["in_progress", "verifying"] } } } })) > 0;
  const next = effectiveStatus(
    {
      override: c.overrideStatus ? { status: c.overrideStatus, expiresAt: c.overrideExpiresAt } : null,
      inMaintenance,
      probeStatus: c.probeStatus,
      current: { status: c.status, source: c.statusSource },
      fallback: options.fallback,
      replaceCurrent: options.replaceCurrent,
    },
    now,
  );
  if (next.status === c.status) {
    if (next.source !== c.statusSource) await tx.component.update({ where: { id: componentId }, data: { statusSource: next.source } });
    return null;
  }
  const change = await applyComponentStatus(tx, { componentId, status: next.status, source: next.source, at: now });
  return change ? { ...change, source: next.source } : null;
}

/** Clears an override and returns the component to what has a say now, else to its status from before. */
export async function endOverride(tx: Tx, componentId: string, statusBefore: ComponentStatus | null, now: Date): Promise<void> {
  await tx.component.update({
    where: { id: componentId },
    data: { overrideStatus: null, overrideReason: null, overrideExpiresAt: null, overrideSetAt: null, overrideById: null, statusBeforeOverride: null },
  });
  await applyEffectiveStatus(tx, componentId, now, { fallback: statusBefore ?? "operational", replaceCurrent: true });
}
