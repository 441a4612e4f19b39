import "server-only";
import type { Tx } from "@/lib/db";
import { actorUserId, type Actor } from "@/server/auth/actor";

export interface AuditEntry {
  /** Verb and noun, e.g. "incident.publish", "component.update". */
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** JSON-safe copy (Dates become ISO strings, BigInts strings) for the audit log's before/after. */
function toJson(value: unknown): object | undefined {
  if (value === undefined) return undefined;
  return JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v))) as object;
}

/** Records a write in the audit log; call inside the same transaction as the write. */
export async function writeAudit(tx: Tx, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: actorUserId(actor),
      actorKind: actor.kind === "system" ? `system:${actor.label}` : actor.kind,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: toJson(entry.before),
      after: toJson(entry.after),
      requestId: "requestId" in actor ? actor.requestId : undefined,
    },
  });
}
