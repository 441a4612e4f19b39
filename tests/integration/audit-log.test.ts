import { describe, expect, it } from "vitest";
import * as audit from "@/app/api/admin/v1/audit/route";
import * as openapi from "@/app/api/admin/v1/openapi.json/route";
import { db } from "@/lib/db";
import { systemActor } from "@/server/auth/actor";
import { createGroup, updateGroup } from "@/server/components/admin/mutations";
import type { AuditPage } from "@/server/audit/schema";
import { unique } from "@/tests/factories/catalog";
import { createStaff } from "@/tests/factories/staff";
import { call } from "@/tests/support/route";

const list = async (token: string, query: Record<string, string>) => {
  const res = await call(audit.GET, { token, path: `/api/admin/v1/audit?${new URLSearchParams(query).toString()}` });
  return { status: res.status, page: res.json as AuditPage };
};

describe("audit log", () => {
  it("filters by actor, entity, action and time, newest first, with before and after", async () => {
    const admin = await createStaff(["admin"]);
    const other = await createStaff(["admin"]);
    const actor = { kind: "user" as const, userId: other.id };
    const { id } = await createGroup(actor, { name: unique("Audited group"), description: undefined });
    await updateGroup(actor, id, { name: "Renamed group" });
    await updateGroup(systemActor("test"), id, { description: "By a job" });

    const byActor = await list(admin.token, { actor: other.id, entityType: "component_group" });
    expect(byActor.status).toBe(200);
    expect(byActor.page.entries.map((e) => e.action)).toEqual(["group.update", "group.create"]);
    expect(byActor.page.entries[0]).toMatchObject({ actor: { id: other.id, email: other.email }, actorKind: "user", entityId: id });
    expect((byActor.page.entries[0]?.before as { name: string }).name).toContain("Audited group");
    expect(byActor.page.entries[0]?.after).toMatchObject({ name: "Renamed group" });

    expect((await list(admin.token, { actor: "system", entityId: id })).page.entries.map((e) => e.actorKind)).toEqual(["system:test"]);
    expect((await list(admin.token, { action: "group.", entityId: id })).page.entries).toHaveLength(3);
    expect((await list(admin.token, { action: "group.create", entityId: id })).page.entries).toHaveLength(1);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await list(admin.token, { from: future, entityId: id })).page.entries).toHaveLength(0);
    expect((await list(admin.token, { to: future, entityId: id })).page.entries).toHaveLength(3);
  });

  it("pages with a cursor without skipping or repeating entries", async () => {
    const admin = await createStaff(["admin"]);
    const actor = { kind: "user" as const, userId: admin.id };
    for (let i = 0; i < 5; i++) await createGroup(actor, { name: unique(`Paged ${i}`), description: undefined });
    const first = await list(admin.token, { actor: admin.id, limit: "2" });
    const second = await list(admin.token, { actor: admin.id, limit: "2", cursor: first.page.nextCursor ?? "" });
    const third = await list(admin.token, { actor: admin.id, limit: "2", cursor: second.page.nextCursor ?? "" });
    const ids = [...first.page.entries, ...second.page.entries, ...third.page.entries].map((e) => e.id);
    expect(ids).toHaveLength(5);
    expect(new Set(ids).size).toBe(5);
    expect(third.page.nextCursor).toBeNull();
    expect(ids).toEqual([...ids].sort((a, b) => Number(BigInt(b) - BigInt(a))));
  });

  it("is only for admins, and refuses a malformed filter", async () => {
    for (const role of ["responder", "communicator"] as const) {
      const staff = await createStaff([role]);
      expect((await list(staff.token, {})).status).toBe(403);
    }
    expect((await call(audit.GET, {})).status).toBe(401);
    const admin = await createStaff(["admin"]);
    expect((await list(admin.token, { from: "yesterday-ish" })).status).toBe(422);
    expect((await list(admin.token, { cursor: "abc" })).status).toBe(422);
  });

  it("never stores tokens or passwords in before/after", async () => {
    const admin = await createStaff(["admin"], "a-long-password-for-audit");
    const entries = await db.auditLog.findMany({ where: { entityId: admin.id } });
    expect(JSON.stringify(entries, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v))).not.toContain("a-long-password-for-audit");
  });

  it("is described in the OpenAPI document with its filters", async () => {
    const doc = (await openapi.GET(new Request("http://localhost/api/admin/v1/openapi.json")).json()) as {
      paths: Record<string, Record<string, { parameters?: { name: string }[] }>>;
    };
    expect(doc.paths["/audit"]?.get?.parameters?.map((p) => p.name)).toEqual(expect.arrayContaining(["actor", "entityType", "action", "from", "to", "cursor"]));
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/components", "/groups/{id}/move", "/page", "/maintenance/{id}/extend"]));
  });
});
