import { handleEndpoint } from "@/server/api/endpoint";
import { listTemplates } from "@/server/incidents/data";
import { createTemplateEndpoint, listTemplatesEndpoint } from "@/server/incidents/endpoints";
import { createTemplate } from "@/server/incidents/mutations";

// GET /api/admin/v1/incident-templates: every template.
export const GET = handleEndpoint(listTemplatesEndpoint, () => listTemplates());

// POST /api/admin/v1/incident-templates: add one.
export const POST = handleEndpoint(createTemplateEndpoint, ({ actor, body }) => createTemplate(actor, body));
