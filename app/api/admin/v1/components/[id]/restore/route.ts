import { handleEndpoint } from "@/server/api/endpoint";
import { restoreComponentEndpoint } from "@/server/components/admin/endpoints";
import { restoreComponent } from "@/server/components/admin/mutations";

// POST /api/admin/v1/components/{id}/restore: bring an archived component back.
export const POST = handleEndpoint(restoreComponentEndpoint, async ({ actor, params }) => {
  await restoreComponent(actor, params.id ?? "");
  return null;
});
