import { handleEndpoint } from "@/server/api/endpoint";
import { getCatalog } from "@/server/components/admin/data";
import { createComponentEndpoint, listCatalogEndpoint } from "@/server/components/admin/endpoints";
import { createComponent } from "@/server/components/admin/mutations";

// GET /api/admin/v1/components: groups and components, internal fields included.
export const GET = handleEndpoint(listCatalogEndpoint, () => getCatalog());

// POST /api/admin/v1/components: create a component.
export const POST = handleEndpoint(createComponentEndpoint, ({ actor, body }) => createComponent(actor, body));
