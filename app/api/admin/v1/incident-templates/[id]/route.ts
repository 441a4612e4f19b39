import { handleEndpoint } from "@/server/api/endpoint";
import { deleteTemplateEndpoint, updateTemplateEndpoint } from "@/server/incidents/endpoints";
import { deleteTemplate, updateTemplate } from "@/server/incidents/mutations";

// PUT /api/admin/v1/incident-templates/{id}: change a template.
export const PUT = handleEndpoint(updateTemplateEndpoint, async ({ actor, body, params }) => {
  await updateTemplate(actor, params.id ?? "", body);
  return null;
});

// DELETE /api/admin/v1/incident-templates/{id}: remove it.
export const DELETE = handleEndpoint(deleteTemplateEndpoint, async ({ actor, params }) => {
  await deleteTemplate(actor, params.id ?? "");
  return null;
});
