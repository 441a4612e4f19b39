import { handleEndpoint } from "@/server/api/endpoint";
import { revokeTokenEndpoint } from "@/server/auth/endpoints";
import { revokeApiToken } from "@/server/auth/mutations";
import { assertMayRevokeToken } from "@/server/auth/rules";

// DELETE /api/admin/v1/tokens/{id}: revoke a token.
export const DELETE = handleEndpoint(revokeTokenEndpoint, async ({ actor, user, params }) => {
  const id = params.id ?? "";
  await assertMayRevokeToken({ user }, id);
  await revokeApiToken(actor, id);
  return null;
});
