import { handleEndpoint } from "@/server/api/endpoint";
import { postMaintenanceUpdateEndpoint } from "@/server/maintenance/endpoints";
import { postMaintenanceUpdate } from "@/server/maintenance/mutations";

// POST /api/admin/v1/maintenance/{id}/updates: a public update on a window.
export const POST = handleEndpoint(postMaintenanceUpdateEndpoint, ({ actor, body, params }) => postMaintenanceUpdate(actor, params.id ?? "", body));
