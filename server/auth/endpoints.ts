import { z } from "zod";
import { defineEndpoint } from "@/server/api/endpoint";
import { apiTokenSchema, createTokenSchema, createUserSchema, staffUserSchema, updateUserSchema } from "@/server/auth/schema";

// Staff API declarations for accounts and tokens; implemented in app/api/admin/v1/.
const tag = "Accounts";

export const getMeEndpoint = defineEndpoint({
  tag,
  method: "GET",
  path: "/me",
  summary: "The token's owner, with their roles.",
  permission: "console.view",
  response: staffUserSchema,
});

export const listOwnTokensEndpoint = defineEndpoint({
  tag,
  method: "GET",
  path: "/tokens",
  summary: "Your API tokens (never the tokens themselves).",
  permission: "token.manage_own",
  response: z.array(apiTokenSchema),
});

export const createOwnTokenEndpoint = defineEndpoint({
  tag,
  method: "POST",
  path: "/tokens",
  summary: "Create an API token for yourself; the token is in this response only.",
  permission: "token.manage_own",
  body: createTokenSchema,
  response: z.object({ id: z.string(), token: z.string() }),
  status: 201,
});

export const revokeTokenEndpoint = defineEndpoint({
  tag,
  method: "DELETE",
  path: "/tokens/{id}",
  summary: "Revoke one of your tokens (admins: anyone's).",
  permission: "token.manage_own",
  response: z.null(),
  status: 204,
});

export const listUsersEndpoint = defineEndpoint({
  tag,
  method: "GET",
  path: "/users",
  summary: "Staff accounts.",
  permission: "user.manage",
  response: z.array(staffUserSchema),
});

export const createUserEndpoint = defineEndpoint({
  tag,
  method: "POST",
  path: "/users",
  summary: "Create a staff account.",
  permission: "user.manage",
  body: createUserSchema,
  response: z.object({ id: z.string() }),
  status: 201,
});

export const updateUserEndpoint = defineEndpoint({
  tag,
  method: "PATCH",
  path: "/users/{id}",
  summary: "Rename, change roles, disable or re-enable a staff account.",
  permission: "user.manage",
  body: updateUserSchema,
  response: z.null(),
  status: 204,
});

export const authEndpoints = [
  getMeEndpoint,
  listOwnTokensEndpoint,
  createOwnTokenEndpoint,
  revokeTokenEndpoint,
  listUsersEndpoint,
  createUserEndpoint,
  updateUserEndpoint,
];
