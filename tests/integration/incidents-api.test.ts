import { describe, expect, it } from "vitest";
import * as templateOne from "@/app/api/admin/v1/incident-templates/[id]/route";
import * as templates from "@/app/api/admin/v1/incident-templates/route";
import * as assign from "@/app/api/admin/v1/incidents/[id]/assign/route";
import * as drafts from "@/app/api/admin/v1/incidents/[id]/drafts/route";
import * as notes from "@/app/api/admin/v1/incidents/[id]/notes/route";
import * as postmortemPublish from "@/app/api/admin/v1/incidents/[id]/postmortem/publish/route";
import * as postmortem from "@/app/api/admin/v1/incidents/[id]/postmortem/route";
import * as one from "@/app/api/admin/v1/incidents/[id]/route";
import * as publish from "@/app/api/admin/v1/incidents/[id]/updates/[updateId]/publish/route";
import * as updateOne from "@/app/api/admin/v1/incidents/[id]/updates/[updateId]/route";
import * as updates from "@/app/api/admin/v1/incidents/[id]/updates/route";
import * as list from "@/app/api/admin/v1/incidents/route";
import * as openapi from "@/app/api/admin/v1/openapi.json/route";
import { db } from "@/lib/db";
import type { IncidentView } from "@/server/incidents/schema";
import { createComponent } from "@/tests/factories/catalog";
import { createStaff } from "@/tests/factories/staff";
import { call } from "@/tests/support/route";

describe("incidents staff API", () => {
  it("answers 401 without a token and 403 to roles without the permission", async () => {
    expect((await call(list.GET)).status).toBe(401);
    expect((await call(list.POST, { method: "POST", body: { name: "x" } })).status).toBe(401);
    const admin = await createStaff(["admin"]);
    const created = await call(list.POST, { method: "POST", token: admin.token, body: { name: "Admins do not open incidents" } });
    expect(created).toMatchObject({ status: 403, json: { error: { code: "FORBIDDEN" } } });
    expect((await call(templates.POST, { method: "POST", token: admin.token, body: { name: "t", body: "b" } })).status).toBe(403);
  });

  it("lets a responder open, note and draft, refuses publishing with 403, and a communicator publishes", async () => {
    const responder = await createStaff(["responder"]);
    const communicator = await createStaff(["communicator"]);
    const web = await createComponent();
    const opened = await call(list.POST, { method: "POST", token: responder.token, body: { name: "502 errors", impact: "major", componentIds: [web.id], details: "first look" } });
    expect(opened.status).toBe(201);
    const id = (opened.json as { id: string }).id;
    const params = { id };
    expect((await call(notes.POST, { method: "POST", token: responder.token, params, body: { body: "internal" } })).status).toBe(201);
    const draft = await call(drafts.POST, { method: "POST", token: responder.token, params, body: { body: "We are investigating.", status: "investigating", components: [{ componentId: web.id, status: "major_outage" }] } });
    expect(draft.status).toBe(201);
    const updateId = (draft.json as { id: string }).id;

    expect((await call(publish.POST, { method: "POST", token: responder.token, params: { id, updateId }, body: {} })).status).toBe(403);
    expect((await call(updates.POST, { method: "POST", token: responder.token, params, body: { body: "x", status: "investigating" } })).status).toBe(403);
    expect((await call(postmortemPublish.POST, { method: "POST", token: responder.token, params })).status).toBe(403);
    expect((await call(assign.POST, { method: "POST", token: responder.token, params, body: { role: "commander", userId: responder.id } })).status).toBe(204);

    expect((await call(publish.POST, { method: "POST", token: communicator.token, params: { id, updateId }, body: { body: "We are investigating 502 errors." } })).status).toBe(204);
    // A responder may not rewrite what is public; a communicator may, and the old text is kept.
    expect((await call(updateOne.PATCH, { method: "PATCH", token: responder.token, params: { id, updateId }, body: { body: "rewritten" } })).status).toBe(403);
    expect((await call(updateOne.PATCH, { method: "PATCH", token: communicator.token, params: { id, updateId }, body: { body: "We are investigating 502 errors on the website." } })).status).toBe(204);

    const view = await call(one.GET, { token: responder.token, params });
    expect(view.status).toBe(200);
    const incident = view.json as IncidentView;
    expect(incident).toMatchObject({ visibility: "published", status: "investigating", commander: { id: responder.id } });
    const published = incident.updates.find((u) => u.id === updateId);
    expect(published).toMatchObject({ state: "published", author: { id: responder.id }, approver: { id: communicator.id }, revisions: [{ body: "We are investigating 502 errors." }] });
    expect(incident.updates.some((u) => u.kind === "internal_note" && u.body === "first look")).toBe(true);

    expect((await call(updates.POST, { method: "POST", token: communicator.token, params, body: { body: "Resolved.", status: "resolved" } })).status).toBe(201);
    expect((await call(postmortem.PUT, { method: "PUT", token: responder.token, params, body: { body: "## Root cause\nN+1", actionItems: [{ title: "Query budget", owner: "Web" }] } })).status).toBe(204);
    expect((await call(postmortemPublish.POST, { method: "POST", token: communicator.token, params })).status).toBe(204);
    expect((await db.incident.findUniqueOrThrow({ where: { id } })).status).toBe("postmortem");
  });

  it("validates input with field errors (422) and answers 404 for unknown incidents", async () => {
    const communicator = await createStaff(["communicator"]);
    const bad = await call(list.POST, { method: "POST", token: communicator.token, body: { name: "", impact: "catastrophic" } });
    expect(bad.status).toBe(422);
    const fields = (bad.json as { error: { fieldErrors: Record<string, string[]> } }).error.fieldErrors;
    expect(Object.keys(fields)).toEqual(expect.arrayContaining(["name", "impact"]));
    const { id } = (await call(list.POST, { method: "POST", token: communicator.token, body: { name: "Valid" } })).json as { id: string };
    expect((await call(updates.POST, { method: "POST", token: communicator.token, params: { id }, body: { body: "x", status: "exploded" } })).status).toBe(422);
    expect((await call(updates.POST, { method: "POST", token: communicator.token, params: { id }, body: { body: "x", status: "investigating", displayAt: "yesterday" } })).status).toBe(422);
    const future = await call(updates.POST, { method: "POST", token: communicator.token, params: { id }, body: { body: "x", status: "investigating", displayAt: new Date(Date.now() + 86_400_000).toISOString() } });
    expect(future).toMatchObject({ status: 422, json: { error: { fieldErrors: { displayAt: ["An update cannot be dated in the future."] } } } });
    expect((await call(one.PATCH, { method: "PATCH", token: communicator.token, params: { id }, body: { updateCadenceMinutes: 1 } })).status).toBe(422);
    expect((await call(one.GET, { token: communicator.token, params: { id: "missing" } })).status).toBe(404);
  });

  it("manages templates and lists them in the OpenAPI document", async () => {
    const responder = await createStaff(["responder"]);
    const created = await call(templates.POST, { method: "POST", token: responder.token, body: { name: `DNS ${Date.now()}`, status: "identified", body: "A DNS provider issue." } });
    expect(created.status).toBe(201);
    const templateId = (created.json as { id: string }).id;
    expect((await call(templateOne.PUT, { method: "PUT", token: responder.token, params: { id: templateId }, body: { name: `DNS2 ${Date.now()}`, body: "Changed." } })).status).toBe(204);
    const listed = (await call(templates.GET, { token: responder.token })).json as { id: string; body: string }[];
    expect(listed.find((t) => t.id === templateId)?.body).toBe("Changed.");
    expect((await call(templateOne.DELETE, { method: "DELETE", token: responder.token, params: { id: templateId } })).status).toBe(204);
    const doc = (await openapi.GET(new Request("http://localhost/api/admin/v1/openapi.json")).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/incidents", "/incidents/{id}/updates/{updateId}/publish", "/incident-templates/{id}"]));
  });
});
