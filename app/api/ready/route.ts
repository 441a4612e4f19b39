import { getReadiness } from "@/server/operations/readiness";

// GET /api/ready: 200 when the database answers, a worker beat recently and the public snapshot is
// fresh; 503 otherwise, with which check failed. For deploy gates and alerts, not for taking an
// instance out of a load balancer (it keeps serving the public page while the database is down).
export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const readiness = await getReadiness();
  return Response.json(readiness, { status: readiness.ready ? 200 : 503, headers: { "cache-control": "no-store" } });
}
