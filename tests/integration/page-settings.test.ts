import { describe, expect, it, vi } from "vitest";
import * as page from "@/app/api/admin/v1/page/route";
import { db } from "@/lib/db";
import { updatePageSettingsAction } from "@/server/page/actions";
import { ensurePage } from "@/tests/factories/catalog";
import { createStaff } from "@/tests/factories/staff";
import { call } from "@/tests/support/route";
import { actAs, currentSession } from "@/tests/support/session";

vi.hoisted(() => {
  process.env.AUTH_SECRET ??= "integration-tests-secret-of-32-characters";
});
vi.mock("next-auth", async (original) => ({ ...(await original<object>()), getServerSession: () => currentSession() }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const valid = {
  name: "Registry Status",
  url: "https://status.example.org",
  timeZone: "Europe/Berlin",
  description: "How the registry is doing.",
  logoUrl: "https://status.example.org/logo.svg",
  brandColor: "#0F766E",
  footerLinks: [{ label: "Forum", url: "https://forum.example.org" }],
};

function form(fields: Record<string, string | string[]>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const value of [v].flat()) f.append(k, value);
  return f;
}

describe("page settings", () => {
  it("lets an admin replace the settings through the API, audited with before and after", async () => {
    await ensurePage();
    const admin = await createStaff(["admin"]);
    const res = await call(page.PUT, { method: "PUT", token: admin.token, body: valid });
    expect(res.status).toBe(204);
    const stored = await db.pageSettings.findUniqueOrThrow({ where: { id: "default" } });
    expect(stored).toMatchObject({ name: "Registry Status", timeZone: "Europe/Berlin", brandColor: "#0f766e" });
    expect(stored.footerLinks).toEqual(valid.footerLinks);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "page.update", actorId: admin.id } });
    expect(audit.after).toMatchObject({ timeZone: "Europe/Berlin" });
    expect(audit.before).toBeTruthy();
    expect((await call(page.GET, { token: admin.token })).json).toMatchObject({ name: "Registry Status", footerLinks: valid.footerLinks });
  });

  it("refuses an unknown time zone, a bad colour and a link without an address, with field errors", async () => {
    const admin = await createStaff(["admin"]);
    const res = await call(page.PUT, {
      method: "PUT",
      token: admin.token,
      body: { ...valid, timeZone: "Mars/Olympus", brandColor: "teal", footerLinks: [{ label: "Forum", url: "" }] },
    });
    expect(res.status).toBe(422);
    const fields = (res.json as { error: { fieldErrors: Record<string, string[]> } }).error.fieldErrors;
    expect(Object.keys(fields).sort()).toEqual(["brandColor", "footerLinks", "timeZone"]);
  });

  it("refuses other roles on the API (403) and without a token (401)", async () => {
    for (const role of ["responder", "communicator"] as const) {
      const staff = await createStaff([role]);
      expect((await call(page.PUT, { method: "PUT", token: staff.token, body: valid })).status).toBe(403);
      expect((await call(page.GET, { token: staff.token })).status).toBe(403);
    }
    expect((await call(page.PUT, { method: "PUT", body: valid })).status).toBe(401);
  });

  it("saves from the console form for an admin and refuses a communicator's action", async () => {
    const fields = {
      name: "Console Status",
      url: "https://status.example.org",
      timeZone: "us/eastern",
      description: "",
      logoUrl: "",
      brandColor: "#2563eb",
      footerLabel: ["Forum", "", "Docs"],
      footerUrl: ["https://forum.example.org", "", "https://docs.example.org"],
    };
    const communicator = await createStaff(["communicator"]);
    actAs(communicator.id);
    const refused = await updatePageSettingsAction(null, form(fields));
    expect(refused).toMatchObject({ ok: false, status: 403 });
    expect((await db.pageSettings.findUniqueOrThrow({ where: { id: "default" } })).name).not.toBe("Console Status");

    const admin = await createStaff(["admin"]);
    actAs(admin.id);
    expect(await updatePageSettingsAction(null, form(fields))).toEqual({ ok: true, data: null });
    const stored = await db.pageSettings.findUniqueOrThrow({ where: { id: "default" } });
    expect(stored).toMatchObject({ name: "Console Status", timeZone: "America/New_York", description: null, logoUrl: null });
    expect(stored.footerLinks).toEqual([
      { label: "Forum", url: "https://forum.example.org" },
      { label: "Docs", url: "https://docs.example.org" },
    ]);
    actAs(null);
    expect(await updatePageSettingsAction(null, form(fields))).toMatchObject({ ok: false, status: 401 });
  });
});
