import "server-only";
import { db, type Prisma, type Tx } from "@/lib/db";
import { OUTBOX_CHANNEL } from "@/server/notifications/channel";
import type { OutboxEvent } from "@/server/notifications/events";
import type { NotificationDraft } from "@/server/notifications/drafts";

// Prisma keeps DateTime columns as UTC in "timestamp without time zone"; SQL here compares them with
// timezone('UTC', now()) so the database's own time zone setting cannot shift leases and schedules.

/**
 * Leaves an event in the outbox, inside the caller's transaction: the event exists if and only if the
 * change committed, and delivery (which reads the outbox later) can never lose it. The NOTIFY wakes the
 * dispatcher on commit; a periodic sweep catches any notification that was missed.
 */
export async function enqueueEvent(tx: Tx, event: OutboxEvent): Promise<void> {
  await tx.outboxEvent.create({ data: { type: event.type, payload: event } });
  await tx.$executeRawUnsafe(`SELECT pg_notify('${OUTBOX_CHANNEL}', '')`);
}

/**
 * Fans one outbox event out to its recipients in one transaction: the notification, one delivery per
 * matching subscription, and the event marked dispatched. A worker that dies midway leaves nothing
 * half-done, and a second run finds the event dispatched (or locked) and does nothing. Returns the
 * hosts that now have deliveries, or null when another worker holds or already handled the event.
 */
export async function fanOutEvent(eventId: bigint, draft: NotificationDraft | null): Promise<{ deliveries: number; hosts: string[] } | null> {
  return db.$transaction(
    async (tx) => {
      const locked = await tx.$queryRaw<{ id: bigint }[]>`
        SELECT id FROM "OutboxEvent" WHERE id = ${eventId} AND "dispatchedAt" IS NULL FOR UPDATE SKIP LOCKED`;
      if (locked.length === 0) return null;
      let deliveries = 0;
      let hosts: string[] = [];
      if (draft) {
        const notification = await tx.notification.create({
          data: {
            outboxEventId: eventId,
            type: draft.type,
            audience: draft.audience,
            dedupeKey: draft.dedupeKey,
            body: draft.body as unknown as Prisma.InputJsonValue,
            componentIds: draft.componentIds,
            incidentId: draft.incidentId ?? null,
            updateId: draft.updateId ?? null,
          },
          select: { id: true },
        });
        // Matching happens here, in one statement: subscriptions of the audience and channel, active
        // since before the event, that cover every component, or one of the event's components, or a group holding one of them
        // now (so components added to a group later are covered). An event about no particular
        // component reaches everyone. The message id is derived from the event and the subscription.
        deliveries = await tx.$executeRaw`
          INSERT INTO "Delivery" ("notificationId", "subscriptionId", "dedupeKey", "messageId", "host", "nextAttemptAt")
          SELECT ${notification.id}, s.id, ${draft.dedupeKey},
                 'msg_' || left(encode(sha256(convert_to(${draft.dedupeKey} || ':' || s.id, 'UTF8')), 'hex'), 32),
                 CASE WHEN s.channel = 'email' THEN 'email'
                      ELSE lower(substring(s.target from '^[A-Za-z][A-Za-z0-9+.-]*://([^/?#]+)')) END,
                 timezone('UTC', now())
          FROM "Subscription" s
          WHERE s.audience = ${draft.audience}::"SubscriberAudience"
            AND s.state = 'active'
            AND s.channel::text = ANY(${draft.channels}::text[])
            -- Only what happened after the subscription became active: a new subscriber does not
            -- receive events that were still waiting in the outbox when it signed up.
            AND COALESCE(s."verifiedAt", s."createdAt") <= (SELECT "createdAt" FROM "OutboxEvent" WHERE id = ${eventId})
            AND (
              s."allComponents"
              OR cardinality(${draft.componentIds}::text[]) = 0
              OR EXISTS (SELECT 1 FROM "SubscriptionComponent" sc
                         WHERE sc."subscriptionId" = s.id AND sc."componentId" = ANY(${draft.componentIds}::text[]))
              OR EXISTS (SELECT 1 FROM "SubscriptionGroup" sg JOIN "Component" c ON c."groupId" = sg."groupId"
                         WHERE sg."subscriptionId" = s.id AND c.id = ANY(${draft.componentIds}::text[]))
            )
          ON CONFLICT ("subscriptionId", "dedupeKey") DO NOTHING`;
        if (deliveries > 0) {
          const rows = await tx.delivery.findMany({
            where: { notificationId: notification.id },
            distinct: ["host"],
            select: { host: true },
          });
          hosts = rows.map((r) => r.host);
        }
      }
      await tx.outboxEvent.update({ where: { id: eventId }, data: { dispatchedAt: new Date() } });
      return { deliveries, hosts };
    },
    { timeout: 60_000 },
  );
}

/**
 * Leases up to `max` due deliveries of one host for `leaseMs`, never more than `hostLimit` leased to
 * the host at once across every worker (an advisory lock per host makes the count and the claim one
 * step). `settled` are the caller's own leases that are finished but not yet written back: they no
 * longer count against the limit. Returns the claimed ids.
 */
export async function claimDeliveries(input: {
  host: string;
  max: number;
  leaseMs: number;
  hostLimit: number;
  settled?: bigint[];
}): Promise<bigint[]> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('delivery-host:' || ${input.host}))`;
    const [busy] = await tx.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM "Delivery"
      WHERE host = ${input.host} AND state = 'pending' AND "leaseUntil" > timezone('UTC', now())
        AND NOT (id = ANY(${input.settled ?? []}::bigint[]))`;
    const room = Math.min(input.max, input.hostLimit - Number(busy?.n ?? 0));
    if (room <= 0) return [];
    const rows = await tx.$queryRaw<{ id: bigint }[]>`
      UPDATE "Delivery" SET "leaseUntil" = timezone('UTC', now()) + ${input.leaseMs} * interval '1 millisecond'
      WHERE id IN (
        SELECT id FROM "Delivery"
        WHERE host = ${input.host} AND state = 'pending' AND "nextAttemptAt" <= timezone('UTC', now())
          AND ("leaseUntil" IS NULL OR "leaseUntil" <= timezone('UTC', now()))
        ORDER BY "nextAttemptAt", id
        LIMIT ${room}
        FOR UPDATE SKIP LOCKED)
      RETURNING id`;
    return rows.map((r) => r.id);
  });
}

export interface DeliveryOutcome {
  deliveryId: bigint;
  subscriptionId: string;
  /** What happened: sent, failed (retry at nextAttemptAt, or give up when it is null), or cancelled. */
  result: "succeeded" | "failed" | "cancelled";
  /** Whether a request was made (cancelled deliveries and refused targets make none... refused still log). */
  attempted: boolean;
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
  nextAttemptAt: Date | null;
  /** Turn the subscription off with this reason (410 Gone, or three days of failures). */
  disableReason?: string;
}

/**
 * Writes a batch of outcomes in one transaction: the attempt log, each delivery's new state, and the
 * subscriptions' health (last success, failing since, disabled with the reason).
 */
export async function recordDeliveryOutcomes(outcomes: DeliveryOutcome[], now = new Date()): Promise<void> {
  if (outcomes.length === 0) return;
  const attempted = outcomes.filter((o) => o.attempted);
  const state = (o: DeliveryOutcome) => (o.result === "failed" && o.nextAttemptAt ? "pending" : o.result);
  await db.$transaction(async (tx) => {
    if (attempted.length) {
      await tx.deliveryAttempt.createMany({
        data: attempted.map((o) => ({
          deliveryId: o.deliveryId,
          at: now,
          statusCode: o.statusCode,
          latencyMs: Math.round(o.latencyMs),
          error: o.error?.slice(0, 500) ?? null,
        })),
      });
    }
    await tx.$executeRaw`
      UPDATE "Delivery" d SET
        state = u.state::"DeliveryState",
        attempts = d.attempts + u.tried,
        "lastStatusCode" = CASE WHEN u.tried = 1 THEN u.code ELSE d."lastStatusCode" END,
        "lastError" = u.error,
        "nextAttemptAt" = COALESCE(u.next, d."nextAttemptAt"),
        "leaseUntil" = NULL,
        "completedAt" = CASE WHEN u.state = 'pending' THEN NULL ELSE ${now}::timestamp END
      FROM unnest(
        ${outcomes.map((o) => o.deliveryId)}::bigint[],
        ${outcomes.map(state)}::text[],
        ${outcomes.map((o) => (o.attempted ? 1 : 0))}::int[],
        ${outcomes.map((o) => o.statusCode)}::int[],
        ${outcomes.map((o) => o.error?.slice(0, 500) ?? null)}::text[],
        ${outcomes.map((o) => o.nextAttemptAt)}::timestamp[]
      ) AS u(id, state, tried, code, error, next)
      WHERE d.id = u.id`;
    const succeeded = [...new Set(outcomes.filter((o) => o.result === "succeeded").map((o) => o.subscriptionId))];
    const failing = [...new Set(outcomes.filter((o) => o.result === "failed").map((o) => o.subscriptionId))].filter(
      (id) => !succeeded.includes(id),
    );
    if (succeeded.length) {
      await tx.subscription.updateMany({ where: { id: { in: succeeded } }, data: { lastSuccessAt: now, failingSince: null } });
    }
    if (failing.length) {
      await tx.subscription.updateMany({ where: { id: { in: failing }, failingSince: null }, data: { failingSince: now } });
    }
    for (const o of outcomes) {
      if (o.disableReason) await disableSubscription(tx, o.subscriptionId, o.disableReason, now);
    }
  });
}

/** Turns a subscription off and cancels what was waiting for it; its management page shows why. */
export async function disableSubscription(tx: Tx, subscriptionId: string, reason: string, now = new Date()): Promise<void> {
  const changed = await tx.subscription.updateMany({
    where: { id: subscriptionId, state: "active" },
    data: { state: "disabled", disabledAt: now, disabledReason: reason },
  });
  if (changed.count === 0) return;
  await tx.delivery.updateMany({
    where: { subscriptionId, state: "pending" },
    data: { state: "cancelled", lastError: "subscription disabled", completedAt: now, leaseUntil: null },
  });
}

/** Delivery log entries older than the retention are deleted (the deliveries' final state remains). */
export async function pruneDeliveryLog(before: Date): Promise<number> {
  const attempts = await db.deliveryAttempt.deleteMany({ where: { at: { lt: before } } });
  await db.notification.deleteMany({ where: { createdAt: { lt: before }, deliveries: { none: { state: "pending" } } } });
  return attempts.count;
}

/**
 * Makes the staff recipients match the configuration: one active staff subscription per configured
 * address and webhook URL, and every other staff subscription unsubscribed.
 */
export async function syncStaffRecipients(
  wanted: { channel: "email" | "webhook"; target: string }[],
  tokenHashFor: (id: string) => string,
  newId: () => string,
): Promise<void> {
  await db.$transaction(async (tx) => {
    // Workers starting together must not each add the same recipient.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('staff-recipients'))`;
    const existing = await tx.subscription.findMany({ where: { audience: "staff" } });
    for (const w of wanted) {
      const found = existing.find((e) => e.channel === w.channel && e.target === w.target);
      if (found) {
        if (found.state !== "active") {
          await tx.subscription.update({ where: { id: found.id }, data: { state: "active", unsubscribedAt: null } });
        }
      } else {
        const id = newId();
        await tx.subscription.create({
          data: { id, audience: "staff", channel: w.channel, target: w.target, state: "active", verifiedAt: new Date(), manageTokenHash: tokenHashFor(id) },
        });
      }
    }
    const stale = existing.filter((e) => e.state !== "unsubscribed" && !wanted.some((w) => w.channel === e.channel && w.target === e.target));
    if (stale.length) {
      await tx.subscription.updateMany({ where: { id: { in: stale.map((s) => s.id) } }, data: { state: "unsubscribed", unsubscribedAt: new Date() } });
    }
  });
}
