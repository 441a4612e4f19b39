import "server-only";
import type { z } from "zod";
import { AppError, toErrorResponse } from "@/lib/errors";
import { childFor } from "@/lib/logger";
import type { Actor } from "@/server/auth/actor";
import { findActiveToken, getStaffUser } from "@/server/auth/data";
import { touchApiToken } from "@/server/auth/mutations";
import { can, type Permission } from "@/server/auth/permissions";
import type { StaffUser } from "@/server/auth/schema";
import { bearerToken } from "@/server/auth/tokens";

// The staff API: every endpoint is declared once (method, path, permission, schemas) and that one
// declaration both enforces the rules and documents the endpoint in /api/admin/v1/openapi.json.

export type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

export interface EndpointDef<Body extends z.ZodType | undefined = z.ZodType | undefined, Res extends z.ZodType = z.ZodType> {
  method: Method;
  /** OpenAPI-style path under /api/admin/v1, e.g. "/users/{id}". */
  path: string;
  summary: string;
  permission: Permission;
  body?: Body;
  query?: z.ZodObject;
  response: Res;
  /** Status on success; 200 unless given. */
  status?: number;
  tag: string;
}

export function defineEndpoint<Body extends z.ZodType | undefined, Res extends z.ZodType>(def: EndpointDef<Body, Res>) {
  return def;
}

export interface EndpointContext<Body> {
  actor: Actor;
  user: StaffUser;
  body: Body;
  query: Record<string, unknown>;
  params: Record<string, string>;
  requestId: string;
}

const MAX_BODY_BYTES = 256 * 1024;

async function readJson(request: Request): Promise<unknown> {
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_BODY_BYTES) throw new AppError("BAD_REQUEST", "The request body is too large.");
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) throw new AppError("BAD_REQUEST", "The request body is too large.");
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "The request body is not valid JSON.");
  }
}

/** Authenticates a bearer token and loads its owner as they are now (roles re-read every request). */
async function authenticate(request: Request): Promise<{ user: StaffUser; tokenId: string }> {
  const presented = bearerToken(request.headers.get("authorization"));
  if (!presented) throw new AppError("UNAUTHENTICATED", "Send an API token as 'Authorization: Bearer <token>'.");
  const token = await findActiveToken(presented);
  const owner = token ? await getStaffUser(token.userId) : null;
  if (!token || !owner || owner.disabled) throw new AppError("UNAUTHENTICATED", "The API token is not valid.");
  void touchApiToken(token.id).catch(() => undefined);
  const { sessionVersion: _version, ...user } = owner;
  return { user, tokenId: token.id };
}

// Next passes no params to routes without dynamic segments.
type RouteContext = { params?: Promise<Record<string, string | string[]> | undefined> };

/** Turns an endpoint declaration and its implementation into a Next.js route handler. */
export function handleEndpoint<Body extends z.ZodType | undefined, Res extends z.ZodType>(
  def: EndpointDef<Body, Res>,
  run: (ctx: EndpointContext<Body extends z.ZodType ? z.infer<Body> : undefined>) => Promise<z.input<Res>>,
) {
  return async (request: Request, route: RouteContext): Promise<Response> => {
    const { log, requestId } = childFor(request.headers);
    try {
      const { user, tokenId } = await authenticate(request);
      if (!can(user.roles, def.permission)) throw new AppError("FORBIDDEN", "Your roles do not allow this.");
      const body = (def.body ? def.body.parse(await readJson(request)) : undefined) as Body extends z.ZodType ? z.infer<Body> : undefined;
      const url = new URL(request.url);
      const query = def.query ? def.query.parse(Object.fromEntries(url.searchParams)) : {};
      const rawParams = (await route?.params) ?? {};
      const params = Object.fromEntries(Object.entries(rawParams).map(([k, v]) => [k, Array.isArray(v) ? v.join("/") : v]));
      const actor: Actor = { kind: "token", userId: user.id, tokenId, requestId };
      const result = def.response.parse(await run({ actor, user, body, query, params, requestId }));
      const status = def.status ?? 200;
      return status === 204
        ? new Response(null, { status, headers: { "x-request-id": requestId } })
        : Response.json(result, { status, headers: { "cache-control": "no-store", "x-request-id": requestId } });
    } catch (error) {
      const { status, body, isUnexpected } = toErrorResponse(error);
      if (isUnexpected) log.error({ err: error, path: def.path }, "staff API request failed");
      return Response.json(body, { status, headers: { "cache-control": "no-store", "x-request-id": requestId } });
    }
  };
}
