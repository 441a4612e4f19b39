import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as unsubscribeRoute from "@/app/api/subscriptions/[token]/unsubscribe/route";
import { db } from "@/lib/db";
import { closeMailer } from "@/lib/mailer";
import { drainHost } from "@/server/notifications/deliver";
import { dispatchPending } from "@/server/notifications/dispatcher";
import { manageTokenFor } from "@/server/notifications/secrets";
import { createComponent, ensurePage, unique } from "@/tests/factories/catalog";
import { addUpdateRow, announce, createIncidentRow } from "@/tests/factories/incident-rows";
import { createActiveEmail, createActiveWebhook } from "@/tests/factories/subscribers";
import { startSmtpSink, type SmtpSink } from "@/tests/support/smtp-sink";
import { startReceiver, type Receiver } from "@/tests/support/webhook-receiver";

// Incident messages: only published public updates reach anyone, exactly once each, re-checked before
// sending; webhooks carry Statuspage's incident object and email has one-click unsubscribe.

vi.hoisted(() => {
  process.env.SMTP_URL = "smtp://127.0.0.1:3561";
});

let receiver: Receiver;
let smtp: SmtpSink;
const hookHost = () => `127.0.0.1:${receiver.port}`;
const email = () => `${unique("r").replace(/\W+/g, "-").toLowerCase()}@example.test`;
async function run() {
  await dispatchPending();
  await drainHost(hookHost());
  await drainHost("email");
}
type IncidentPayload = { meta: Record<string, string>; page: Record<string, string>; incident: Record<string, unknown> };

describe("incident notifications", () => {
  beforeAll(async () => {
    // Other files rename the page; the subjects below name it.
    await ensurePage({ name: "Test Status" });
    receiver = await startReceiver(0);
    smtp = await startSmtpSink(3561);
  });
  afterAll(async () => {
    closeMailer();
    await receiver.close();
    await smtp.close();
  });

  it("sends a published update as Statuspage's incident payload and as email with one-click unsubscribe", async () => {
    const component = await createComponent();
    await db.component.update({ where: { id: component.id }, data: { status: "major_outage" } });
    const path = "/hook/incident";
    await createActiveWebhook(receiver.url(path), { componentIds: [component.id] });
    const to = email();
    const emailSubscription = await createActiveEmail(to, { componentIds: [component.id] });
    const incident = await createIncidentRow({ componentIds: [component.id], name: "Uploads are failing" });
    const update = await addUpdateRow(incident.id, {
      body: "We are **investigating** failed uploads.",
      affected: [{ componentId: component.id, oldStatus: "operational", newStatus: "major_outage" }],
    });
    await announce({ type: "incident.published", incidentId: incident.id, updateId: update.id });
    await run();

    const [hook] = await receiver.waitFor(path, 1);
    const payload = JSON.parse(hook!.body) as IncidentPayload;
    expect(Object.keys(payload)).toEqual(["meta", "page", "incident"]);
    expect(payload.incident).toMatchObject({ id: incident.id, name: "Uploads are failing", impact: "major", status: "investigating" });
    const updates = payload.incident.incident_updates as Record<string, unknown>[];
    expect(updates[0]).toMatchObject({ id: update.id, body: "We are **investigating** failed uploads.", status: "investigating" });
    expect(updates[0]!.affected_components).toEqual([
      { code: component.id, name: component.name, old_status: "operational", new_status: "major_outage" },
    ]);

    const [mail] = await smtp.waitFor(to);
    expect(mail!.subject).toBe("[Test Status] Investigating: Uploads are failing");
    expect(mail!.text).toContain("We are **investigating** failed uploads.");
    expect(mail!.text).toContain(`- ${component.name}: Major Outage`);
    expect(mail!.text).toContain(`http://localhost:3000/incidents/${incident.id}`);
    expect(mail!.html).toContain("<strong>investigating</strong>");
    const token = manageTokenFor(emailSubscription);
    const header = (key: string) => mail!.headerLines.find((h) => h.key === key)?.line.replace(/\r\n\s+/g, " ");
    expect(header("list-unsubscribe")).toBe(`List-Unsubscribe: <http://localhost:3000/api/subscriptions/${token}/unsubscribe>`);
    expect(header("list-unsubscribe-post")).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");

    // The mail client's one-click unsubscribe.
    const res = await unsubscribeRoute.POST(
      new Request(`http://localhost/api/subscriptions/${token}/unsubscribe`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "List-Unsubscribe=One-Click",
      }),
      { params: Promise.resolve({ token }) },
    );
    expect(res.status).toBe(200);
    expect((await db.subscription.findUniqueOrThrow({ where: { id: emailSubscription } })).state).toBe("unsubscribed");
  });

  it("sends nothing for an internal incident, a draft, an internal note or a silent update", async () => {
    const component = await createComponent();
    const path = "/hook/quiet";
    await createActiveWebhook(receiver.url(path), { componentIds: [component.id] });
    const internal = await createIncidentRow({ visibility: "internal", componentIds: [component.id] });
    const internalUpdate = await addUpdateRow(internal.id);
    const published = await createIncidentRow({ componentIds: [component.id] });
    const draft = await addUpdateRow(published.id, { state: "draft" });
    const note = await addUpdateRow(published.id, { kind: "internal_note", body: "INTERNAL: db01 is on fire" });
    const silent = await addUpdateRow(published.id, { deliverNotifications: false });
    await announce({ type: "incident.published", incidentId: internal.id, updateId: internalUpdate.id });
    await announce({ type: "incident.updated", incidentId: published.id, updateId: draft.id });
    await announce({ type: "incident.updated", incidentId: published.id, updateId: note.id });
    await announce({ type: "incident.updated", incidentId: published.id, updateId: silent.id });
    await run();
    expect(receiver.deliveries(path)).toHaveLength(0);
    expect(await db.outboxEvent.count({ where: { dispatchedAt: null } })).toBe(0);
  });

  it("sends a draft that is published later exactly once, even when announced twice", async () => {
    const component = await createComponent();
    const path = "/hook/once-published";
    await createActiveWebhook(receiver.url(path), { componentIds: [component.id] });
    const incident = await createIncidentRow({ componentIds: [component.id] });
    const draft = await addUpdateRow(incident.id, { state: "draft", body: "Drafted words" });
    await announce({ type: "incident.updated", incidentId: incident.id, updateId: draft.id });
    await run();
    expect(receiver.deliveries(path)).toHaveLength(0);

    await db.incidentUpdate.update({ where: { id: draft.id }, data: { state: "published", publishedAt: new Date() } });
    await announce({ type: "incident.updated", incidentId: incident.id, updateId: draft.id });
    await announce({ type: "incident.updated", incidentId: incident.id, updateId: draft.id });
    await run();
    await run();
    const got = await receiver.waitFor(path, 1);
    expect(got).toHaveLength(1);
    expect(got[0]!.body).toContain("Drafted words");
  });

  it("re-checks before sending: an incident made internal after the fan-out is not sent", async () => {
    const component = await createComponent();
    const path = "/hook/retracted";
    const sub = await createActiveWebhook(receiver.url(path), { componentIds: [component.id] });
    const incident = await createIncidentRow({ componentIds: [component.id] });
    const update = await addUpdateRow(incident.id, { body: "Posted by mistake" });
    await announce({ type: "incident.published", incidentId: incident.id, updateId: update.id });
    await dispatchPending();
    await db.incident.update({ where: { id: incident.id }, data: { visibility: "internal" } });
    await drainHost(hookHost());
    expect(receiver.deliveries(path)).toHaveLength(0);
    const delivery = await db.delivery.findFirstOrThrow({ where: { subscriptionId: sub.id } });
    expect(delivery.state).toBe("cancelled");
    expect(delivery.lastError).toBe("no longer public");
  });

  it("announces maintenance with Statuspage's scheduled-maintenance fields", async () => {
    const component = await createComponent();
    const path = "/hook/maintenance";
    await createActiveWebhook(receiver.url(path), { componentIds: [component.id] });
    const start = new Date(Date.now() + 86_400_000);
    const maintenance = await db.maintenance.create({
      data: {
        name: "Database upgrade",
        body: "Writes pause for ten minutes.",
        scheduledFor: start,
        scheduledUntil: new Date(start.getTime() + 3_600_000),
        components: { create: [{ componentId: component.id }] },
      },
    });
    await announce({ type: "maintenance.scheduled", maintenanceId: maintenance.id });
    await run();
    const [hook] = await receiver.waitFor(path, 1);
    const payload = JSON.parse(hook!.body) as IncidentPayload;
    expect(payload.incident).toMatchObject({ id: maintenance.id, name: "Database upgrade", impact: "maintenance", status: "scheduled" });
    expect(typeof payload.incident.scheduled_for).toBe("string");
  });
});
