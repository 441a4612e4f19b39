import { describe, expect, it } from "vitest";
import * as me from "@/app/api/admin/v1/me/route";
import * as openapi from "@/app/api/admin/v1/openapi.json/route";
import * as token from "@/app/api/admin/v1/tokens/[id]/route";
import * as tokens from "@/app/api/admin/v1/tokens/route";
import * as user from "@/app/api/admin/v1/users/[id]/route";
import * as users from "@/app/api/admin/v1/users/route";
import { db } from "@/lib/db";
import { createStaff } from "@/tests/factories/staff";
import { call } from "@/tests/support/route";

describe("staff API authentication and roles", () => {
  it("answers 401 without a token or with an unknown one", async () => {
    expect((await call(me.GET)).status).toBe(401);
    const res = await call(me.GET, { token: "sp_not-a-real-token" });
    expect(res.status).toBe(401);
    expect(res.json).toEqual({ error: { code: "UNAUTHENTICATED", message: "The API token is not valid." } });
  });

  it("identifies the token's owner", async () => {
    const admin = await createStaff(["admin"]);
    const res = await call(me.GET, { token: admin.token });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ email: admin.email, roles: ["admin"] });
  });

  it("answers 403 to a role without the permission, and 200 to one with it", async () => {
    const responder = await createStaff(["responder"]);
    const admin = await createStaff(["admin"]);
    expect((await call(users.GET, { token: responder.token })).status).toBe(403);
    const listed = await call(users.GET, { token: admin.token });
    expect(listed.status).toBe(200);
    expect((listed.json as { email: string }[]).some((u) => u.email === responder.email)).toBe(true);
  });

  it("validates input with field errors (422) and reports duplicates (409)", async () => {
    const admin = await createStaff(["admin"]);
    const bad = await call(users.POST, { method: "POST", token: admin.token, body: { email: "nope", name: "", roles: [] } });
    expect(bad.status).toBe(422);
    const fields = (bad.json as { error: { fieldErrors: Record<string, string[]> } }).error.fieldErrors;
    expect(Object.keys(fields).sort()).toEqual(["email", "name", "roles"]);
    const body = { email: `dup-${Date.now()}@example.test`, name: "Dup", roles: ["responder"] };
    expect((await call(users.POST, { method: "POST", token: admin.token, body })).status).toBe(201);
    expect((await call(users.POST, { method: "POST", token: admin.token, body })).status).toBe(409);
  });

  it("re-reads roles on every request, so a removed role is refused at once", async () => {
    const admin = await createStaff(["admin"]);
    const target = await createStaff(["admin", "responder"]);
    expect((await call(users.GET, { token: target.token })).status).toBe(200);
    const patched = await call(user.PATCH, { method: "PATCH", token: admin.token, params: { id: target.id }, body: { roles: ["responder"] } });
    expect(patched.status).toBe(204);
    expect((await call(users.GET, { token: target.token })).status).toBe(403);
    expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).sessionVersion).toBe(1);
  });

  it("refuses a disabled account's token", async () => {
    const admin = await createStaff(["admin"]);
    const target = await createStaff(["communicator"]);
    await call(user.PATCH, { method: "PATCH", token: admin.token, params: { id: target.id }, body: { disabled: true } });
    expect((await call(me.GET, { token: target.token })).status).toBe(401);
  });

  it("creates tokens shown once, stores only their hash, and revokes them", async () => {
    const staff = await createStaff(["responder"]);
    const created = await call(tokens.POST, { method: "POST", token: staff.token, body: { name: "bot" } });
    expect(created.status).toBe(201);
    const { id, token: secret } = created.json as { id: string; token: string };
    const row = await db.apiToken.findUniqueOrThrow({ where: { id } });
    expect(row.tokenHash).not.toContain(secret);
    expect(JSON.stringify(row)).not.toContain(secret);
    expect((await call(me.GET, { token: secret })).status).toBe(200);
    const listed = await call(tokens.GET, { token: staff.token });
    expect(JSON.stringify(listed.json)).not.toContain(secret);
    expect((await call(token.DELETE, { method: "DELETE", token: staff.token, params: { id } })).status).toBe(204);
    expect((await call(me.GET, { token: secret })).status).toBe(401);
  });

  it("lets only admins revoke other people's tokens", async () => {
    const owner = await createStaff(["responder"]);
    const other = await createStaff(["communicator"]);
    const admin = await createStaff(["admin"]);
    const ownerToken = await db.apiToken.findFirstOrThrow({ where: { userId: owner.id } });
    expect((await call(token.DELETE, { method: "DELETE", token: other.token, params: { id: ownerToken.id } })).status).toBe(403);
    expect((await call(token.DELETE, { method: "DELETE", token: admin.token, params: { id: ownerToken.id } })).status).toBe(204);
  });

  it("records every write in the audit log", async () => {
    const admin = await createStaff(["admin"]);
    const body = { email: `audited-${Date.now()}@example.test`, name: "Audited", roles: ["communicator"] };
    const created = await call(users.POST, { method: "POST", token: admin.token, body });
    const entry = await db.auditLog.findFirstOrThrow({ where: { entityId: (created.json as { id: string }).id, action: "user.create" } });
    expect(entry.actorId).toBe(admin.id);
    expect(entry.actorKind).toBe("token");
  });

  it("describes itself in OpenAPI 3.1", async () => {
    const doc = (await (openapi.GET(new Request("http://localhost/api/admin/v1/openapi.json"))).json()) as {
      openapi: string;
      paths: Record<string, Record<string, { requestBody?: unknown }>>;
    };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/me", "/tokens", "/tokens/{id}", "/users", "/users/{id}"]));
    expect(doc.paths["/users"]?.post?.requestBody).toBeDefined();
  });
});
