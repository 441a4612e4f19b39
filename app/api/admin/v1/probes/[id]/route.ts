import { AppError } from "@/lib/errors";
import { handleEndpoint } from "@/server/api/endpoint";
import { getProbe } from "@/server/probes/data";
import { deleteProbeEndpoint, getProbeEndpoint, updateProbeEndpoint } from "@/server/probes/endpoints";
import { deleteProbe, updateProbe } from "@/server/probes/mutations";

// GET /api/admin/v1/probes/{id}: one probe.
export const GET = handleEndpoint(getProbeEndpoint, async ({ params }) => {
  const probe = await getProbe(params.id ?? "");
  if (!probe) throw new AppError("NOT_FOUND", "Probe not found.");
  return probe;
});

// PUT /api/admin/v1/probes/{id}: replace a probe's settings.
export const PUT = handleEndpoint(updateProbeEndpoint, async ({ actor, body, params }) => {
  await updateProbe(actor, params.id ?? "", body);
  return null;
});

// DELETE /api/admin/v1/probes/{id}: delete a probe.
export const DELETE = handleEndpoint(deleteProbeEndpoint, async ({ actor, params }) => {
  await deleteProbe(actor, params.id ?? "");
  return null;
});
