import { handleEndpoint } from "@/server/api/endpoint";
import { assignIncidentEndpoint } from "@/server/incidents/endpoints";
import { assignIncident } from "@/server/incidents/mutations";

// POST /api/admin/v1/incidents/{id}/assign: commander or comms lead.
export const POST = handleEndpoint(assignIncidentEndpoint, async ({ actor, body, params }) => {
  await assignIncident(actor, params.id ?? "", body);
  return null;
});
