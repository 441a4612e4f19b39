import "server-only";
import { randomUUID } from "node:crypto";
import type PgBoss from "pg-boss";
import { z } from "zod";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { isEmailConfigured } from "@/lib/mailer";
import { listen, type Listener } from "@/lib/notify";
import { startJobPool, type JobPool } from "@/server/jobs/pool";
import type { JobRegistrar } from "@/server/jobs/registry";
import { OUTBOX_CHANNEL } from "@/server/notifications/channel";
import { drainHost } from "@/server/notifications/deliver";
import { dispatchPending, hostsToDrain } from "@/server/notifications/dispatcher";
import { pruneDeliveryLog, syncStaffRecipients } from "@/server/notifications/mutations";
import { hashManageToken, manageTokenFor } from "@/server/notifications/secrets";
import { sendSubscriberMail, type SubscriberMailKind } from "@/server/subscribers/emails";
import { deleteStalePendingSubscriptions } from "@/server/subscribers/mutations";

// Notification jobs on pg-boss:
// - notify-dispatch (one at a time across every worker): fan out the outbox, then hand every host with
//   due deliveries to a drain. Sent on each outbox NOTIFY and every few seconds, so nothing waits long
//   even when a NOTIFY is missed or a worker died with deliveries leased.
// - notify-deliver (one queued per host): a drain of one host's due deliveries (deliver.ts).
// - notify-subscriber-mail: the double opt-in messages.
// - notify-housekeeping (daily): forget unconfirmed sign-ups, trim the delivery log.

export const DISPATCH_QUEUE = "notify-dispatch";
export const DELIVER_QUEUE = "notify-deliver";
export const SUBSCRIBER_MAIL_QUEUE = "notify-subscriber-mail";
const HOUSEKEEPING_QUEUE = "notify-housekeeping";
const SWEEP_MS = 5_000;
const DRAINS_PER_PROCESS = 16;
const LOG_RETENTION_DAYS = 90;

declare global {
  var __statusNotifyRuntime: { pool: JobPool; listener: Listener; timer: NodeJS.Timeout } | undefined;
}

/** Queues a drain for each host (dropped for hosts that already have one queued). */
export async function requestDrains(boss: PgBoss, hosts: string[]): Promise<void> {
  if (hosts.length === 0) return;
  await boss.insert(hosts.map((host) => ({ name: DELIVER_QUEUE, data: { host }, singletonKey: host })));
  globalThis.__statusNotifyRuntime?.pool.wake();
}

export async function queueSubscriberMail(boss: PgBoss, subscriptionId: string, kind: SubscriberMailKind): Promise<void> {
  await boss.send(SUBSCRIBER_MAIL_QUEUE, { subscriptionId, kind }, { retryLimit: 8, retryDelay: 30, retryBackoff: true });
}

function staffRecipients(): { channel: "email" | "webhook"; target: string }[] {
  const wanted: { channel: "email" | "webhook"; target: string }[] = [];
  const emails = (env.STAFF_NOTIFY_EMAILS ?? "").split(",").map((s) => s.trim().toLowerCase()).filter(Boolean);
  for (const email of emails) {
    if (!z.email().safeParse(email).success) logger.warn({ email }, "STAFF_NOTIFY_EMAILS holds an invalid address; skipped");
    else if (!isEmailConfigured()) logger.warn("STAFF_NOTIFY_EMAILS is set but SMTP_URL is not; staff email skipped");
    else wanted.push({ channel: "email", target: email });
  }
  if (env.STAFF_WEBHOOK_URL) wanted.push({ channel: "webhook", target: env.STAFF_WEBHOOK_URL });
  return wanted;
}

async function dispatchAndSweep(boss: PgBoss): Promise<void> {
  const dispatched = await dispatchPending();
  if (dispatched.events > 0) logger.info(dispatched, "outbox dispatched");
  // Hosts that just got deliveries first, then every host with due work (retries, orphaned leases).
  await requestDrains(boss, dispatched.hosts);
  await requestDrains(boss, await hostsToDrain());
}

export const registerNotificationJobs: JobRegistrar = async (boss) => {
  await boss.createQueue(DISPATCH_QUEUE, { name: DISPATCH_QUEUE, policy: "stately", retryLimit: 0, expireInSeconds: 600 });
  await boss.createQueue(DELIVER_QUEUE, { name: DELIVER_QUEUE, policy: "short", retryLimit: 3, retryDelay: 5, expireInSeconds: 600 });
  await boss.createQueue(SUBSCRIBER_MAIL_QUEUE, { name: SUBSCRIBER_MAIL_QUEUE });
  await boss.createQueue(HOUSEKEEPING_QUEUE, { name: HOUSEKEEPING_QUEUE, policy: "singleton" });

  await syncStaffRecipients(staffRecipients(), (id) => hashManageToken(manageTokenFor(id)), randomUUID);

  await boss.work(DISPATCH_QUEUE, { pollingIntervalSeconds: 0.5 }, async () => dispatchAndSweep(boss));
  await boss.work<{ subscriptionId: string; kind: SubscriberMailKind }>(SUBSCRIBER_MAIL_QUEUE, async ([job]) => {
    if (job) await sendSubscriberMail(job.data.subscriptionId, job.data.kind);
  });
  await boss.work(HOUSEKEEPING_QUEUE, async () => {
    const forgotten = await deleteStalePendingSubscriptions();
    const pruned = await pruneDeliveryLog(new Date(Date.now() - LOG_RETENTION_DAYS * 24 * 60 * 60 * 1000));
    logger.info({ forgotten, pruned }, "notification housekeeping");
  });
  await boss.schedule(HOUSEKEEPING_QUEUE, "17 3 * * *");

  const pool = startJobPool<{ host: string }>(boss, DELIVER_QUEUE, { concurrency: DRAINS_PER_PROCESS, idleMs: 1_000 }, async ({ host }) => {
    await drainHost(host);
  });
  const poke = () => void boss.send(DISPATCH_QUEUE, {}).catch((error: unknown) => logger.warn({ err: error }, "could not queue dispatch"));
  const listener = await listen(OUTBOX_CHANNEL, poke, poke);
  const timer = setInterval(poke, SWEEP_MS);
  timer.unref();
  globalThis.__statusNotifyRuntime = { pool, listener, timer };
  return stopNotificationRuntime;
};

export async function stopNotificationRuntime(): Promise<void> {
  const runtime = globalThis.__statusNotifyRuntime;
  globalThis.__statusNotifyRuntime = undefined;
  if (!runtime) return;
  clearInterval(runtime.timer);
  await runtime.listener.stop();
  await runtime.pool.stop();
}
