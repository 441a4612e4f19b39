import { handleEndpoint } from "@/server/api/endpoint";
import { extendMaintenanceEndpoint } from "@/server/maintenance/endpoints";
import { extendMaintenance } from "@/server/maintenance/mutations";

// POST /api/admin/v1/maintenance/{id}/extend: move the window's end.
export const POST = handleEndpoint(extendMaintenanceEndpoint, async ({ actor, body, params }) => {
  await extendMaintenance(actor, params.id ?? "", body);
  return null;
});
