import { handleEndpoint } from "@/server/api/endpoint";
import { moveComponentEndpoint } from "@/server/components/admin/endpoints";
import { moveComponent } from "@/server/components/admin/mutations";

// POST /api/admin/v1/components/{id}/move: one place up or down within its group.
export const POST = handleEndpoint(moveComponentEndpoint, async ({ actor, body, params }) => ({
  moved: await moveComponent(actor, params.id ?? "", body.direction),
}));
