import { handleEndpoint } from "@/server/api/endpoint";
import { listAuditEntries } from "@/server/audit/data";
import { listAuditEndpoint } from "@/server/audit/endpoints";
import type { AuditQuery } from "@/server/audit/schema";

// GET /api/admin/v1/audit: the audit log, filtered and paged.
export const GET = handleEndpoint(listAuditEndpoint, ({ query }) => listAuditEntries(query as AuditQuery));
