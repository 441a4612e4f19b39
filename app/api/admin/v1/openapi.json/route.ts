import { buildOpenApiDocument } from "@/server/api/openapi";
import { ALL_ENDPOINTS } from "@/server/api/endpoints";

// GET /api/admin/v1/openapi.json: the staff API described in OpenAPI 3.1, generated from its zod schemas.
export function GET(request: Request): Response {
  const origin = new URL(request.url).origin;
  return Response.json(buildOpenApiDocument(ALL_ENDPOINTS, origin), { headers: { "cache-control": "public, max-age=300" } });
}
