import { handleEndpoint } from "@/server/api/endpoint";
import { endMaintenanceEndpoint } from "@/server/maintenance/endpoints";
import { endMaintenance } from "@/server/maintenance/mutations";

// POST /api/admin/v1/maintenance/{id}/end: end a running window now.
export const POST = handleEndpoint(endMaintenanceEndpoint, async ({ actor, body, params }) => {
  await endMaintenance(actor, params.id ?? "", body);
  return null;
});
