import { handleEndpoint } from "@/server/api/endpoint";
import { archiveGroupEndpoint } from "@/server/components/admin/endpoints";
import { archiveGroup } from "@/server/components/admin/mutations";

// POST /api/admin/v1/groups/{id}/archive: archive an empty group.
export const POST = handleEndpoint(archiveGroupEndpoint, async ({ actor, params }) => {
  await archiveGroup(actor, params.id ?? "");
  return null;
});
