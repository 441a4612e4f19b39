import { handleEndpoint } from "@/server/api/endpoint";
import { getMeEndpoint } from "@/server/auth/endpoints";

// GET /api/admin/v1/me: the token's owner.
export const GET = handleEndpoint(getMeEndpoint, ({ user }) => Promise.resolve(user));
