import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/server/auth/actor";
import {
  addNoteAction,
  assignIncidentAction,
  createIncidentAction,
  draftUpdateAction,
  editPublishedUpdateAction,
  postUpdateAction,
  publishPostmortemAction,
  saveDraftAction,
} from "@/server/incidents/actions";
import { getIncident, listTemplates } from "@/server/incidents/data";
import { addNote, assignIncident, createIncident, editIncident, runCadenceReminders } from "@/server/incidents/mutations";
import { publishPostmortem, savePostmortem } from "@/server/incidents/postmortem/mutations";
import { discardDraft, draftUpdate, editUpdate, postUpdate, publishUpdate } from "@/server/incidents/updates/mutations";
import { loadSnapshotSource } from "@/server/public/data";
import { buildSnapshot } from "@/server/public/snapshot";
import { createComponent, ensurePage } from "@/tests/factories/catalog";
import { createStaff } from "@/tests/factories/staff";
import { actAs, currentSession } from "@/tests/support/session";

vi.hoisted(() => {
  process.env.AUTH_SECRET ??= "integration-tests-secret-of-32-characters";
});
vi.mock("next-auth", async (original) => ({ ...(await original<object>()), getServerSession: () => currentSession() }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const MINUTE = 60_000;
const as = (id: string): Actor => ({ kind: "user", userId: id });
const eventsOf = async (incidentId: string) =>
  (await db.outboxEvent.findMany({ orderBy: { id: "asc" } })).filter((e) => (e.payload as { incidentId?: string }).incidentId === incidentId).map((e) => e.type);
const auditOf = async (incidentId: string) => (await db.auditLog.findMany({ where: { entityType: "incident", entityId: incidentId }, orderBy: { id: "asc" } })).map((a) => a.action);
const publicIncident = async (id: string) => buildSnapshot(await loadSnapshotSource(new Date()), new Date()).incidents.find((i) => i.id === id);
const form = (fields: Record<string, string | string[]>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) f.append(k, one);
  return f;
};

async function team() {
  const [responder, communicator, admin] = await Promise.all([createStaff(["responder"]), createStaff(["communicator"]), createStaff(["admin"])]);
  return { responder, communicator, admin };
}

describe("incident workflow", () => {
  it("keeps notes and drafts internal, and publishing a draft emits exactly one event with the approver", async () => {
    await ensurePage();
    const { responder, communicator } = await team();
    const web = await createComponent();
    const { id } = await createIncident(as(responder.id), { name: "502 errors", impact: "major", componentIds: [web.id], details: "LB reports 502s from pool B" });
    await addNote(as(responder.id), id, { body: "SECRET-NOTE restarting pool B" });
    const draft = await draftUpdate(as(responder.id), id, { body: "We are investigating 502 errors.", status: "investigating", components: [{ componentId: web.id, status: "major_outage" }], deliverNotifications: true });
    expect(await eventsOf(id)).toEqual([]);
    expect(await publicIncident(id)).toBeUndefined();
    expect((await db.component.findUniqueOrThrow({ where: { id: web.id } })).status).toBe("operational");

    const t0 = new Date();
    await publishUpdate(as(communicator.id), id, draft.id, { body: "We are investigating elevated 502 errors.", restoreComponents: true }, t0);
    expect(await eventsOf(id)).toEqual(["incident.published"]);
    const update = await db.incidentUpdate.findUniqueOrThrow({ where: { id: draft.id }, include: { affectedComponents: true } });
    expect(update).toMatchObject({ state: "published", authorId: responder.id, approverId: communicator.id, body: "We are investigating elevated 502 errors." });
    expect(update.affectedComponents).toMatchObject([{ componentId: web.id, oldStatus: "operational", newStatus: "major_outage" }]);
    expect((await db.component.findUniqueOrThrow({ where: { id: web.id } })).status).toBe("major_outage");
    const incident = await db.incident.findUniqueOrThrow({ where: { id } });
    expect(incident).toMatchObject({ visibility: "published", status: "investigating" });
    expect(incident.nextUpdateDueAt?.getTime()).toBe(t0.getTime() + 30 * MINUTE);

    const pub = await publicIncident(id);
    expect(pub?.updates.map((u) => u.body)).toEqual(["We are investigating elevated 502 errors."]);
    const text = JSON.stringify(pub);
    expect(text).not.toContain("SECRET-NOTE");
    expect(text).not.toContain("pool B");

    // A later note and draft still emit nothing; the next publication emits one incident.updated.
    await addNote(as(communicator.id), id, { body: "another note" });
    const second = await draftUpdate(as(responder.id), id, { body: "Found it.", status: "identified", components: [], deliverNotifications: true });
    expect(await eventsOf(id)).toEqual(["incident.published"]);
    await publishUpdate(as(communicator.id), id, second.id, { restoreComponents: true });
    expect(await eventsOf(id)).toEqual(["incident.published", "incident.updated"]);
    expect(await auditOf(id)).toEqual(["incident.create", "incident.note", "incident.draft_update", "incident.publish", "incident.note", "incident.draft_update", "incident.publish_update"]);
  });

  it("resolving returns affected components to operational unless told not to", async () => {
    const { communicator } = await team();
    const [a, b] = [await createComponent(), await createComponent()];
    const { id } = await createIncident(as(communicator.id), { name: "Outage", impact: "critical", componentIds: [a.id, b.id] });
    await postUpdate(as(communicator.id), id, { body: "Down.", status: "investigating", components: [{ componentId: a.id, status: "major_outage" }, { componentId: b.id, status: "partial_outage" }], deliverNotifications: true, restoreComponents: true });
    await postUpdate(as(communicator.id), id, { body: "Fixed.", status: "resolved", components: [], deliverNotifications: true, restoreComponents: true });
    expect((await db.component.findMany({ where: { id: { in: [a.id, b.id] } } })).map((c) => c.status)).toEqual(["operational", "operational"]);
    const incident = await db.incident.findUniqueOrThrow({ where: { id } });
    expect(incident.status).toBe("resolved");
    expect(incident.resolvedAt).not.toBeNull();
    expect(incident.nextUpdateDueAt).toBeNull();

    const c = await createComponent();
    const other = await createIncident(as(communicator.id), { name: "Partial", impact: "minor", componentIds: [c.id] });
    await postUpdate(as(communicator.id), other.id, { body: "Slow.", status: "investigating", components: [{ componentId: c.id, status: "degraded_performance" }], deliverNotifications: true, restoreComponents: true });
    await postUpdate(as(communicator.id), other.id, { body: "Done for now.", status: "resolved", components: [], deliverNotifications: true, restoreComponents: false });
    expect((await db.component.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("degraded_performance");
  });

  it("keeps a published update's history and back-fills with a past display time", async () => {
    const { communicator } = await team();
    const { id } = await createIncident(as(communicator.id), { name: "Backfill", impact: "minor", componentIds: [] });
    const past = new Date(Date.now() - 90 * MINUTE);
    const { id: updateId } = await postUpdate(as(communicator.id), id, { body: "Started earlier.", status: "investigating", displayAt: past, components: [], deliverNotifications: false, restoreComponents: true });
    expect((await db.incidentUpdate.findUniqueOrThrow({ where: { id: updateId } })).displayAt).toEqual(past);
    await editUpdate(as(communicator.id), id, updateId, { body: "Started earlier (corrected)." }, { mayEditPublished: true });
    const view = await getIncident(id);
    const update = view?.updates.find((u) => u.id === updateId);
    expect(update?.body).toBe("Started earlier (corrected).");
    expect(update?.revisions).toMatchObject([{ body: "Started earlier.", editor: { id: communicator.id } }]);
    expect((await publicIncident(id))?.updates[0]?.body).toBe("Started earlier (corrected).");
    await expect(editUpdate(as(communicator.id), id, updateId, { body: "x" }, { mayEditPublished: false })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("publishes a postmortem with its action items only when a communicator does", async () => {
    const { responder, communicator } = await team();
    const { id } = await createIncident(as(responder.id), { name: "PM", impact: "major", componentIds: [] });
    await postUpdate(as(communicator.id), id, { body: "Resolved.", status: "resolved", components: [], deliverNotifications: true, restoreComponents: true });
    await savePostmortem(as(responder.id), id, { body: "## Root cause\nA bad deploy.", actionItems: [{ title: "Add canaries", owner: "Infra", done: false }] }, { mayEditPublished: false });
    expect((await publicIncident(id))?.postmortem).toBeNull();
    actAs(responder.id);
    expect(await publishPostmortemAction(id)).toMatchObject({ ok: false, status: 403 });
    await publishPostmortem(as(communicator.id), id);
    const pub = await publicIncident(id);
    expect(pub?.postmortem?.bodyHtml).toContain("Root cause");
    expect(pub?.status).toBe("postmortem");
    expect(JSON.stringify(pub)).not.toContain("Infra");
    expect((await eventsOf(id)).filter((e) => e === "incident.postmortem_published")).toHaveLength(1);
    await expect(savePostmortem(as(responder.id), id, { body: "changed", actionItems: [] }, { mayEditPublished: false })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("reminds the comms lead once per overdue period", async () => {
    const { communicator } = await team();
    const { id } = await createIncident(as(communicator.id), { name: "Cadence", impact: "critical", componentIds: [] });
    await assignIncident(as(communicator.id), id, { role: "comms_lead", userId: communicator.id });
    const t0 = new Date(Date.now() - 45 * MINUTE);
    await postUpdate(as(communicator.id), id, { body: "Looking.", status: "investigating", components: [], deliverNotifications: true, restoreComponents: true }, t0);
    const due = t0.getTime() + 30 * MINUTE;
    expect((await db.incident.findUniqueOrThrow({ where: { id } })).nextUpdateDueAt?.getTime()).toBe(due);
    await runCadenceReminders(new Date());
    await runCadenceReminders(new Date());
    const reminders = (await db.outboxEvent.findMany({ where: { type: "staff.cadence_overdue" } })).filter((e) => (e.payload as { incidentId: string }).incidentId === id);
    expect(reminders.map((r) => r.payload)).toEqual([{ type: "staff.cadence_overdue", incidentId: id, commsLeadId: communicator.id, dueAt: new Date(due).toISOString() }]);
    // A new update resets the clock; a longer cadence moves the due time.
    await postUpdate(as(communicator.id), id, { body: "Still looking.", status: "investigating", components: [], deliverNotifications: true, restoreComponents: true });
    await editIncident(as(communicator.id), id, { updateCadenceMinutes: 90 });
    const after = await db.incident.findUniqueOrThrow({ where: { id } });
    expect(after.nextUpdateDueAt!.getTime()).toBeGreaterThan(Date.now() + 80 * MINUTE);
    expect(after.cadenceRemindedFor).toBeNull();
  });

  it("publishes a draft once however many communicators press publish at the same moment", async () => {
    const { responder, communicator } = await team();
    const other = await createStaff(["communicator"]);
    const { id } = await createIncident(as(responder.id), { name: "Race", impact: "major", componentIds: [] });
    const draft = await draftUpdate(as(responder.id), id, { body: "Investigating.", status: "investigating", components: [], deliverNotifications: true });
    const results = await Promise.allSettled([publishUpdate(as(communicator.id), id, draft.id, { restoreComponents: true }), publishUpdate(as(other.id), id, draft.id, { restoreComponents: true })]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await eventsOf(id)).toEqual(["incident.published"]);
  });

  it("sends one cadence reminder when several workers run at once", async () => {
    const { communicator } = await team();
    const { id } = await createIncident(as(communicator.id), { name: "Cadence race", impact: "major", componentIds: [] });
    await postUpdate(as(communicator.id), id, { body: "Looking.", status: "investigating", components: [], deliverNotifications: true, restoreComponents: true }, new Date(Date.now() - 31 * MINUTE));
    await Promise.all([runCadenceReminders(), runCadenceReminders(), runCadenceReminders()]);
    expect((await eventsOf(id)).filter((e) => e === "staff.cadence_overdue")).toHaveLength(1);
  });

  it("discards drafts but never a published update", async () => {
    const { responder, communicator } = await team();
    const { id } = await createIncident(as(responder.id), { name: "Discard", impact: "minor", componentIds: [] });
    const draft = await draftUpdate(as(responder.id), id, { body: "Wrong.", status: "investigating", components: [], deliverNotifications: true });
    await discardDraft(as(responder.id), id, draft.id);
    expect(await db.incidentUpdate.count({ where: { id: draft.id } })).toBe(0);
    const { id: publishedId } = await postUpdate(as(communicator.id), id, { body: "Right.", status: "investigating", components: [], deliverNotifications: true, restoreComponents: true });
    await expect(discardDraft(as(communicator.id), id, publishedId)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await auditOf(id)).toContain("incident.discard_draft");
  });

  it("seeds the default templates and starts an incident from one", async () => {
    const { responder } = await team();
    const templates = await listTemplates();
    expect(templates.map((t) => t.body)).toEqual(expect.arrayContaining(["We are currently investigating this issue.", "The issue has been identified and a fix is being implemented.", "A fix has been implemented and we are monitoring the results.", "This incident has been resolved."]));
    const investigating = templates.find((t) => t.body === "We are currently investigating this issue.")!;
    const { id } = await createIncident(as(responder.id), { name: "From template", impact: "minor", componentIds: [], templateId: investigating.id });
    expect((await getIncident(id))?.updates).toMatchObject([{ kind: "public_update", state: "draft", body: investigating.body, author: { id: responder.id } }]);
  });
});

describe("incident console actions refuse the wrong roles", () => {
  it("lets responders open, note and draft but not publish; admins do none of it", async () => {
    const { responder, communicator, admin } = await team();
    const web = await createComponent();
    actAs(admin.id);
    expect(await draftUpdateAction("x", null, form({ body: "b", status: "investigating" }))).toMatchObject({ ok: false, status: 403 });
    actAs(null);
    expect(await addNoteAction("x", null, form({ body: "b" }))).toMatchObject({ ok: false, status: 401 });

    actAs(responder.id);
    await expect(createIncidentAction(null, form({ name: "From the console", impact: "major", componentIds: web.id, details: "first note" }))).rejects.toThrow(/NEXT_REDIRECT/);
    const incident = await db.incident.findFirstOrThrow({ where: { name: "From the console", createdById: responder.id } });
    expect(await addNoteAction(incident.id, null, form({ body: "note" }))).toMatchObject({ ok: true });
    const drafted = await draftUpdateAction(incident.id, null, form({ body: "Investigating.", status: "investigating", [`component:${web.id}`]: "partial_outage", deliverNotifications: "on" }));
    expect(drafted.ok).toBe(true);
    const draftId = drafted.ok ? drafted.data.id : "";
    expect(await saveDraftAction(incident.id, draftId, null, form({ intent: "publish", body: "x", status: "investigating" }))).toMatchObject({ ok: false, status: 403 });
    expect(await postUpdateAction(incident.id, null, form({ body: "x", status: "investigating" }))).toMatchObject({ ok: false, status: 403 });
    expect(await editPublishedUpdateAction(incident.id, draftId, null, form({ body: "x" }))).toMatchObject({ ok: false, status: 403 });
    expect(await assignIncidentAction(incident.id, "commander", null, form({ userId: responder.id }))).toMatchObject({ ok: true });
    expect(await assignIncidentAction(incident.id, "comms_lead", null, form({ userId: responder.id }))).toMatchObject({ ok: false, status: 422 });
    expect(await eventsOf(incident.id)).toEqual([]);

    actAs(communicator.id);
    expect(await saveDraftAction(incident.id, draftId, null, form({ intent: "publish", body: "Investigating 502s.", status: "investigating", [`component:${web.id}`]: "partial_outage", deliverNotifications: "on", restoreComponents: "on" }))).toMatchObject({ ok: true });
    expect(await eventsOf(incident.id)).toEqual(["incident.published"]);
    expect((await db.component.findUniqueOrThrow({ where: { id: web.id } })).status).toBe("partial_outage");
    expect(await saveDraftAction(incident.id, draftId, null, form({ intent: "publish", body: "again", status: "investigating" }))).toMatchObject({ ok: false, status: 409 });
    expect(await eventsOf(incident.id)).toEqual(["incident.published"]);
  });
});
