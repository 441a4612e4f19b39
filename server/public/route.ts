import "server-only";
import { toErrorResponse } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { respond } from "@/server/public/resources";
import { getPublicView } from "@/server/public/view";

/** Serves a public resource from a Next.js route handler (when the fast path is not in front). */
export async function publicResourceResponse(request: Request): Promise<Response> {
  try {
    const view = await getPublicView();
    const url = new URL(request.url);
    const response = respond(view, url.pathname, {
      method: request.method,
      ifNoneMatch: request.headers.get("if-none-match"),
      acceptEncoding: null, // Next compresses responses itself
    });
    if (!response) return Response.json({ error: { code: "NOT_FOUND", message: "Not found." } }, { status: 404 });
    return new Response(response.body ? new Uint8Array(response.body) : null, { status: response.status, headers: response.headers });
  } catch (error) {
    const { status, body, isUnexpected } = toErrorResponse(error);
    if (isUnexpected) logger.error({ err: error }, "public resource failed");
    return Response.json(body, { status, headers: { "retry-after": "5", "access-control-allow-origin": "*" } });
  }
}
