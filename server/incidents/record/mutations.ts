import "server-only";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { deriveStatus, nextUpdateDue } from "@/server/incidents/rules";

// Steps shared by every incident write, inside the caller's transaction: lock the incident, check
// components, and bring the cached columns (status, stage times, next update due) back in line with the
// published updates they are derived from.

export type IncidentRow = NonNullable<Awaited<ReturnType<Tx["incident"]["findUnique"]>>>;

/** Locks the incident's row for the rest of the transaction and reads it as committed now. */
export async function lockIncident(tx: Tx, id: string): Promise<IncidentRow> {
  await tx.$queryRaw`SELECT id FROM "Incident" WHERE id = ${id} FOR UPDATE`;
  const row = await tx.incident.findUnique({ where: { id } });
  if (!row) throw new AppError("NOT_FOUND", "Incident not found.");
  return row;
}

export async function assertComponentsUsable(tx: Tx, ids: string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  const found = await tx.component.count({ where: { id: { in: unique }, archivedAt: null } });
  if (found !== unique.length) {
    throw new AppError("VALIDATION", "Choose components that exist and are not archived.", { componentIds: ["Choose components that exist and are not archived."] });
  }
  return unique;
}

export const incidentAuditView = (i: IncidentRow, componentIds?: string[]) => ({
  name: i.name,
  impact: i.impact,
  status: i.status,
  visibility: i.visibility,
  commanderId: i.commanderId,
  commsLeadId: i.commsLeadId,
  updateCadenceMinutes: i.updateCadenceMinutes,
  nextUpdateDueAt: i.nextUpdateDueAt,
  resolvedAt: i.resolvedAt,
  ...(componentIds ? { componentIds } : {}),
});

/**
 * Re-derives the cached columns from the published public updates. `resetCadence` (a public update was
 * just published) starts the next-update countdown from `now`; otherwise it runs from the latest
 * publication, so a changed impact or cadence moves the due time without resetting it.
 */
export async function refreshDerived(tx: Tx, incident: IncidentRow, now: Date, resetCadence: boolean): Promise<IncidentRow> {
  const published = await tx.incidentUpdate.findMany({
    where: { incidentId: incident.id, kind: "public_update", state: "published" },
    select: { status: true, displayAt: true, createdAt: true, publishedAt: true },
  });
  const derived = deriveStatus(published, incident.postmortemPublishedAt !== null);
  const lastPublishedAt = published.reduce<Date | null>((max, u) => (u.publishedAt && (!max || u.publishedAt > max) ? u.publishedAt : max), null);
  const from = resetCadence ? now : (lastPublishedAt ?? now);
  const nextUpdateDueAt = incident.visibility === "published" ? nextUpdateDue(from, incident.impact, incident.updateCadenceMinutes, derived.status) : null;
  return tx.incident.update({
    where: { id: incident.id },
    data: {
      ...derived,
      nextUpdateDueAt,
      // A new due time is a new period: its reminder has not been sent.
      ...(nextUpdateDueAt?.getTime() !== incident.nextUpdateDueAt?.getTime() ? { cadenceRemindedFor: null } : {}),
    },
  });
}
