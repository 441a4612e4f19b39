import { handleAgentProbes } from "@/server/probes/ingest/http";

export const dynamic = "force-dynamic";

// GET /api/agent/v1/probes: the probe list of the location whose token is presented.
export const GET = (request: Request) => handleAgentProbes(request);
