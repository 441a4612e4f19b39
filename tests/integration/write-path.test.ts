import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { listen, type Listener } from "@/lib/notify";
import { systemActor } from "@/server/auth/actor";
import { applyComponentStatus, setComponentStatus } from "@/server/components/mutations";
import { getBoss, stopBoss } from "@/server/jobs/boss";
import { PUBLIC_CHANGE_CHANNEL } from "@/server/public/channel";
import { createComponent } from "@/tests/factories/catalog";

describe("the write path", () => {
  let listener: Listener;
  const notifications: number[] = [];
  beforeAll(async () => {
    listener = await listen(PUBLIC_CHANGE_CHANNEL, () => notifications.push(Date.now()), () => undefined);
  });
  afterAll(async () => {
    await listener.stop();
    await stopBoss();
  });
  const waitForNotification = async (count: number) => {
    for (let i = 0; i < 50 && notifications.length < count; i++) await new Promise((r) => setTimeout(r, 20));
  };

  it("records a status change with history, audit and outbox, and announces it on commit", async () => {
    const component = await createComponent();
    const before = notifications.length;
    const change = await setComponentStatus(systemActor("test"), {
      componentId: component.id,
      status: "major_outage",
      source: "probe",
    });
    expect(change).toEqual({ oldStatus: "operational", newStatus: "major_outage" });
    const stored = await db.component.findUniqueOrThrow({ where: { id: component.id } });
    expect(stored.status).toBe("major_outage");
    expect(stored.statusSource).toBe("probe");
    const history = await db.componentStatusChange.findMany({ where: { componentId: component.id } });
    expect(history.map((h) => [h.oldStatus, h.newStatus])).toEqual([["operational", "major_outage"]]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: component.id } });
    expect(audit.action).toBe("component.set_status");
    expect(audit.actorKind).toBe("system:test");
    const events = await db.outboxEvent.findMany({ where: { type: "component.status_changed" } });
    expect(events.some((e) => (e.payload as { componentId?: string }).componentId === component.id)).toBe(true);
    await waitForNotification(before + 1);
    expect(notifications.length).toBeGreaterThan(before);
  });

  it("writes nothing for a status the component already has", async () => {
    const component = await createComponent({ status: "partial_outage" });
    expect(await setComponentStatus(systemActor("test"), { componentId: component.id, status: "partial_outage", source: "staff" })).toBeNull();
    expect(await db.componentStatusChange.count({ where: { componentId: component.id } })).toBe(0);
  });

  it("leaves no trace and announces nothing when the transaction rolls back", async () => {
    const component = await createComponent();
    await new Promise((r) => setTimeout(r, 100));
    const before = notifications.length;
    await expect(
      db.$transaction(async (tx) => {
        await applyComponentStatus(tx, { componentId: component.id, status: "major_outage", source: "staff" });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    await new Promise((r) => setTimeout(r, 300));
    expect(notifications.length).toBe(before);
    expect((await db.component.findUniqueOrThrow({ where: { id: component.id } })).status).toBe("operational");
    expect(await db.componentStatusChange.count({ where: { componentId: component.id } })).toBe(0);
  });

  it("runs jobs through the queue in the same database", async () => {
    const boss = await getBoss();
    await boss.createQueue("test-echo");
    const seen: unknown[] = [];
    await boss.work<{ n: number }>("test-echo", { pollingIntervalSeconds: 0.5 }, ([job]) => {
      seen.push(job?.data.n);
      return Promise.resolve();
    });
    await boss.send("test-echo", { n: 42 });
    for (let i = 0; i < 100 && seen.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(seen).toEqual([42]);
  });
});
