import { handleEndpoint } from "@/server/api/endpoint";
import { listMaintenances } from "@/server/maintenance/data";
import { listMaintenanceEndpoint, scheduleMaintenanceEndpoint } from "@/server/maintenance/endpoints";
import { scheduleMaintenance } from "@/server/maintenance/mutations";
import type { maintenanceListQuerySchema } from "@/server/maintenance/schema";
import type { z } from "zod";

// GET /api/admin/v1/maintenance: windows by scope.
export const GET = handleEndpoint(listMaintenanceEndpoint, ({ query }) =>
  listMaintenances((query as z.infer<typeof maintenanceListQuerySchema>).scope),
);

// POST /api/admin/v1/maintenance: schedule a window.
export const POST = handleEndpoint(scheduleMaintenanceEndpoint, ({ actor, body }) => scheduleMaintenance(actor, body));
