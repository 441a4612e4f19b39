import { handlePush } from "@/server/probes/ingest/http";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ token: string }> };

// GET /api/push/{token}: a push probe's heartbeat (cron jobs and CI pipelines call it).
export const GET = async (request: Request, context: Context) => handlePush(request, (await context.params).token);

// POST /api/push/{token}: the same, for callers that prefer POST.
export const POST = GET;
