import { handleEndpoint } from "@/server/api/endpoint";
import { listProbes } from "@/server/probes/data";
import { createProbeEndpoint, listProbesEndpoint } from "@/server/probes/endpoints";
import { createProbe } from "@/server/probes/mutations";

// GET /api/admin/v1/probes: every probe, optionally of one component.
export const GET = handleEndpoint(listProbesEndpoint, ({ query }) => listProbes({ componentId: typeof query.componentId === "string" ? query.componentId : undefined }));

// POST /api/admin/v1/probes: add a probe.
export const POST = handleEndpoint(createProbeEndpoint, ({ actor, body }) => createProbe(actor, body));
