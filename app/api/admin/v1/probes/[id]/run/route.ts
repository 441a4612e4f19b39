import { AppError } from "@/lib/errors";
import { handleEndpoint } from "@/server/api/endpoint";
import { getRunnableProbe } from "@/server/probes/data";
import { runProbeEndpoint } from "@/server/probes/endpoints";
import { runCheck } from "@/server/probes/runner/check";

// POST /api/admin/v1/probes/{id}/run: run a probe once and answer with the result.
export const POST = handleEndpoint(runProbeEndpoint, async ({ params }) => {
  const probe = await getRunnableProbe(params.id ?? "");
  if (!probe) throw new AppError("NOT_FOUND", "No HTTP or TCP probe with this id.");
  return runCheck(probe);
});
