import { AppError } from "@/lib/errors";
import { handleEndpoint } from "@/server/api/endpoint";
import { getIncident } from "@/server/incidents/data";
import { editIncidentEndpoint, getIncidentEndpoint } from "@/server/incidents/endpoints";
import { editIncident } from "@/server/incidents/mutations";

// GET /api/admin/v1/incidents/{id}: one incident with its whole internal and public timeline.
export const GET = handleEndpoint(getIncidentEndpoint, async ({ params }) => {
  const incident = await getIncident(params.id ?? "");
  if (!incident) throw new AppError("NOT_FOUND", "Incident not found.");
  return incident;
});

// PATCH /api/admin/v1/incidents/{id}: name, impact, cadence, components.
export const PATCH = handleEndpoint(editIncidentEndpoint, async ({ actor, body, params }) => {
  await editIncident(actor, params.id ?? "", body);
  return null;
});
