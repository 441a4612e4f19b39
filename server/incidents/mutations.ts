import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { actorUserId, systemActor, type Actor } from "@/server/auth/actor";
import { writeAudit } from "@/server/audit/mutations";
import { listOverdueIncidents } from "@/server/incidents/data";
import { assertComponentsUsable, incidentAuditView, lockIncident, refreshDerived } from "@/server/incidents/record/mutations";
import { isReminderOwed } from "@/server/incidents/rules";
import type { AssignIncidentInput, CreateIncidentInput, EditIncidentInput, NoteInput, TemplateInput } from "@/server/incidents/schema";
import { enqueueEvent } from "@/server/notifications/mutations";
import { announcePublicChange } from "@/server/public/mutations";

// Incident writes other than public updates and postmortems (see updates/ and postmortem/). Every verb
// writes its audit row in the same transaction. Nothing here reaches the public until the incident is
// published, so only changes to a published incident announce a public change.

/** Opens an internal incident; the details become its first internal note, a template its first draft. */
export async function createIncident(actor: Actor, input: CreateIncidentInput, now = new Date()): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const componentIds = await assertComponentsUsable(tx, input.componentIds ?? []);
    const template = input.templateId ? await tx.incidentTemplate.findUnique({ where: { id: input.templateId } }) : null;
    if (input.templateId && !template) throw new AppError("VALIDATION", "Choose a template that exists.", { templateId: ["Choose a template that exists."] });
    const userId = actorUserId(actor);
    const created = await tx.incident.create({
      data: {
        name: input.name,
        impact: input.impact ?? "minor",
        startedAt: now,
        createdById: userId,
        components: { create: componentIds.map((componentId) => ({ componentId })) },
      },
    });
    if (input.details) {
      await tx.incidentUpdate.create({
        data: { incidentId: created.id, kind: "internal_note", state: "published", status: "investigating", body: input.details, authorId: userId, displayAt: now, publishedAt: now },
      });
    }
    if (template && template.status !== "postmortem") {
      await tx.incidentUpdate.create({
        data: { incidentId: created.id, kind: "public_update", state: "draft", status: template.status, body: template.body, authorId: userId, displayAt: now },
      });
    }
    await writeAudit(tx, actor, { action: "incident.create", entityType: "incident", entityId: created.id, after: { ...incidentAuditView(created, componentIds), templateId: template?.id ?? null } });
    return { id: created.id };
  });
}

/** Renames, changes impact, cadence or affected components. */
export async function editIncident(actor: Actor, id: string, input: EditIncidentInput, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await lockIncident(tx, id);
    const beforeComponents = (await tx.incidentComponent.findMany({ where: { incidentId: id }, select: { componentId: true } })).map((c) => c.componentId);
    const componentIds = input.componentIds ? await assertComponentsUsable(tx, input.componentIds) : beforeComponents;
    let after = await tx.incident.update({
      where: { id },
      data: { name: input.name, impact: input.impact, updateCadenceMinutes: input.updateCadenceMinutes },
    });
    if (input.componentIds) {
      await tx.incidentComponent.deleteMany({ where: { incidentId: id } });
      await tx.incidentComponent.createMany({ data: componentIds.map((componentId) => ({ incidentId: id, componentId })) });
    }
    if (input.impact !== undefined || input.updateCadenceMinutes !== undefined) after = await refreshDerived(tx, after, now, false);
    const [b, a] = [incidentAuditView(before, beforeComponents), incidentAuditView(after, componentIds)];
    if (JSON.stringify(b) === JSON.stringify(a)) return;
    await writeAudit(tx, actor, { action: "incident.edit", entityType: "incident", entityId: id, before: b, after: a });
    if (after.visibility === "published") await announcePublicChange(tx);
  });
}

/** Names the commander (a responder) or the comms lead (a communicator), or clears either. */
export async function assignIncident(actor: Actor, id: string, input: AssignIncidentInput): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await lockIncident(tx, id);
    const needed = input.role === "commander" ? "responder" : "communicator";
    if (input.userId) {
      const user = await tx.user.findUnique({ where: { id: input.userId }, select: { roles: true, disabledAt: true } });
      if (!user || user.disabledAt || !user.roles.includes(needed)) {
        const message = input.role === "commander" ? "The commander must be a responder." : "The comms lead must be a communicator.";
        throw new AppError("VALIDATION", message, { userId: [message] });
      }
    }
    const field = input.role === "commander" ? "commanderId" : "commsLeadId";
    if (before[field] === input.userId) return;
    await tx.incident.update({ where: { id }, data: { [field]: input.userId } });
    await writeAudit(tx, actor, { action: `incident.assign_${input.role}`, entityType: "incident", entityId: id, before: { [field]: before[field] }, after: { [field]: input.userId } });
  });
}

/** An internal note: staff only, never an event, never public. */
export async function addNote(actor: Actor, id: string, input: NoteInput, now = new Date()): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const incident = await lockIncident(tx, id);
    const note = await tx.incidentUpdate.create({
      data: { incidentId: id, kind: "internal_note", state: "published", status: incident.status, body: input.body, authorId: actorUserId(actor), displayAt: now, publishedAt: now },
    });
    await writeAudit(tx, actor, { action: "incident.note", entityType: "incident", entityId: id, after: { noteId: note.id } });
    return { id: note.id };
  });
}

// ── Templates ──────────────────────────────────────────────────────────────────────────────────────

export async function createTemplate(actor: Actor, input: TemplateInput): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const position = await tx.incidentTemplate.count();
    const created = await tx.incidentTemplate.create({ data: { ...input, position } });
    await writeAudit(tx, actor, { action: "template.create", entityType: "incident_template", entityId: created.id, after: input });
    return { id: created.id };
  });
}

export async function updateTemplate(actor: Actor, id: string, input: TemplateInput): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await tx.incidentTemplate.findUnique({ where: { id } });
    if (!before) throw new AppError("NOT_FOUND", "Template not found.");
    await tx.incidentTemplate.update({ where: { id }, data: input });
    const { name, incidentName, status, impact, body } = before;
    await writeAudit(tx, actor, { action: "template.update", entityType: "incident_template", entityId: id, before: { name, incidentName, status, impact, body }, after: input });
  });
}

export async function deleteTemplate(actor: Actor, id: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await tx.incidentTemplate.findUnique({ where: { id } });
    if (!before) throw new AppError("NOT_FOUND", "Template not found.");
    await tx.incidentTemplate.delete({ where: { id } });
    await writeAudit(tx, actor, { action: "template.delete", entityType: "incident_template", entityId: id, before: { name: before.name, body: before.body } });
  });
}

// ── Cadence ────────────────────────────────────────────────────────────────────────────────────────

/**
 * Reminds comms leads of overdue public updates: one staff.cadence_overdue event per overdue period.
 * The conditional update claims the period, so several workers running at once send it once.
 */
export async function runCadenceReminders(now = new Date()): Promise<{ reminded: number }> {
  let reminded = 0;
  for (const incident of await listOverdueIncidents(now)) {
    const due = incident.nextUpdateDueAt;
    if (!due || !isReminderOwed(incident, now)) continue;
    try {
      const sent = await db.$transaction(async (tx) => {
        const claimed = await tx.incident.updateMany({
          where: { id: incident.id, nextUpdateDueAt: due, OR: [{ cadenceRemindedFor: null }, { cadenceRemindedFor: { not: due } }] },
          data: { cadenceRemindedFor: due },
        });
        if (claimed.count === 0) return false;
        await enqueueEvent(tx, { type: "staff.cadence_overdue", incidentId: incident.id, commsLeadId: incident.commsLeadId, dueAt: due.toISOString() });
        await writeAudit(tx, systemActor("cadence"), { action: "incident.cadence_overdue", entityType: "incident", entityId: incident.id, after: { dueAt: due, commsLeadId: incident.commsLeadId } });
        return true;
      });
      if (sent) reminded++;
    } catch (error) {
      logger.error({ err: error, incidentId: incident.id }, "cadence reminder failed; retrying on the next run");
    }
  }
  return { reminded };
}
