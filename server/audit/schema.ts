import { z } from "zod";

// Reading the audit log: filters (console form and staff API alike) and the entries returned. Client-safe.

/** A moment as ISO 8601; without a zone (as <input type="datetime-local"> sends) it is read as UTC. */
const moment = z
  .string()
  .trim()
  .transform((v, ctx) => {
    const withZone = /(Z|[+-]\d\d:?\d\d)$/i.test(v) ? v : `${v}Z`;
    const date = new Date(withZone);
    if (Number.isNaN(date.getTime())) {
      ctx.addIssue({ code: "custom", message: "Enter a date and time such as 2026-01-31T14:00Z." });
      return z.NEVER;
    }
    return date;
  });

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

export const auditQuerySchema = z.object({
  /** A staff user's id, or "system" for background jobs and "cli" for the command line. */
  actor: optional(z.string().trim().max(100)),
  /** e.g. "component", "maintenance", "page", "user". */
  entityType: optional(z.string().trim().max(60)),
  /** Exact action ("component.update"), or a prefix ending in a dot ("maintenance."). */
  action: optional(z.string().trim().max(80)),
  entityId: optional(z.string().trim().max(100)),
  from: optional(moment),
  to: optional(moment),
  /** The nextCursor of the previous page. */
  cursor: optional(z.string().regex(/^\d{1,19}$/, "Not a cursor from this API.")),
  limit: optional(z.coerce.number().int().min(1).max(200)),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable(),
  /** "user" (console), "token" (staff API), "cli", or "system:<job>". */
  actorKind: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  requestId: z.string().nullable(),
});
export type AuditEntryView = z.infer<typeof auditEntrySchema>;

export const auditPageSchema = z.object({
  entries: z.array(auditEntrySchema),
  /** Pass as `cursor` for older entries; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type AuditPage = z.infer<typeof auditPageSchema>;

export const auditFacetsSchema = z.object({ entityTypes: z.array(z.string()), actions: z.array(z.string()) });
export type AuditFacets = z.infer<typeof auditFacetsSchema>;
