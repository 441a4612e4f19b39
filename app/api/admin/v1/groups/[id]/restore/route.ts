import { handleEndpoint } from "@/server/api/endpoint";
import { restoreGroupEndpoint } from "@/server/components/admin/endpoints";
import { restoreGroup } from "@/server/components/admin/mutations";

// POST /api/admin/v1/groups/{id}/restore: bring an archived group back.
export const POST = handleEndpoint(restoreGroupEndpoint, async ({ actor, params }) => {
  await restoreGroup(actor, params.id ?? "");
  return null;
});
