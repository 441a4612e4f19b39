import { handleEndpoint } from "@/server/api/endpoint";
import { postUpdateEndpoint } from "@/server/incidents/endpoints";
import { postUpdate } from "@/server/incidents/updates/mutations";

// POST /api/admin/v1/incidents/{id}/updates: publish a new public update.
export const POST = handleEndpoint(postUpdateEndpoint, ({ actor, body, params }) => postUpdate(actor, params.id ?? "", body));
