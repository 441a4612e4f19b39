import { handleEndpoint } from "@/server/api/endpoint";
import { listLocations } from "@/server/probes/data";
import { createLocationEndpoint, listLocationsEndpoint } from "@/server/probes/endpoints";
import { createLocation } from "@/server/probes/mutations";

// GET /api/admin/v1/locations: probe locations and whether they report.
export const GET = handleEndpoint(listLocationsEndpoint, () => listLocations());

// POST /api/admin/v1/locations: add an agent location (token shown once).
export const POST = handleEndpoint(createLocationEndpoint, ({ actor, body }) => createLocation(actor, body));
