import { handleEndpoint } from "@/server/api/endpoint";
import { createGroupEndpoint } from "@/server/components/admin/endpoints";
import { createGroup } from "@/server/components/admin/mutations";

// POST /api/admin/v1/groups: create a component group.
export const POST = handleEndpoint(createGroupEndpoint, ({ actor, body }) => createGroup(actor, body));
