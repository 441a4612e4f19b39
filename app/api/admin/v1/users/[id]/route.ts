import { handleEndpoint } from "@/server/api/endpoint";
import { updateUserEndpoint } from "@/server/auth/endpoints";
import { updateUser } from "@/server/auth/mutations";

// PATCH /api/admin/v1/users/{id}: rename, change roles, disable.
export const PATCH = handleEndpoint(updateUserEndpoint, async ({ actor, body, params }) => {
  await updateUser(actor, params.id ?? "", body);
  return null;
});
