import { handleEndpoint } from "@/server/api/endpoint";
import { archiveComponentEndpoint } from "@/server/components/admin/endpoints";
import { archiveComponent } from "@/server/components/admin/mutations";

// POST /api/admin/v1/components/{id}/archive: take a component off the public page, keeping its history.
export const POST = handleEndpoint(archiveComponentEndpoint, async ({ actor, params }) => {
  await archiveComponent(actor, params.id ?? "");
  return null;
});
