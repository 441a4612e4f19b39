import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/server/auth/actor";
import { writeAudit } from "@/server/audit/mutations";
import { lockIncident, refreshDerived } from "@/server/incidents/record/mutations";
import type { PostmortemInput } from "@/server/incidents/schema";
import { enqueueEvent } from "@/server/notifications/mutations";
import { announcePublicChange } from "@/server/public/mutations";

// Postmortems: responders and communicators draft the write-up and its action items; a communicator
// publishes it, and from then on it is on the public incident page (changes to it are a communicator's).

/** Saves the postmortem and replaces its action items. Once published, `mayEditPublished` must be true. */
export async function savePostmortem(actor: Actor, id: string, input: PostmortemInput, options: { mayEditPublished: boolean }): Promise<void> {
  await db.$transaction(async (tx) => {
    const incident = await lockIncident(tx, id);
    const published = incident.postmortemPublishedAt !== null;
    if (published && !options.mayEditPublished) throw new AppError("FORBIDDEN", "Only a communicator may change a published postmortem.");
    const beforeItems = await tx.postmortemActionItem.findMany({ where: { incidentId: id }, orderBy: { position: "asc" }, select: { title: true, owner: true, done: true } });
    await tx.incident.update({ where: { id }, data: { postmortemBody: input.body } });
    await tx.postmortemActionItem.deleteMany({ where: { incidentId: id } });
    await tx.postmortemActionItem.createMany({ data: input.actionItems.map((item, position) => ({ incidentId: id, ...item, position })) });
    await writeAudit(tx, actor, {
      action: "incident.postmortem_save",
      entityType: "incident",
      entityId: id,
      before: { body: incident.postmortemBody, actionItems: beforeItems },
      after: { body: input.body, actionItems: input.actionItems },
    });
    if (published) await announcePublicChange(tx);
  });
}

/** Publishes the postmortem of a published, resolved incident. */
export async function publishPostmortem(actor: Actor, id: string, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    const incident = await lockIncident(tx, id);
    if (incident.postmortemPublishedAt) throw new AppError("CONFLICT", "The postmortem is already published.");
    if (incident.visibility !== "published" || !incident.resolvedAt) throw new AppError("CONFLICT", "Publish a postmortem once the incident is public and resolved.");
    if (!incident.postmortemBody?.trim()) throw new AppError("VALIDATION", "Write the postmortem first.", { body: ["Write the postmortem first."] });
    const after = await tx.incident.update({ where: { id }, data: { postmortemPublishedAt: now } });
    await refreshDerived(tx, after, now, false);
    await enqueueEvent(tx, { type: "incident.postmortem_published", incidentId: id });
    await writeAudit(tx, actor, { action: "incident.postmortem_publish", entityType: "incident", entityId: id, after: { postmortemPublishedAt: now } });
    await announcePublicChange(tx);
  });
}
