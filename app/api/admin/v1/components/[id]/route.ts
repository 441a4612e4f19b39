import { AppError } from "@/lib/errors";
import { handleEndpoint } from "@/server/api/endpoint";
import { getAdminComponent } from "@/server/components/admin/data";
import { getComponentEndpoint, updateComponentEndpoint } from "@/server/components/admin/endpoints";
import { updateComponent } from "@/server/components/admin/mutations";

// GET /api/admin/v1/components/{id}: one component.
export const GET = handleEndpoint(getComponentEndpoint, async ({ params }) => {
  const component = await getAdminComponent(params.id ?? "");
  if (!component) throw new AppError("NOT_FOUND", "Component not found.");
  return component;
});

// PATCH /api/admin/v1/components/{id}: edit a component.
export const PATCH = handleEndpoint(updateComponentEndpoint, async ({ actor, body, params }) => {
  await updateComponent(actor, params.id ?? "", body);
  return null;
});
