import { handleEndpoint } from "@/server/api/endpoint";
import { can } from "@/server/auth/permissions";
import { discardDraftEndpoint, editUpdateEndpoint } from "@/server/incidents/endpoints";
import { discardDraft, editUpdate } from "@/server/incidents/updates/mutations";

// PATCH /api/admin/v1/incidents/{id}/updates/{updateId}: edit a draft or correct a published update.
export const PATCH = handleEndpoint(editUpdateEndpoint, async ({ actor, user, body, params }) => {
  await editUpdate(actor, params.id ?? "", params.updateId ?? "", body, { mayEditPublished: can(user.roles, "incident.publish") });
  return null;
});

// DELETE /api/admin/v1/incidents/{id}/updates/{updateId}: discard a draft.
export const DELETE = handleEndpoint(discardDraftEndpoint, async ({ actor, params }) => {
  await discardDraft(actor, params.id ?? "", params.updateId ?? "");
  return null;
});
