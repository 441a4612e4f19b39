import { handleEndpoint } from "@/server/api/endpoint";
import { can } from "@/server/auth/permissions";
import { savePostmortemEndpoint } from "@/server/incidents/endpoints";
import { savePostmortem } from "@/server/incidents/postmortem/mutations";

// PUT /api/admin/v1/incidents/{id}/postmortem: save the postmortem and its action items.
export const PUT = handleEndpoint(savePostmortemEndpoint, async ({ actor, user, body, params }) => {
  await savePostmortem(actor, params.id ?? "", body, { mayEditPublished: can(user.roles, "incident.postmortem_publish") });
  return null;
});
