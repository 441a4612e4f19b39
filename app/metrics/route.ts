import { env } from "@/lib/env";
import { metricsResponse } from "@/server/operations/metrics";

// GET /metrics: Prometheus metrics of this process. Off (404) unless METRICS_TOKEN is set; then it
// requires "Authorization: Bearer <METRICS_TOKEN>".
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  if (!env.METRICS_TOKEN) return new Response("Not found.", { status: 404 });
  return metricsResponse(request.headers.get("authorization"), env.METRICS_TOKEN);
}
