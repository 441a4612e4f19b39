import { handleEndpoint } from "@/server/api/endpoint";
import { publishPostmortemEndpoint } from "@/server/incidents/endpoints";
import { publishPostmortem } from "@/server/incidents/postmortem/mutations";

// POST /api/admin/v1/incidents/{id}/postmortem/publish: publish the postmortem.
export const POST = handleEndpoint(publishPostmortemEndpoint, async ({ actor, params }) => {
  await publishPostmortem(actor, params.id ?? "");
  return null;
});
