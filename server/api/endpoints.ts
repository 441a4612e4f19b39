import type { EndpointDef } from "@/server/api/endpoint";
import { auditEndpoints } from "@/server/audit/endpoints";
import { authEndpoints } from "@/server/auth/endpoints";
import { componentEndpoints } from "@/server/components/admin/endpoints";
import { incidentEndpoints } from "@/server/incidents/endpoints";
import { maintenanceEndpoints } from "@/server/maintenance/endpoints";
import { pageEndpoints } from "@/server/page/endpoints";
import { probeEndpoints } from "@/server/probes/endpoints";

/** Every staff API endpoint, for the OpenAPI document. Each area adds its list here. */
export const ALL_ENDPOINTS: EndpointDef[] = [
  ...authEndpoints,
  ...componentEndpoints,
  ...incidentEndpoints,
  ...maintenanceEndpoints,
  ...pageEndpoints,
  ...probeEndpoints,
  ...auditEndpoints,
];
