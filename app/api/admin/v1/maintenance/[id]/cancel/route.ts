import { handleEndpoint } from "@/server/api/endpoint";
import { cancelMaintenanceEndpoint } from "@/server/maintenance/endpoints";
import { cancelMaintenance } from "@/server/maintenance/mutations";

// POST /api/admin/v1/maintenance/{id}/cancel: cancel a window that has not started.
export const POST = handleEndpoint(cancelMaintenanceEndpoint, async ({ actor, body, params }) => {
  await cancelMaintenance(actor, params.id ?? "", body);
  return null;
});
