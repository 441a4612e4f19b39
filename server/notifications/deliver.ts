import "server-only";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { isEmailConfigured, senderFor, sendMail } from "@/lib/mailer";
import { parseAllowlist } from "@/server/notifications/address-policy";
import {
  getClaimedDeliveries,
  getNotifications,
  isPublishedIncident,
  isPublishedMaintenance,
  isPublishedPublicUpdate,
  type ClaimedDelivery,
  type StoredNotification,
} from "@/server/notifications/data";
import { getPageContext, type PageContext } from "@/server/notifications/drafts";
import { renderIncidentMail, renderStaffMail } from "@/server/notifications/email-render";
import { manageUrl, oneClickUnsubscribeUrl, webhookDocumentationUrl } from "@/server/notifications/links";
import { claimDeliveries, recordDeliveryOutcomes, type DeliveryOutcome } from "@/server/notifications/mutations";
import { isStaffBody, webhookJson, type IncidentBody } from "@/server/notifications/payloads";
import { isPermanentFailure, nextAttemptAfterFailure, shouldDisable } from "@/server/notifications/retry-policy";
import { activeSigningSecrets, manageTokenFor } from "@/server/notifications/secrets";
import { signWebhook } from "@/server/notifications/signing";
import { postWebhook } from "@/server/notifications/webhook-http";

// Sends the due deliveries of one host. Claims a few at a time under a lease (never more than the
// host's concurrency across every worker), sends them, and writes the outcomes in batches. A worker
// that dies lets its leases lapse; the next sweep hands the host to another drain, which sends what is
// left with the same message ids, so receivers can drop the rare repeat.

const EMAIL_HOST = "email";
const EMAIL_CONCURRENCY = 4;
const FLUSH_EVERY = 50;
const FLUSH_MS = 100;

declare global {
  var __statusNotifyPage: { at: number; ctx: PageContext } | undefined;
}

async function pageContext(): Promise<PageContext> {
  const cached = globalThis.__statusNotifyPage;
  if (!cached || Date.now() - cached.at > 10_000) {
    globalThis.__statusNotifyPage = { at: Date.now(), ctx: await getPageContext() };
  }
  return globalThis.__statusNotifyPage!.ctx;
}

/** Whether what a notification is about may still be told to the public (re-checked before sending). */
async function stillPublic(n: StoredNotification): Promise<boolean> {
  if (n.audience === "staff") return true;
  if (n.incidentId && n.updateId) return isPublishedPublicUpdate(n.incidentId, n.updateId);
  if (n.incidentId) return isPublishedIncident(n.incidentId);
  if (n.type.startsWith("maintenance.") && n.subjectId) return isPublishedMaintenance(n.subjectId);
  return true;
}

interface Attempt {
  ok: boolean;
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
}

async function sendWebhook(d: ClaimedDelivery, n: StoredNotification, ctx: PageContext): Promise<Attempt> {
  const sub = d.subscription;
  const staff = sub.audience === "staff";
  const body = staff
    ? JSON.stringify({ text: isStaffBody(n.body) ? n.body.text : "" })
    : webhookJson(n.body, {
        unsubscribe: manageUrl(ctx.pageUrl, manageTokenFor(sub.id)),
        documentation: webhookDocumentationUrl(ctx.pageUrl),
      });
  const headers = signWebhook({ secrets: activeSigningSecrets(sub), messageId: d.messageId, body });
  return postWebhook(sub.target, body, { ...headers }, {
    timeoutMs: env.WEBHOOK_TIMEOUT_MS,
    allowlist: parseAllowlist(env.WEBHOOK_ALLOWED_PRIVATE_RANGES),
  });
}

async function sendEmail(d: ClaimedDelivery, n: StoredNotification, ctx: PageContext): Promise<Attempt> {
  const started = Date.now();
  if (!isEmailConfigured()) return { ok: false, statusCode: null, latencyMs: 0, error: "SMTP_URL is not set" };
  const sub = d.subscription;
  const token = manageTokenFor(sub.id);
  const mail = isStaffBody(n.body)
    ? renderStaffMail(n.body, ctx.pageName)
    : renderIncidentMail(n.body as IncidentBody, {
        pageName: ctx.pageName,
        manageUrl: manageUrl(ctx.pageUrl, token),
        unsubscribeUrl: oneClickUnsubscribeUrl(ctx.pageUrl, token),
        incidentUrl: (n.body as IncidentBody).incident.shortlink as string,
        kind: n.type.startsWith("maintenance.") ? "maintenance" : "incident",
        updateId: n.updateId,
        postmortem:
          n.type === "incident.postmortem_published"
            ? (ctx.snapshot.incidents.find((i) => i.id === n.incidentId)?.postmortem?.body ?? null)
            : null,
      });
  const headers: Record<string, string> = { "X-Message-Id": d.messageId };
  if (sub.audience === "public") {
    headers["List-Unsubscribe"] = `<${oneClickUnsubscribeUrl(ctx.pageUrl, token)}>`;
    headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click";
  }
  try {
    await sendMail({ to: sub.target, from: senderFor(ctx.pageName, ctx.pageUrl), ...mail, headers });
    return { ok: true, statusCode: null, latencyMs: Date.now() - started, error: null };
  } catch (error) {
    const e = error as { responseCode?: number; message?: string };
    return { ok: false, statusCode: e.responseCode ?? null, latencyMs: Date.now() - started, error: `SMTP: ${e.message ?? String(error)}` };
  }
}

function outcomeOf(d: ClaimedDelivery, attempt: Attempt, now: Date): DeliveryOutcome {
  const base = { deliveryId: d.id, subscriptionId: d.subscription.id, attempted: true, ...attempt };
  if (attempt.ok) return { ...base, result: "succeeded", nextAttemptAt: null };
  const isPublic = d.subscription.audience === "public";
  // Staff recipients come from the configuration, so they are never turned off here.
  if (isPermanentFailure(attempt.statusCode) && d.subscription.channel === "webhook") {
    return { ...base, result: "failed", nextAttemptAt: null, disableReason: isPublic ? "The receiver answered 410 Gone." : undefined };
  }
  const next = nextAttemptAfterFailure({ attempts: d.attempts + 1, createdAt: d.createdAt, now });
  const failingSince = d.subscription.failingSince ?? now;
  const disable = isPublic && shouldDisable(failingSince, now);
  return {
    ...base,
    result: "failed",
    nextAttemptAt: disable ? null : next,
    disableReason: disable ? `No delivery succeeded for 3 days. Last error: ${attempt.error ?? "unknown"}.` : undefined,
  };
}

export async function deliverOne(
  d: ClaimedDelivery,
  n: StoredNotification,
  isStillPublic: (n: StoredNotification) => Promise<boolean> = stillPublic,
): Promise<DeliveryOutcome> {
  const cancel = (reason: string): DeliveryOutcome => ({
    deliveryId: d.id,
    subscriptionId: d.subscription.id,
    result: "cancelled",
    attempted: false,
    statusCode: null,
    latencyMs: 0,
    error: reason,
    nextAttemptAt: null,
  });
  if (d.subscription.state !== "active") return cancel(`subscription is ${d.subscription.state}`);
  if (!(await isStillPublic(n))) return cancel("no longer public");
  const ctx = await pageContext();
  const attempt = d.subscription.channel === "email" ? await sendEmail(d, n, ctx) : await sendWebhook(d, n, ctx);
  return outcomeOf(d, attempt, new Date());
}

/** Sends what is due for one host for up to `budgetMs`; returns how many deliveries it handled. */
export async function drainHost(host: string, budgetMs = 60_000): Promise<number> {
  const limit = host === EMAIL_HOST ? EMAIL_CONCURRENCY : env.WEBHOOK_HOST_CONCURRENCY;
  // Long enough for a request and the batched write of its outcome; a dead worker's leases lapse soon.
  const leaseMs = host === EMAIL_HOST ? 180_000 : env.WEBHOOK_TIMEOUT_MS + 15_000;
  const deadline = Date.now() + budgetMs;
  const notifications = new Map<bigint, StoredNotification>();
  const publicChecks = new Map<bigint, { at: number; ok: Promise<boolean> }>();
  const inFlight = new Set<Promise<void>>();
  let buffer: DeliveryOutcome[] = [];
  // Finished here but not yet written back (their leases still stand in the database).
  const settled = new Set<bigint>();
  let flushing: Promise<void> = Promise.resolve();
  let handled = 0;

  const flush = () => {
    const batch = buffer;
    buffer = [];
    if (batch.length === 0) return flushing;
    flushing = flushing
      .then(() => recordDeliveryOutcomes(batch))
      .catch((error: unknown) =>
        // The leases lapse and these are sent again: at least once, never lost.
        logger.error({ err: error, host, count: batch.length }, "could not record delivery outcomes"),
      )
      .finally(() => batch.forEach((o) => settled.delete(o.deliveryId)));
    return flushing;
  };
  const timer = setInterval(() => void flush(), FLUSH_MS);
  timer.unref();

  // One visibility check per notification every two seconds, not one per recipient.
  const cachedStillPublic = (n: StoredNotification) => {
    const hit = publicChecks.get(n.id);
    if (hit && Date.now() - hit.at < 2_000) return hit.ok;
    const ok = stillPublic(n);
    publicChecks.set(n.id, { at: Date.now(), ok });
    return ok;
  };

  const start = (d: ClaimedDelivery) => {
    const n = notifications.get(d.notificationId)!;
    const p: Promise<void> = deliverOne(d, n, cachedStillPublic)
      .then((outcome) => {
        buffer.push(outcome);
        settled.add(outcome.deliveryId);
        handled++;
        if (buffer.length >= FLUSH_EVERY) void flush();
      })
      .catch((error: unknown) => logger.error({ err: error, host, deliveryId: String(d.id) }, "delivery crashed"))
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
  };

  try {
    for (;;) {
      const room = limit - inFlight.size;
      // Claim in batches: when idle, or once half the slots are free.
      if (Date.now() < deadline && room > 0 && (inFlight.size === 0 || room >= Math.ceil(limit / 2))) {
        const ids = await claimDeliveries({ host, max: room, leaseMs, hostLimit: limit, settled: [...settled] });
        if (ids.length > 0) {
          const claimed = await getClaimedDeliveries(ids);
          const missing = [...new Set(claimed.map((c) => c.notificationId))].filter((id) => !notifications.has(id));
          if (missing.length) for (const n of await getNotifications(missing)) notifications.set(n.id, n);
          claimed.forEach(start);
        }
      }
      if (inFlight.size === 0) break;
      await Promise.race(inFlight);
    }
  } finally {
    clearInterval(timer);
    await flush();
  }
  return handled;
}
