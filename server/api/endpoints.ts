import type { EndpointDef } from "@/server/api/endpoint";
import { authEndpoints } from "@/server/auth/endpoints";

/** Every staff API endpoint, for the OpenAPI document. Each area adds its list here. */
export const ALL_ENDPOINTS: EndpointDef[] = [...authEndpoints];
