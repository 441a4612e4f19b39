import { toErrorResponse } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { findSubscriptionIdByToken } from "@/server/subscribers/data";
import { unsubscribe } from "@/server/subscribers/mutations";
import { manageTokenSchema } from "@/server/subscribers/schema";

type Context = { params: Promise<{ token: string }> };

// POST /api/subscriptions/{token}/unsubscribe: RFC 8058 one-click unsubscribe, the target of email's
// List-Unsubscribe header. Mail clients POST "List-Unsubscribe=One-Click" without a session or a page.
export async function POST(_request: Request, context: Context): Promise<Response> {
  try {
    const token = manageTokenSchema.parse((await context.params).token);
    const id = await findSubscriptionIdByToken(token);
    if (!id) return new Response("This link is not valid.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
    await unsubscribe(id);
    return new Response("You are unsubscribed.", { status: 200, headers: { "content-type": "text/plain; charset=utf-8" } });
  } catch (error) {
    const { status, body, isUnexpected } = toErrorResponse(error);
    if (isUnexpected) logger.error({ err: error }, "one-click unsubscribe failed");
    return Response.json(body, { status });
  }
}

// GET /api/subscriptions/{token}/unsubscribe: a person following the link; changes nothing by itself
// (link scanners fetch links) and shows the management page, which has the unsubscribe button.
export async function GET(request: Request, context: Context): Promise<Response> {
  const { token } = await context.params;
  return Response.redirect(new URL(`/subscriptions/${encodeURIComponent(token)}`, request.url), 303);
}
