import { defineEndpoint } from "@/server/api/endpoint";
import { auditPageSchema, auditQuerySchema } from "@/server/audit/schema";

// Staff API declaration for reading the audit log; implemented in app/api/admin/v1/audit.
export const listAuditEndpoint = defineEndpoint({
  tag: "Audit",
  method: "GET",
  path: "/audit",
  summary: "Audit log entries, newest first, filtered by actor, entity, action and time; page with nextCursor.",
  permission: "audit.read",
  query: auditQuerySchema,
  response: auditPageSchema,
});

export const auditEndpoints = [listAuditEndpoint];
