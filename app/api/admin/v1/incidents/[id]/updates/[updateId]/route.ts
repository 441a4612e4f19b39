import { handleEndpoint } from "@/server/api/endpoint";
import { can } from "@/server/auth/permissions";
import { editUpdateEndpoint } from "@/server/incidents/endpoints";
import { editUpdate } from "@/server/incidents/updates/mutations";

// PATCH /api/admin/v1/incidents/{id}/updates/{updateId}: edit a draft or correct a published update.
export const PATCH = handleEndpoint(editUpdateEndpoint, async ({ actor, user, body, params }) => {
  await editUpdate(actor, params.id ?? "", params.updateId ?? "", body, { mayEditPublished: can(user.roles, "incident.publish") });
  return null;
});
