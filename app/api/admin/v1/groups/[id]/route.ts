import { AppError } from "@/lib/errors";
import { handleEndpoint } from "@/server/api/endpoint";
import { getAdminGroup } from "@/server/components/admin/data";
import { getGroupEndpoint, updateGroupEndpoint } from "@/server/components/admin/endpoints";
import { updateGroup } from "@/server/components/admin/mutations";

// GET /api/admin/v1/groups/{id}: one group.
export const GET = handleEndpoint(getGroupEndpoint, async ({ params }) => {
  const group = await getAdminGroup(params.id ?? "");
  if (!group) throw new AppError("NOT_FOUND", "Group not found.");
  return group;
});

// PATCH /api/admin/v1/groups/{id}: rename a group.
export const PATCH = handleEndpoint(updateGroupEndpoint, async ({ actor, body, params }) => {
  await updateGroup(actor, params.id ?? "", body);
  return null;
});
