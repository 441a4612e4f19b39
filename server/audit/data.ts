import "server-only";
import { db, type Prisma } from "@/lib/db";
import type { AuditFacets, AuditPage, AuditQuery } from "@/server/audit/schema";

// Reads of the audit log, for admins only (never public). Newest first, paged by id so a page never
// shifts while new entries arrive.

const DEFAULT_LIMIT = 50;

function where(q: AuditQuery): Prisma.AuditLogWhereInput {
  const w: Prisma.AuditLogWhereInput = {};
  if (q.actor === "system") w.actorKind = { startsWith: "system" };
  else if (q.actor === "cli") w.actorKind = "cli";
  else if (q.actor) w.actorId = q.actor;
  if (q.entityType) w.entityType = q.entityType;
  if (q.entityId) w.entityId = q.entityId;
  if (q.action) w.action = q.action.endsWith(".") ? { startsWith: q.action } : q.action;
  if (q.from || q.to) w.at = { gte: q.from, lte: q.to };
  if (q.cursor) w.id = { lt: BigInt(q.cursor) };
  return w;
}

export async function listAuditEntries(q: AuditQuery): Promise<AuditPage> {
  const limit = q.limit ?? DEFAULT_LIMIT;
  const rows = await db.auditLog.findMany({
    where: where(q),
    orderBy: { id: "desc" },
    take: limit + 1,
    include: { actor: { select: { id: true, name: true, email: true } } },
  });
  const page = rows.slice(0, limit);
  return {
    entries: page.map((r) => ({
      id: r.id.toString(),
      at: r.at.toISOString(),
      actor: r.actor,
      actorKind: r.actorKind,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      before: r.before,
      after: r.after,
      requestId: r.requestId,
    })),
    nextCursor: rows.length > limit ? (page.at(-1)?.id.toString() ?? null) : null,
  };
}

/** The entity types and actions that occur, for the filter pickers. */
export async function getAuditFacets(): Promise<AuditFacets> {
  const [types, actions] = await Promise.all([
    db.auditLog.findMany({ distinct: ["entityType"], select: { entityType: true }, orderBy: { entityType: "asc" } }),
    db.auditLog.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } }),
  ]);
  return { entityTypes: types.map((t) => t.entityType), actions: actions.map((a) => a.action) };
}
