import "server-only";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { actorUserId, type Actor } from "@/server/auth/actor";
import { writeAudit } from "@/server/audit/mutations";
import { applyComponentStatus } from "@/server/components/mutations";
import { assertComponentsUsable, lockIncident, refreshDerived, type IncidentRow } from "@/server/incidents/record/mutations";
import { publishedDisplayAt } from "@/server/incidents/rules";
import type { ComponentChange, DraftUpdateInput, EditUpdateInput, PostUpdateInput, PublishUpdateInput } from "@/server/incidents/schema";
import { enqueueEvent } from "@/server/notifications/mutations";
import { announcePublicChange } from "@/server/public/mutations";

// Public updates: responders and communicators draft them, communicators publish them (their own or a
// responder's draft, edited or not). Only publishing reaches the public: it applies the update's
// component statuses, publishes the incident with its first update, resets the update cadence, and
// leaves exactly one outbox event. Editing a published update keeps what it said before as a revision.

type UpdateRow = NonNullable<Awaited<ReturnType<Tx["incidentUpdate"]["findUnique"]>>>;

async function lockUpdate(tx: Tx, incidentId: string, updateId: string): Promise<UpdateRow> {
  await tx.$queryRaw`SELECT id FROM "IncidentUpdate" WHERE id = ${updateId} FOR UPDATE`;
  const row = await tx.incidentUpdate.findUnique({ where: { id: updateId } });
  if (!row || row.incidentId !== incidentId || row.kind !== "public_update") throw new AppError("NOT_FOUND", "Update not found.");
  return row;
}

/** Replaces an update's component changes, recording each component's status as it is now. */
async function setChanges(tx: Tx, updateId: string, changes: ComponentChange[]): Promise<void> {
  await assertComponentsUsable(tx, changes.map((c) => c.componentId));
  await tx.incidentUpdateComponent.deleteMany({ where: { updateId } });
  for (const change of dedupe(changes)) {
    const { status: oldStatus } = await tx.component.findUniqueOrThrow({ where: { id: change.componentId }, select: { status: true } });
    await tx.incidentUpdateComponent.create({ data: { updateId, componentId: change.componentId, oldStatus, newStatus: change.status } });
  }
}

function dedupe(changes: ComponentChange[]): ComponentChange[] {
  return [...new Map(changes.map((c) => [c.componentId, c])).values()];
}

const updateAuditView = (u: UpdateRow) => ({ updateId: u.id, state: u.state, status: u.status, body: u.body, displayAt: u.displayAt, authorId: u.authorId, approverId: u.approverId });

/** A draft public update: staff only until a communicator publishes it; no event. */
export async function draftUpdate(actor: Actor, incidentId: string, input: DraftUpdateInput, now = new Date()): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    await lockIncident(tx, incidentId);
    const draft = await createDraft(tx, actor, incidentId, input, now);
    await writeAudit(tx, actor, { action: "incident.draft_update", entityType: "incident", entityId: incidentId, after: updateAuditView(draft) });
    return { id: draft.id };
  });
}

async function createDraft(tx: Tx, actor: Actor, incidentId: string, input: DraftUpdateInput, now: Date): Promise<UpdateRow> {
  const draft = await tx.incidentUpdate.create({
    data: {
      incidentId,
      kind: "public_update",
      state: "draft",
      status: input.status,
      body: input.body,
      displayAt: input.displayAt ?? now,
      deliverNotifications: input.deliverNotifications,
      authorId: actorUserId(actor),
    },
  });
  await setChanges(tx, draft.id, input.components);
  return draft;
}

/**
 * Edits a draft, or corrects a published update (then `mayEditPublished` must be true: the caller
 * checked the incident.publish permission). A published update keeps its earlier text as a revision
 * and its component changes as they were applied.
 */
export async function editUpdate(actor: Actor, incidentId: string, updateId: string, input: EditUpdateInput, options: { mayEditPublished: boolean }, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    const incident = await lockIncident(tx, incidentId);
    const before = await lockUpdate(tx, incidentId, updateId);
    if (before.state === "draft") {
      const after = await tx.incidentUpdate.update({
        where: { id: updateId },
        data: { body: input.body, status: input.status, displayAt: input.displayAt, deliverNotifications: input.deliverNotifications },
      });
      if (input.components) await setChanges(tx, updateId, input.components);
      await writeAudit(tx, actor, { action: "incident.edit_draft", entityType: "incident", entityId: incidentId, before: updateAuditView(before), after: updateAuditView(after) });
      return;
    }
    if (!options.mayEditPublished) throw new AppError("FORBIDDEN", "Only a communicator may change a published update.");
    const changed = (input.body !== undefined && input.body !== before.body) || (input.status !== undefined && input.status !== before.status) || (input.displayAt !== undefined && input.displayAt.getTime() !== before.displayAt.getTime());
    if (!changed) return;
    await tx.incidentUpdateRevision.create({ data: { updateId, body: before.body, status: before.status, editorId: actorUserId(actor) } });
    const after = await tx.incidentUpdate.update({ where: { id: updateId }, data: { body: input.body, status: input.status, displayAt: input.displayAt } });
    await refreshDerived(tx, incident, now, false);
    await writeAudit(tx, actor, { action: "incident.edit_published_update", entityType: "incident", entityId: incidentId, before: updateAuditView(before), after: updateAuditView(after) });
    await announcePublicChange(tx);
  });
}

/** Throws a draft away (a published update stays: correct it instead). */
export async function discardDraft(actor: Actor, incidentId: string, updateId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockIncident(tx, incidentId);
    const draft = await lockUpdate(tx, incidentId, updateId);
    if (draft.state !== "draft") throw new AppError("CONFLICT", "A published update cannot be discarded; correct it instead.");
    await tx.incidentUpdate.delete({ where: { id: updateId } });
    await writeAudit(tx, actor, { action: "incident.discard_draft", entityType: "incident", entityId: incidentId, before: updateAuditView(draft) });
  });
}

/** Publishes a draft, with the communicator's last edits; the communicator is recorded as approver. */
export async function publishUpdate(actor: Actor, incidentId: string, updateId: string, input: PublishUpdateInput, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    const incident = await lockIncident(tx, incidentId);
    const draft = await lockUpdate(tx, incidentId, updateId);
    if (draft.state !== "draft") throw new AppError("CONFLICT", "This update is already published.");
    if (input.components) await setChanges(tx, updateId, input.components);
    await publishDraft(tx, actor, incident, draft, input, now);
  });
}

/** A communicator writes and publishes an update in one step. */
export async function postUpdate(actor: Actor, incidentId: string, input: PostUpdateInput, now = new Date()): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const incident = await lockIncident(tx, incidentId);
    const draft = await createDraft(tx, actor, incidentId, input, now);
    await publishDraft(tx, actor, incident, draft, { restoreComponents: input.restoreComponents, displayAt: input.displayAt }, now);
    return { id: draft.id };
  });
}

async function publishDraft(tx: Tx, actor: Actor, incident: IncidentRow, draft: UpdateRow, input: PublishUpdateInput, now: Date): Promise<void> {
  const status = input.status ?? draft.status;
  const displayAt = publishedDisplayAt(input.displayAt, draft, now);
  const planned = await tx.incidentUpdateComponent.findMany({ where: { updateId: draft.id }, select: { componentId: true, newStatus: true } });
  const changes: ComponentChange[] = planned.map((p) => ({ componentId: p.componentId, status: p.newStatus }));
  // Resolving returns the incident's other components to operational unless the comms lead said not to.
  if (status === "resolved" && input.restoreComponents !== false) {
    const named = new Set(changes.map((c) => c.componentId));
    const affected = await tx.incidentComponent.findMany({ where: { incidentId: incident.id, component: { archivedAt: null } }, select: { componentId: true, component: { select: { status: true } } } });
    for (const a of affected) {
      if (!named.has(a.componentId) && a.component.status !== "operational" && a.component.status !== "under_maintenance") changes.push({ componentId: a.componentId, status: "operational" });
    }
  }
  await tx.incidentUpdateComponent.deleteMany({ where: { updateId: draft.id } });
  for (const c of [...changes].sort((a, b) => a.componentId.localeCompare(b.componentId))) {
    await tx.$queryRaw`SELECT id FROM "Component" WHERE id = ${c.componentId} FOR UPDATE`;
    const { status: oldStatus } = await tx.component.findUniqueOrThrow({ where: { id: c.componentId }, select: { status: true } });
    await applyComponentStatus(tx, { componentId: c.componentId, status: c.status, source: "staff", at: now });
    await tx.incidentUpdateComponent.create({ data: { updateId: draft.id, componentId: c.componentId, oldStatus, newStatus: c.status } });
    // A component an update changes is one the incident affects.
    await tx.incidentComponent.upsert({ where: { incidentId_componentId: { incidentId: incident.id, componentId: c.componentId } }, create: { incidentId: incident.id, componentId: c.componentId }, update: {} });
  }
  const after = await tx.incidentUpdate.update({
    where: { id: draft.id },
    data: { state: "published", status, body: input.body, displayAt, deliverNotifications: input.deliverNotifications, publishedAt: now, approverId: actorUserId(actor) },
  });
  const first = incident.visibility === "internal";
  const published = first ? await tx.incident.update({ where: { id: incident.id }, data: { visibility: "published", publishedAt: now } }) : incident;
  await refreshDerived(tx, published, now, true);
  await enqueueEvent(tx, { type: first ? "incident.published" : "incident.updated", incidentId: incident.id, updateId: draft.id });
  await writeAudit(tx, actor, {
    action: first ? "incident.publish" : "incident.publish_update",
    entityType: "incident",
    entityId: incident.id,
    before: { visibility: incident.visibility, status: incident.status, update: updateAuditView(draft) },
    after: { visibility: "published", status, update: updateAuditView(after), components: changes },
  });
  await announcePublicChange(tx);
}
