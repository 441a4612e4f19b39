import { handleEndpoint } from "@/server/api/endpoint";
import { publishUpdateEndpoint } from "@/server/incidents/endpoints";
import { publishUpdate } from "@/server/incidents/updates/mutations";

// POST /api/admin/v1/incidents/{id}/updates/{updateId}/publish: publish a draft.
export const POST = handleEndpoint(publishUpdateEndpoint, async ({ actor, body, params }) => {
  await publishUpdate(actor, params.id ?? "", params.updateId ?? "", body);
  return null;
});
