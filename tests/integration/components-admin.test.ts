import { describe, expect, it, vi } from "vitest";
import * as archive from "@/app/api/admin/v1/components/[id]/archive/route";
import * as move from "@/app/api/admin/v1/components/[id]/move/route";
import * as restore from "@/app/api/admin/v1/components/[id]/restore/route";
import * as component from "@/app/api/admin/v1/components/[id]/route";
import * as components from "@/app/api/admin/v1/components/route";
import * as groupArchive from "@/app/api/admin/v1/groups/[id]/archive/route";
import * as groupMove from "@/app/api/admin/v1/groups/[id]/move/route";
import * as groupRestore from "@/app/api/admin/v1/groups/[id]/restore/route";
import * as group from "@/app/api/admin/v1/groups/[id]/route";
import * as groups from "@/app/api/admin/v1/groups/route";
import { db } from "@/lib/db";
import {
  createComponentAction,
  createGroupAction,
  updateGroupAction,
  moveComponentAction,
  moveGroupAction,
  setComponentArchivedAction,
  setGroupArchivedAction,
  updateComponentAction,
} from "@/server/components/admin/actions";
import type { Catalog } from "@/server/components/admin/schema";
import { createComponent, createGroup, unique } from "@/tests/factories/catalog";
import { createStaff } from "@/tests/factories/staff";
import { call } from "@/tests/support/route";
import { actAs, currentSession } from "@/tests/support/session";

vi.hoisted(() => {
  process.env.AUTH_SECRET ??= "integration-tests-secret-of-32-characters";
});
vi.mock("next-auth", async (original) => ({ ...(await original<object>()), getServerSession: () => currentSession() }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const order = async (groupId: string) =>
  (await db.component.findMany({ where: { groupId, archivedAt: null }, orderBy: { position: "asc" }, select: { name: true } })).map((c) => c.name);

describe("components and groups admin", () => {
  it("creates components at the end of their group with internal fields, and edits them", async () => {
    const admin = await createStaff(["admin"]);
    const { id: groupId } = (await call(groups.POST, { method: "POST", token: admin.token, body: { name: unique("Group") } })).json as { id: string };
    const first = await call(components.POST, { method: "POST", token: admin.token, body: { name: "First", groupId } });
    const second = await call(components.POST, {
      method: "POST",
      token: admin.token,
      body: { name: "Second", groupId, ownerTeam: "Core", contacts: "#core", runbookUrl: "https://runbooks.example.org/second", startDate: "2026-01-01" },
    });
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(await order(groupId)).toEqual(["First", "Second"]);
    const id = (second.json as { id: string }).id;
    expect((await call(component.GET, { token: admin.token, params: { id } })).json).toMatchObject({
      ownerTeam: "Core",
      contacts: "#core",
      runbookUrl: "https://runbooks.example.org/second",
      startDate: "2026-01-01",
      showcase: true,
    });

    const patched = await call(component.PATCH, { method: "PATCH", token: admin.token, params: { id }, body: { name: "Second, renamed", runbookUrl: null, onlyShowIfDegraded: true } });
    expect(patched.status).toBe(204);
    const stored = await db.component.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({ name: "Second, renamed", runbookUrl: null, ownerTeam: "Core", onlyShowIfDegraded: true });
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: id, action: "component.update" } });
    expect(audit.before).toMatchObject({ name: "Second", runbookUrl: "https://runbooks.example.org/second" });
    expect(audit.after).toMatchObject({ name: "Second, renamed", runbookUrl: null });
  });

  it("validates input: a runbook must be a web link and a group must exist", async () => {
    const admin = await createStaff(["admin"]);
    const bad = await call(components.POST, { method: "POST", token: admin.token, body: { name: "", runbookUrl: "javascript:alert(1)" } });
    expect(bad.status).toBe(422);
    expect(Object.keys((bad.json as { error: { fieldErrors: object } }).error.fieldErrors).sort()).toEqual(["name", "runbookUrl"]);
    const noGroup = await call(components.POST, { method: "POST", token: admin.token, body: { name: "Orphan", groupId: "missing" } });
    expect(noGroup.status).toBe(422);
  });

  it("moves components within their group and groups among themselves, one step at a time", async () => {
    const admin = await createStaff(["admin"]);
    const g = await createGroup();
    const [a, b, c] = [await createComponent({ name: "A", groupId: g.id, position: 0 }), await createComponent({ name: "B", groupId: g.id, position: 1 }), await createComponent({ name: "C", groupId: g.id, position: 2 })];
    expect((await call(move.POST, { method: "POST", token: admin.token, params: { id: c.id }, body: { direction: "up" } })).json).toEqual({ moved: true });
    expect(await order(g.id)).toEqual(["A", "C", "B"]);
    expect((await call(move.POST, { method: "POST", token: admin.token, params: { id: a.id }, body: { direction: "up" } })).json).toEqual({ moved: false });
    expect((await call(move.POST, { method: "POST", token: admin.token, params: { id: b.id }, body: { direction: "sideways" } })).status).toBe(422);

    const catalog = async () => ((await call(components.GET, { token: admin.token })).json as Catalog).groups.filter((x) => !x.archivedAt).map((x) => x.id);
    const before = await catalog();
    const last = before.at(-1) as string;
    await call(groupMove.POST, { method: "POST", token: admin.token, params: { id: last }, body: { direction: "up" } });
    const after = await catalog();
    expect(after.indexOf(last)).toBe(before.length - 2);
  });

  it("archives components off the public list but keeps their history, and restores them at the end", async () => {
    const admin = await createStaff(["admin"]);
    const g = await createGroup();
    const x = await createComponent({ name: "X", groupId: g.id, position: 0 });
    await createComponent({ name: "Y", groupId: g.id, position: 1 });
    await db.componentStatusChange.create({ data: { componentId: x.id, oldStatus: "operational", newStatus: "major_outage", source: "staff" } });
    expect((await call(archive.POST, { method: "POST", token: admin.token, params: { id: x.id } })).status).toBe(204);
    expect(await order(g.id)).toEqual(["Y"]);
    expect(await db.componentStatusChange.count({ where: { componentId: x.id } })).toBe(1);
    // A group with live components cannot be archived.
    expect((await call(groupArchive.POST, { method: "POST", token: admin.token, params: { id: g.id } })).status).toBe(409);
    expect((await call(restore.POST, { method: "POST", token: admin.token, params: { id: x.id } })).status).toBe(204);
    expect(await order(g.id)).toEqual(["Y", "X"]);
    expect((await db.auditLog.findMany({ where: { entityId: x.id }, orderBy: { id: "asc" } })).map((e) => e.action)).toEqual(["component.archive", "component.restore"]);
  });

  it("refuses responders and communicators on every endpoint (403)", async () => {
    const g = await createGroup();
    const c = await createComponent({ groupId: g.id });
    for (const role of ["responder", "communicator"] as const) {
      const { token } = await createStaff([role]);
      const attempts = [
        call(components.GET, { token }),
        call(components.POST, { method: "POST", token, body: { name: "Nope" } }),
        call(component.PATCH, { method: "PATCH", token, params: { id: c.id }, body: { name: "Nope" } }),
        call(archive.POST, { method: "POST", token, params: { id: c.id } }),
        call(move.POST, { method: "POST", token, params: { id: c.id }, body: { direction: "up" } }),
        call(groups.POST, { method: "POST", token, body: { name: "Nope" } }),
        call(group.PATCH, { method: "PATCH", token, params: { id: g.id }, body: { name: "Nope" } }),
        call(groupArchive.POST, { method: "POST", token, params: { id: g.id } }),
        call(component.GET, { token, params: { id: c.id } }),
        call(restore.POST, { method: "POST", token, params: { id: c.id } }),
        call(group.GET, { token, params: { id: g.id } }),
        call(groupMove.POST, { method: "POST", token, params: { id: g.id }, body: { direction: "up" } }),
        call(groupRestore.POST, { method: "POST", token, params: { id: g.id } }),
      ];
      expect((await Promise.all(attempts)).map((r) => r.status)).toEqual(Array(attempts.length).fill(403));
    }
    expect((await db.component.findUniqueOrThrow({ where: { id: c.id } })).name).toBe(c.name);
  });

  it("runs the console actions for an admin and refuses them to a communicator", async () => {
    const g = await createGroup();
    const c = await createComponent({ groupId: g.id });
    const communicator = await createStaff(["communicator"]);
    actAs(communicator.id);
    const form = new FormData();
    form.set("name", "From the console");
    form.set("groupId", g.id);
    form.set("showcase", "on");
    form.set("ownerTeam", "Ops");
    for (const result of [
      await createComponentAction(null, form),
      await updateComponentAction(c.id, null, form),
      await setComponentArchivedAction(c.id, true),
      await moveComponentAction(c.id, "down"),
      await moveGroupAction(g.id, "down"),
      await setGroupArchivedAction(g.id, true),
      await createGroupAction(null, form),
      await updateGroupAction(g.id, null, form),
    ]) {
      expect(result).toMatchObject({ ok: false, status: 403 });
    }
    const admin = await createStaff(["admin"]);
    actAs(admin.id);
    const created = await createComponentAction(null, form);
    expect(created.ok).toBe(true);
    const stored = await db.component.findUniqueOrThrow({ where: { id: created.ok ? created.data.id : "" } });
    expect(stored).toMatchObject({ name: "From the console", groupId: g.id, showcase: true, onlyShowIfDegraded: false, ownerTeam: "Ops" });
    expect(await updateComponentAction(c.id, null, form)).toEqual({ ok: true, data: null });
    expect(await setComponentArchivedAction(c.id, true)).toEqual({ ok: true, data: null });
    actAs(null);
  });
});
