import { z } from "zod";
import type { EndpointDef } from "@/server/api/endpoint";

// Builds the OpenAPI 3.1 document of the staff API from the endpoint declarations and their zod schemas.

const errorEnvelope = z.object({
  error: z.object({
    code: z.string().meta({ description: "VALIDATION, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT, …" }),
    message: z.string(),
    fieldErrors: z.record(z.string(), z.array(z.string())).optional(),
  }),
});

const schema = (s: z.ZodType) => z.toJSONSchema(s, { target: "draft-2020-12", unrepresentable: "any", io: "input" });

export function buildOpenApiDocument(endpoints: EndpointDef[], serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const e of endpoints) {
    const parameters = [
      ...[...e.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: "path", required: true, schema: { type: "string" } })),
      ...Object.entries(e.query?.shape ?? {}).map(([name, s]) => ({
        name,
        in: "query",
        required: !(s as z.ZodType).safeParse(undefined).success,
        schema: schema(s as z.ZodType),
      })),
    ];
    const errors = (codes: number[]) =>
      Object.fromEntries(codes.map((c) => [String(c), { $ref: `#/components/responses/Error${c}` }]));
    (paths[e.path] ??= {})[e.method.toLowerCase()] = {
      summary: e.summary,
      tags: [e.tag],
      description: `Requires the \`${e.permission}\` permission.`,
      parameters: parameters.length ? parameters : undefined,
      requestBody: e.body ? { required: true, content: { "application/json": { schema: schema(e.body) } } } : undefined,
      responses: {
        [String(e.status ?? 200)]:
          e.status === 204
            ? { description: "Done." }
            : { description: "Success.", content: { "application/json": { schema: z.toJSONSchema(e.response, { target: "draft-2020-12", unrepresentable: "any", io: "output" }) } } },
        ...errors([401, 403, 404, 409, 422]),
      },
    };
  }
  const errorResponse = (description: string) => ({
    description,
    content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
  });
  return {
    openapi: "3.1.0",
    info: {
      title: "Status page staff API",
      version: "1",
      description: "Every console action, for scripts and bots. Authenticate with a personal API token.",
    },
    servers: [{ url: `${serverUrl.replace(/\/$/, "")}/api/admin/v1` }],
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "A personal API token (sp_…)." } },
      schemas: { Error: schema(errorEnvelope) },
      responses: {
        Error401: errorResponse("No valid API token."),
        Error403: errorResponse("The token's owner lacks the permission."),
        Error404: errorResponse("Not found."),
        Error409: errorResponse("Conflicts with existing data."),
        Error422: errorResponse("Invalid input; see fieldErrors."),
      },
    },
  };
}
