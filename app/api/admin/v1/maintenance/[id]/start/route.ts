import { handleEndpoint } from "@/server/api/endpoint";
import { startMaintenanceEndpoint } from "@/server/maintenance/endpoints";
import { startMaintenanceNow } from "@/server/maintenance/mutations";

// POST /api/admin/v1/maintenance/{id}/start: start a scheduled window now.
export const POST = handleEndpoint(startMaintenanceEndpoint, async ({ actor, body, params }) => {
  await startMaintenanceNow(actor, params.id ?? "", body);
  return null;
});
