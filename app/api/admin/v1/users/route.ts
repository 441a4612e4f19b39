import { handleEndpoint } from "@/server/api/endpoint";
import { listStaffUsers } from "@/server/auth/data";
import { createUserEndpoint, listUsersEndpoint } from "@/server/auth/endpoints";
import { createUser } from "@/server/auth/mutations";

// GET /api/admin/v1/users: staff accounts.
export const GET = handleEndpoint(listUsersEndpoint, () => listStaffUsers());

// POST /api/admin/v1/users: create a staff account.
export const POST = handleEndpoint(createUserEndpoint, ({ actor, body }) => createUser(actor, body));
