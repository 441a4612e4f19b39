import { handleEndpoint } from "@/server/api/endpoint";
import { liftOverrideEndpoint, setOverrideEndpoint } from "@/server/probes/endpoints";
import { liftStatusOverride, setStatusOverride } from "@/server/probes/mutations";

// PUT /api/admin/v1/components/{id}/override: override the component's status.
export const PUT = handleEndpoint(setOverrideEndpoint, async ({ actor, body, params }) => {
  await setStatusOverride(actor, params.id ?? "", body);
  return null;
});

// DELETE /api/admin/v1/components/{id}/override: lift the override.
export const DELETE = handleEndpoint(liftOverrideEndpoint, async ({ actor, params }) => {
  await liftStatusOverride(actor, params.id ?? "");
  return null;
});
