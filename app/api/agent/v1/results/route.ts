import { handleAgentResults } from "@/server/probes/ingest/http";

export const dynamic = "force-dynamic";

// POST /api/agent/v1/results: a batch of check results from an agent (idempotent by result id).
export const POST = (request: Request) => handleAgentResults(request);
