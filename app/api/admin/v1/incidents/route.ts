import type { z } from "zod";
import { handleEndpoint } from "@/server/api/endpoint";
import { listIncidents } from "@/server/incidents/data";
import { createIncidentEndpoint, listIncidentsEndpoint } from "@/server/incidents/endpoints";
import { createIncident } from "@/server/incidents/mutations";
import type { incidentListQuerySchema } from "@/server/incidents/schema";

// GET /api/admin/v1/incidents: incidents by scope.
export const GET = handleEndpoint(listIncidentsEndpoint, ({ query }) => listIncidents((query as z.infer<typeof incidentListQuerySchema>).scope));

// POST /api/admin/v1/incidents: open an internal incident.
export const POST = handleEndpoint(createIncidentEndpoint, ({ actor, body }) => createIncident(actor, body));
