import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { closeMailer } from "@/lib/mailer";
import { drainHost } from "@/server/notifications/deliver";
import { dispatchPending } from "@/server/notifications/dispatcher";
import { enqueueEvent, syncStaffRecipients } from "@/server/notifications/mutations";
import { hashManageToken, manageTokenFor } from "@/server/notifications/secrets";
import { sendSubscriberMail } from "@/server/subscribers/emails";
import { activateSubscription, requestEmailSubscription } from "@/server/subscribers/mutations";
import { createComponent, ensurePage, unique } from "@/tests/factories/catalog";
import { createActiveWebhook } from "@/tests/factories/subscribers";
import { startReceiver, type Receiver } from "@/tests/support/webhook-receiver";
import { startSmtpSink, type SmtpSink } from "@/tests/support/smtp-sink";

// Email through a real (local) SMTP server: the double opt-in, and staff alerts by email and by a
// Slack-compatible webhook.

vi.hoisted(() => {
  process.env.SMTP_URL = "smtp://127.0.0.1:3541";
  process.env.SMTP_FROM = "Status <status@example.test>";
});

let smtp: SmtpSink;
let receiver: Receiver;
const address = () => `${unique("reader").replace(/\W+/g, "-").toLowerCase()}@example.test`;

describe("email and staff notifications", () => {
  beforeAll(async () => {
    // Other files rename the page; the subjects below name it.
    await ensurePage({ name: "Test Status" });
    smtp = await startSmtpSink(3541);
    receiver = await startReceiver(0);
  });
  afterAll(async () => {
    closeMailer();
    await smtp.close();
    await receiver.close();
  });

  it("asks a new address to confirm, and sends nothing else until it does", async () => {
    const email = address();
    const requested = await requestEmailSubscription({ email, componentIds: [], groupIds: [] });
    expect(requested?.message).toBe("confirm");
    await sendSubscriberMail(requested!.subscriptionId, "confirm");
    const [mail] = await smtp.waitFor(email);
    expect(mail!.subject).toMatch(/^Confirm your subscription to /);
    const link = `http://localhost:3000/subscriptions/${manageTokenFor(requested!.subscriptionId)}`;
    expect(mail!.text).toContain(link);
    expect(mail!.html).toContain(link);
    expect((await db.subscription.findUniqueOrThrow({ where: { id: requested!.subscriptionId } })).state).toBe("pending");
  });

  it("tells an address that is already subscribed so by email, and throttles repeats", async () => {
    const email = address();
    const first = await requestEmailSubscription({ email, componentIds: [], groupIds: [] });
    await activateSubscription(first!.subscriptionId);
    const later = new Date(Date.now() + 11 * 60 * 1000);
    const again = await requestEmailSubscription({ email, componentIds: [], groupIds: [] }, later);
    expect(again).toEqual({ subscriptionId: first!.subscriptionId, message: "already" });
    expect(await requestEmailSubscription({ email, componentIds: [], groupIds: [] }, later)).toBeNull();
    await sendSubscriberMail(first!.subscriptionId, "already");
    const [mail] = await smtp.waitFor(email);
    expect(mail!.subject).toMatch(/^Your subscription to /);
    expect(await db.subscription.count({ where: { target: email } })).toBe(1);
  });

  it("sends staff alerts to the staff list and the staff webhook, and never to subscribers", async () => {
    const staffEmail = address();
    const staffHook = receiver.url("/hook/staff-slack");
    await syncStaffRecipients(
      [
        { channel: "email", target: staffEmail },
        { channel: "webhook", target: staffHook },
      ],
      (id) => hashManageToken(manageTokenFor(id)),
      randomUUID,
    );
    const publicPath = "/hook/public-reader";
    await createActiveWebhook(receiver.url(publicPath));
    const component = await createComponent();
    await db.$transaction((tx) =>
      enqueueEvent(tx, { type: "staff.probe_alert", componentId: component.id, status: "major_outage", detail: "3 of 3 locations failed" }),
    );
    await dispatchPending();
    await drainHost("email");
    await drainHost(`127.0.0.1:${receiver.port}`);

    const [slack] = await receiver.waitFor("/hook/staff-slack", 1);
    const json = JSON.parse(slack!.body) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(["text"]);
    expect(json.text).toContain(component.name);
    expect(json.text).toContain("3 of 3 locations failed");
    const [mail] = await smtp.waitFor(staffEmail);
    expect(mail!.subject).toBe(`[Test Status staff] Probe alert: ${component.name} is Major Outage`);
    expect(receiver.deliveries(publicPath).filter((r) => r.body.includes(component.id))).toHaveLength(0);
  });

  it("turns staff recipients that left the configuration off", async () => {
    const kept = address();
    const dropped = address();
    const tokenHash = (id: string) => hashManageToken(manageTokenFor(id));
    await syncStaffRecipients([{ channel: "email", target: kept }, { channel: "email", target: dropped }], tokenHash, randomUUID);
    await syncStaffRecipients([{ channel: "email", target: kept }], tokenHash, randomUUID);
    const states = await db.subscription.findMany({ where: { audience: "staff", target: { in: [kept, dropped] } } });
    expect(Object.fromEntries(states.map((s) => [s.target, s.state]))).toEqual({ [kept]: "active", [dropped]: "unsubscribed" });
  });
});
