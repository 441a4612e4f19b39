import "server-only";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { actorUserId, systemActor, type Actor } from "@/server/auth/actor";
import { writeAudit } from "@/server/audit/mutations";
import { getNextMaintenanceDueAt, listDueMaintenanceIds } from "@/server/maintenance/data";
import { wakeMaintenanceScheduler } from "@/server/maintenance/queue";
import { allowedActions, dueAction, isActive, windowProblems } from "@/server/maintenance/rules";
import type {
  EditMaintenanceInput,
  ExtendMaintenanceInput,
  MaintenanceMessageInput,
  PostMaintenanceUpdateInput,
  ScheduleMaintenanceInput,
} from "@/server/maintenance/schema";
import { auditView, authorOf, completeWindow, lockWindow, startWindow } from "@/server/maintenance/window/mutations";
import { enqueueEvent } from "@/server/notifications/mutations";
import { announcePublicChange } from "@/server/public/mutations";

// Communicators' writes to maintenance windows, and the scheduler that starts and completes them on time.
// Every verb locks the window's row first, so it never races the scheduler or another communicator.

const CANCELLED = "This scheduled maintenance has been cancelled.";
const EXTENDED = "The maintenance window has been extended.";

function refuseProblems(problems: Record<string, string[]>): void {
  const first = Object.values(problems)[0]?.[0];
  if (first) throw new AppError("VALIDATION", first, problems);
}

async function assertComponentsUsable(tx: Tx, ids: string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  const found = await tx.component.count({ where: { id: { in: unique }, archivedAt: null } });
  if (found !== unique.length) {
    throw new AppError("VALIDATION", "Choose components that exist and are not archived.", { componentIds: ["Choose components that exist and are not archived."] });
  }
  return unique;
}

export async function scheduleMaintenance(actor: Actor, input: ScheduleMaintenanceInput, now = new Date()): Promise<{ id: string }> {
  refuseProblems(windowProblems(input, now));
  const id = await db.$transaction(async (tx) => {
    const componentIds = await assertComponentsUsable(tx, input.componentIds);
    const created = await tx.maintenance.create({
      data: {
        name: input.name,
        body: input.body,
        scheduledFor: input.scheduledFor,
        scheduledUntil: input.scheduledUntil,
        autoStart: input.autoStart,
        autoComplete: input.autoComplete,
        createdById: actorUserId(actor),
        components: { create: componentIds.map((componentId) => ({ componentId })) },
        updates: { create: { status: "scheduled", body: input.body || "Maintenance has been scheduled.", displayAt: now, authorId: authorOf(actor) } },
      },
    });
    await enqueueEvent(tx, { type: "maintenance.scheduled", maintenanceId: created.id });
    await writeAudit(tx, actor, { action: "maintenance.schedule", entityType: "maintenance", entityId: created.id, after: auditView(created, componentIds) });
    await announcePublicChange(tx);
    // A window scheduled to have begun already starts at once.
    if (dueAction(created, now) === "start") await startWindow(tx, systemActor("maintenance"), created, now);
    return created.id;
  });
  await wakeMaintenanceScheduler(input.scheduledFor);
  return { id };
}

/** Renames or rewords a window at any time; reschedules, changes components or automation only before it starts. */
export async function editMaintenance(actor: Actor, id: string, input: EditMaintenanceInput, now = new Date()): Promise<void> {
  const reschedules = ["scheduledFor", "scheduledUntil", "componentIds", "autoStart", "autoComplete"].some((k) => input[k as keyof EditMaintenanceInput] !== undefined);
  const next = await db.$transaction(async (tx) => {
    const before = await lockWindow(tx, id);
    const beforeComponents = (await tx.maintenanceComponent.findMany({ where: { maintenanceId: id }, select: { componentId: true } })).map((c) => c.componentId);
    if (reschedules && !allowedActions(before).editSchedule) {
      throw new AppError("CONFLICT", "This window has started: extend it or end it instead of rescheduling.");
    }
    const scheduledFor = input.scheduledFor ?? before.scheduledFor;
    const scheduledUntil = input.scheduledUntil ?? before.scheduledUntil;
    if (input.scheduledFor || input.scheduledUntil) refuseProblems(windowProblems({ scheduledFor, scheduledUntil }, now));
    const componentIds = input.componentIds ? await assertComponentsUsable(tx, input.componentIds) : beforeComponents;
    const after = await tx.maintenance.update({
      where: { id },
      data: { name: input.name, body: input.body, scheduledFor: input.scheduledFor, scheduledUntil: input.scheduledUntil, autoStart: input.autoStart, autoComplete: input.autoComplete },
    });
    if (input.componentIds) {
      await tx.maintenanceComponent.deleteMany({ where: { maintenanceId: id } });
      await tx.maintenanceComponent.createMany({ data: componentIds.map((componentId) => ({ maintenanceId: id, componentId })) });
    }
    const [b, a] = [auditView(before, beforeComponents), auditView(after, componentIds)];
    if (JSON.stringify(b) === JSON.stringify(a)) return null;
    await writeAudit(tx, actor, { action: "maintenance.edit", entityType: "maintenance", entityId: id, before: b, after: a });
    // Subscribers hear of a new time or scope; a reworded notice is not worth a message.
    if (reschedules) await enqueueEvent(tx, { type: "maintenance.updated", maintenanceId: id });
    await announcePublicChange(tx);
    return after.scheduledFor;
  });
  if (next) await wakeMaintenanceScheduler(next);
}

/** A public update on a window; a running one may move between in progress and verifying. */
export async function postMaintenanceUpdate(actor: Actor, id: string, input: PostMaintenanceUpdateInput, now = new Date()): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const before = await lockWindow(tx, id);
    if (!allowedActions(before).postUpdate) throw new AppError("CONFLICT", "This window is completed.");
    if (input.status && !isActive(before.status)) {
      throw new AppError("CONFLICT", "Only a running window can be marked in progress or verifying; start it first.");
    }
    const status = input.status ?? before.status;
    const after = status === before.status ? before : await tx.maintenance.update({ where: { id }, data: { status } });
    const update = await tx.maintenanceUpdate.create({ data: { maintenanceId: id, status, body: input.body, displayAt: now, authorId: authorOf(actor) } });
    await enqueueEvent(tx, { type: "maintenance.updated", maintenanceId: id });
    await writeAudit(tx, actor, {
      action: "maintenance.post_update",
      entityType: "maintenance",
      entityId: id,
      before: { status: before.status },
      after: { status: after.status, updateId: update.id, body: input.body },
    });
    await announcePublicChange(tx);
    return { id: update.id };
  });
}

/** Moves a window's end later (or earlier, while still in the future). */
export async function extendMaintenance(actor: Actor, id: string, input: ExtendMaintenanceInput, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await lockWindow(tx, id);
    if (!allowedActions(before).extend) throw new AppError("CONFLICT", "This window is completed.");
    refuseProblems(windowProblems({ scheduledFor: before.scheduledFor, scheduledUntil: input.scheduledUntil }, now));
    const after = await tx.maintenance.update({ where: { id }, data: { scheduledUntil: input.scheduledUntil } });
    await tx.maintenanceUpdate.create({ data: { maintenanceId: id, status: before.status, body: input.body ?? EXTENDED, displayAt: now, authorId: authorOf(actor) } });
    await enqueueEvent(tx, { type: "maintenance.updated", maintenanceId: id });
    await writeAudit(tx, actor, { action: "maintenance.extend", entityType: "maintenance", entityId: id, before: auditView(before), after: auditView(after) });
    await announcePublicChange(tx);
  });
  await wakeMaintenanceScheduler(input.scheduledUntil);
}

/** Starts a scheduled window now, whatever its scheduled start. */
export async function startMaintenanceNow(actor: Actor, id: string, input: MaintenanceMessageInput, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await lockWindow(tx, id);
    if (!allowedActions(before).start) throw new AppError("CONFLICT", "Only a scheduled window can be started.");
    await startWindow(tx, actor, before, now, input.body);
  });
  await wakeMaintenanceScheduler();
}

/** Ends a running window now: its components go back to their status from before it. */
export async function endMaintenance(actor: Actor, id: string, input: MaintenanceMessageInput, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await lockWindow(tx, id);
    if (!allowedActions(before).end) throw new AppError("CONFLICT", "Only a running window can be ended; cancel one that has not started.");
    await completeWindow(tx, actor, before, now, input.body);
  });
}

/** Cancels a window that has not started. It stays on record (completed, with cancelledAt). */
export async function cancelMaintenance(actor: Actor, id: string, input: MaintenanceMessageInput, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await lockWindow(tx, id);
    if (!allowedActions(before).cancel) throw new AppError("CONFLICT", "Only a window that has not started can be cancelled; end a running one.");
    const after = await tx.maintenance.update({ where: { id }, data: { status: "completed", completedAt: now, cancelledAt: now } });
    await tx.maintenanceUpdate.create({ data: { maintenanceId: id, status: "completed", body: input.body ?? CANCELLED, displayAt: now, authorId: authorOf(actor) } });
    await enqueueEvent(tx, { type: "maintenance.updated", maintenanceId: id });
    await writeAudit(tx, actor, { action: "maintenance.cancel", entityType: "maintenance", entityId: id, before: auditView(before), after: auditView(after) });
    await announcePublicChange(tx);
  });
}

/**
 * The scheduler: starts and completes every window that is due at `now`, each in its own transaction.
 * Safe with several workers (each window is locked and re-checked) and after a crash or a late start
 * (it acts on everything overdue). Returns what it did and when it next has work.
 */
export async function runMaintenanceScheduler(now = new Date()): Promise<{ started: number; completed: number; nextDueAt: Date | null }> {
  const actor = systemActor("maintenance");
  let started = 0;
  let completed = 0;
  for (const id of await listDueMaintenanceIds(now)) {
    try {
      await db.$transaction(async (tx) => {
        const window = await lockWindow(tx, id);
        const action = dueAction(window, now);
        if (action === "start") {
          await startWindow(tx, actor, window, now);
          started++;
        } else if (action === "complete" || action === "close_unstarted") {
          await completeWindow(tx, actor, window, now);
          completed++;
        }
      });
    } catch (error) {
      logger.error({ err: error, maintenanceId: id }, "maintenance window transition failed; retrying on the next run");
    }
  }
  return { started, completed, nextDueAt: await getNextMaintenanceDueAt(now) };
}
