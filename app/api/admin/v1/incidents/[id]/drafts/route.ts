import { handleEndpoint } from "@/server/api/endpoint";
import { draftUpdateEndpoint } from "@/server/incidents/endpoints";
import { draftUpdate } from "@/server/incidents/updates/mutations";

// POST /api/admin/v1/incidents/{id}/drafts: a draft public update.
export const POST = handleEndpoint(draftUpdateEndpoint, ({ actor, body, params }) => draftUpdate(actor, params.id ?? "", body));
