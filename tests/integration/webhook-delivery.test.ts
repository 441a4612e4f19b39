import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { systemActor } from "@/server/auth/actor";
import { setComponentStatus } from "@/server/components/mutations";
import { drainHost } from "@/server/notifications/deliver";
import { dispatchPending } from "@/server/notifications/dispatcher";
import { DISABLE_AFTER_MS } from "@/server/notifications/retry-policy";
import { createComponent, createGroup, ensurePage, unique } from "@/tests/factories/catalog";
import { createActiveWebhook } from "@/tests/factories/subscribers";
import { startReceiver, type Receiver } from "@/tests/support/webhook-receiver";

// Webhook delivery from the outbox to local receivers: payload shape, signatures, matching, retries,
// refusals and disabling.

let receiver: Receiver;
const host = () => `127.0.0.1:${receiver.port}`;

async function dispatchAndDrain() {
  await dispatchPending();
  await drainHost(host());
}

describe("webhook delivery", () => {
  beforeAll(async () => {
    await ensurePage();
    receiver = await startReceiver(0);
  });
  afterAll(async () => {
    await receiver.close();
  });

  it("sends a new subscription only what happens after it became active", async () => {
    const component = await createComponent();
    await setComponentStatus(systemActor("test"), { componentId: component.id, status: "degraded_performance", source: "staff" });
    const sub = await createActiveWebhook(receiver.url(`/hook/${unique("late").replace(/\W/g, "")}`));
    await dispatchAndDrain();
    expect(await db.delivery.count({ where: { subscriptionId: sub.id } })).toBe(0);
    await setComponentStatus(systemActor("test"), { componentId: component.id, status: "operational", source: "staff" });
    await dispatchAndDrain();
    expect(await db.delivery.count({ where: { subscriptionId: sub.id } })).toBe(1);
  });

  it("sends a component update in Statuspage's shape, signed so the reference library verifies it", async () => {
    const component = await createComponent();
    const path = `/hook/${unique("shape").replace(/\W/g, "")}`;
    const sub = await createActiveWebhook(receiver.url(path));
    await setComponentStatus(systemActor("test"), { componentId: component.id, status: "partial_outage", source: "staff" });
    await dispatchAndDrain();

    // Events other files left in the outbox may reach a new subscription too: take this component's.
    const delivery = (await receiver.waitFor(path, 1)).find((d) => d.body.includes(component.id));
    const payload = new Webhook(sub.secret).verify(delivery!.body, {
      "webhook-id": String(delivery!.headers["webhook-id"]),
      "webhook-timestamp": String(delivery!.headers["webhook-timestamp"]),
      "webhook-signature": String(delivery!.headers["webhook-signature"]),
    }) as Record<string, Record<string, unknown>>;
    expect(Object.keys(payload)).toEqual(["meta", "page", "component_update", "component"]);
    expect(payload.meta!.unsubscribe).toBe(`http://localhost:3000/subscriptions/${sub.token}`);
    expect(payload.meta!.documentation).toBe("http://localhost:3000/subscribe/webhooks");
    // Other files' components share the database, so the page-wide indicator is at least "minor".
    expect(payload.page!.id).toBe("default");
    expect(["minor", "major", "critical"]).toContain(payload.page!.status_indicator);
    expect(typeof payload.page!.status_description).toBe("string");
    expect(payload.component_update).toMatchObject({ component_id: component.id, old_status: "operational", new_status: "partial_outage" });
    expect(payload.component).toMatchObject({ id: component.id, name: component.name, status: "partial_outage" });
    expect(JSON.stringify(payload)).not.toMatch(/ownerTeam|contacts|runbook/);
    const stored = await db.delivery.findFirstOrThrow({ where: { subscriptionId: sub.id } });
    expect(stored.state).toBe("succeeded");
    expect(stored.messageId).toBe(delivery!.headers["webhook-id"]);
    const log = await db.deliveryAttempt.findMany({ where: { deliveryId: stored.id } });
    expect(log).toHaveLength(1);
    expect(log[0]!.statusCode).toBe(200);
  });

  it("reaches only subscribers of the component, or of its group (including components added later)", async () => {
    const group = await createGroup();
    const watched = await createComponent();
    const other = await createComponent();
    const paths = { all: "/hook/m-all", one: "/hook/m-one", group: "/hook/m-group", otherOnly: "/hook/m-other" };
    await createActiveWebhook(receiver.url(paths.all));
    await createActiveWebhook(receiver.url(paths.one), { componentIds: [watched.id] });
    await createActiveWebhook(receiver.url(paths.group), { groupIds: [group.id] });
    await createActiveWebhook(receiver.url(paths.otherOnly), { componentIds: [other.id] });
    // Joins the group after the subscription was made.
    await db.component.update({ where: { id: watched.id }, data: { groupId: group.id } });

    await setComponentStatus(systemActor("test"), { componentId: watched.id, status: "major_outage", source: "staff" });
    await dispatchAndDrain();

    for (const p of [paths.all, paths.one, paths.group]) {
      const got = receiver.deliveries(p).filter((r) => r.body.includes(watched.id));
      expect(got, p).toHaveLength(1);
    }
    expect(receiver.deliveries(paths.otherOnly).filter((r) => r.body.includes(watched.id))).toHaveLength(0);
  });

  it("retries a receiver that fails, keeping the message id, and records each attempt", async () => {
    const component = await createComponent();
    const path = "/hook/flaky";
    receiver.behave(path, { kind: "status", status: 500 });
    const sub = await createActiveWebhook(receiver.url(path), { componentIds: [component.id] });
    await setComponentStatus(systemActor("test"), { componentId: component.id, status: "degraded_performance", source: "probe" });
    await dispatchAndDrain();

    const delivery = await db.delivery.findFirstOrThrow({ where: { subscriptionId: sub.id } });
    expect(delivery.state).toBe("pending");
    expect(delivery.attempts).toBe(1);
    expect(delivery.lastStatusCode).toBe(500);
    expect(delivery.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 20_000);
    expect((await db.subscription.findUniqueOrThrow({ where: { id: sub.id } })).failingSince).not.toBeNull();

    // Its time comes; the receiver has recovered.
    receiver.behave(path, { kind: "ok" });
    await db.delivery.update({ where: { id: delivery.id }, data: { nextAttemptAt: new Date(Date.now() - 1000) } });
    await drainHost(host());
    const attempts = receiver.deliveries(path);
    expect(attempts).toHaveLength(2);
    expect(new Set(attempts.map((a) => a.headers["webhook-id"])).size).toBe(1);
    const done = await db.delivery.findUniqueOrThrow({ where: { id: delivery.id } });
    expect(done.state).toBe("succeeded");
    expect(done.attempts).toBe(2);
    const log = await db.deliveryAttempt.findMany({ where: { deliveryId: delivery.id }, orderBy: { id: "asc" } });
    expect(log.map((l) => l.statusCode)).toEqual([500, 200]);
    expect((await db.subscription.findUniqueOrThrow({ where: { id: sub.id } })).failingSince).toBeNull();
  });

  it("does not let a hanging receiver hold up a healthy one on the same host", async () => {
    const component = await createComponent();
    receiver.behave("/hook/hangs", { kind: "hang" });
    const hanging = await createActiveWebhook(receiver.url("/hook/hangs"), { componentIds: [component.id] });
    await createActiveWebhook(receiver.url("/hook/healthy"), { componentIds: [component.id] });
    await setComponentStatus(systemActor("test"), { componentId: component.id, status: "major_outage", source: "staff" });
    await dispatchPending();
    const draining = drainHost(host());
    // The healthy receiver gets its message while the hanging request is still open.
    const [healthy] = await receiver.waitFor("/hook/healthy", 1, 5_000);
    const stillHanging = await db.delivery.findFirstOrThrow({ where: { subscriptionId: hanging.id } });
    expect(stillHanging.attempts).toBe(0);
    expect(healthy!.body).toContain(component.id);
    await draining;
    const timedOut = await db.delivery.findFirstOrThrow({ where: { subscriptionId: hanging.id } });
    expect(timedOut.state).toBe("pending");
    expect(timedOut.lastError).toBe("timed out");
  });

  it("refuses a redirect to a private address without connecting, and a private target at delivery time", async () => {
    const component = await createComponent();
    receiver.behave("/hook/redirects", { kind: "redirect", status: 307, location: "http://10.1.2.3/internal" });
    const redirecting = await createActiveWebhook(receiver.url("/hook/redirects"), { componentIds: [component.id] });
    // A target that was public at sign-up but is private now (here: never allowed at all).
    const privateTarget = await createActiveWebhook("http://192.168.10.20:8080/hook", { componentIds: [component.id] });
    await setComponentStatus(systemActor("test"), { componentId: component.id, status: "partial_outage", source: "staff" });
    await dispatchPending();
    await drainHost(host());
    await drainHost("192.168.10.20:8080");

    const redirected = await db.delivery.findFirstOrThrow({ where: { subscriptionId: redirecting.id } });
    expect(redirected.state).toBe("pending");
    expect(redirected.lastError).toMatch(/redirect to http:\/\/10\.1\.2\.3\/internal refused/);
    const refused = await db.delivery.findFirstOrThrow({ where: { subscriptionId: privateTarget.id } });
    expect(refused.lastError).toMatch(/refused: 192\.168\.10\.20 is in a private range/);
    expect(refused.attempts).toBe(1);
  });

  it("disables a subscription after three days of failures, or at once on 410 Gone, and says why", async () => {
    const component = await createComponent();
    receiver.behave("/hook/down", { kind: "status", status: 503 });
    receiver.behave("/hook/gone", { kind: "status", status: 410 });
    const down = await createActiveWebhook(receiver.url("/hook/down"), { componentIds: [component.id] });
    const gone = await createActiveWebhook(receiver.url("/hook/gone"), { componentIds: [component.id] });
    await db.subscription.update({ where: { id: down.id }, data: { failingSince: new Date(Date.now() - DISABLE_AFTER_MS - 1000) } });
    await setComponentStatus(systemActor("test"), { componentId: component.id, status: "major_outage", source: "staff" });
    await dispatchAndDrain();

    const downSub = await db.subscription.findUniqueOrThrow({ where: { id: down.id } });
    expect(downSub.state).toBe("disabled");
    expect(downSub.disabledReason).toMatch(/No delivery succeeded for 3 days\. Last error: HTTP 503/);
    const goneSub = await db.subscription.findUniqueOrThrow({ where: { id: gone.id } });
    expect(goneSub.state).toBe("disabled");
    expect(goneSub.disabledReason).toMatch(/410/);

    // Nothing more is sent to a disabled subscription.
    const before = receiver.deliveries("/hook/down").length;
    await setComponentStatus(systemActor("test"), { componentId: component.id, status: "operational", source: "staff" });
    await dispatchAndDrain();
    expect(receiver.deliveries("/hook/down").length).toBe(before);
  });

  it("fans an event out once, however often the dispatcher runs", async () => {
    const component = await createComponent();
    await createActiveWebhook(receiver.url("/hook/once"), { componentIds: [component.id] });
    await setComponentStatus(systemActor("test"), { componentId: component.id, status: "major_outage", source: "staff" });
    await Promise.all([dispatchPending(), dispatchPending()]);
    await dispatchPending();
    await drainHost(host());
    await drainHost(host());
    expect(receiver.deliveries("/hook/once").filter((r) => r.body.includes(component.id))).toHaveLength(1);
  });
});
