import { AppError } from "@/lib/errors";
import { handleEndpoint } from "@/server/api/endpoint";
import { getMaintenance } from "@/server/maintenance/data";
import { editMaintenanceEndpoint, getMaintenanceEndpoint } from "@/server/maintenance/endpoints";
import { editMaintenance } from "@/server/maintenance/mutations";

// GET /api/admin/v1/maintenance/{id}: one window.
export const GET = handleEndpoint(getMaintenanceEndpoint, async ({ params }) => {
  const window = await getMaintenance(params.id ?? "");
  if (!window) throw new AppError("NOT_FOUND", "Maintenance window not found.");
  return window;
});

// PATCH /api/admin/v1/maintenance/{id}: edit a window.
export const PATCH = handleEndpoint(editMaintenanceEndpoint, async ({ actor, body, params }) => {
  await editMaintenance(actor, params.id ?? "", body);
  return null;
});
