import { handleEndpoint } from "@/server/api/endpoint";
import { moveGroupEndpoint } from "@/server/components/admin/endpoints";
import { moveGroup } from "@/server/components/admin/mutations";

// POST /api/admin/v1/groups/{id}/move: one place up or down.
export const POST = handleEndpoint(moveGroupEndpoint, async ({ actor, body, params }) => ({
  moved: await moveGroup(actor, params.id ?? "", body.direction),
}));
