import { handleEndpoint } from "@/server/api/endpoint";
import { listTokens } from "@/server/auth/data";
import { createOwnTokenEndpoint, listOwnTokensEndpoint } from "@/server/auth/endpoints";
import { createApiToken } from "@/server/auth/mutations";

// GET /api/admin/v1/tokens: your tokens.
export const GET = handleEndpoint(listOwnTokensEndpoint, async ({ user }) =>
  (await listTokens(user.id)).map(({ userId: _u, userName: _n, ...t }) => t),
);

// POST /api/admin/v1/tokens: a new token for yourself, shown once.
export const POST = handleEndpoint(createOwnTokenEndpoint, ({ actor, user, body }) => createApiToken(actor, user.id, body));
