import "server-only";
import { db } from "@/lib/db";
import type { OutboxEvent } from "@/server/notifications/events";
import type { NotificationBody } from "@/server/notifications/payloads";

// Reads of the delivery machinery: the outbox, deliveries to send, and what messages are built from.

export async function listUndispatchedEvents(limit: number): Promise<{ id: bigint; event: OutboxEvent }[]> {
  const rows = await db.outboxEvent.findMany({
    where: { dispatchedAt: null },
    orderBy: { id: "asc" },
    take: limit,
    select: { id: true, payload: true },
  });
  return rows.map((r) => ({ id: r.id, event: r.payload as unknown as OutboxEvent }));
}

/** Hosts with deliveries that are due and not being sent, oldest first: the sweep's work list. */
export async function listHostsWithDueDeliveries(limit: number): Promise<string[]> {
  const rows = await db.$queryRaw<{ host: string }[]>`
    SELECT host FROM "Delivery"
    WHERE state = 'pending' AND "nextAttemptAt" <= timezone('UTC', now())
      AND ("leaseUntil" IS NULL OR "leaseUntil" <= timezone('UTC', now()))
    GROUP BY host ORDER BY min("nextAttemptAt") LIMIT ${limit}`;
  return rows.map((r) => r.host);
}

/** Public fields of a component, for component_update messages. */
export function getComponentForMessage(id: string) {
  return db.component.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      description: true,
      status: true,
      position: true,
      groupId: true,
      showcase: true,
      onlyShowIfDegraded: true,
      startDate: true,
      archivedAt: true,
      createdAt: true,
      updatedAt: true,
    },
  });
}

export function getIncidentForStaffMessage(id: string, commsLeadId: string | null) {
  return Promise.all([
    db.incident.findUnique({ where: { id }, select: { id: true, name: true } }),
    commsLeadId ? db.user.findUnique({ where: { id: commsLeadId }, select: { name: true } }) : null,
  ]);
}

/** Whether an incident update may still reach the public: published incident, published public update. */
export async function isPublishedPublicUpdate(incidentId: string, updateId: string): Promise<boolean> {
  const update = await db.incidentUpdate.findFirst({
    where: {
      id: updateId,
      incidentId,
      kind: "public_update",
      state: "published",
      deliverNotifications: true,
      incident: { visibility: "published" },
    },
    select: { id: true },
  });
  return update !== null;
}

export async function isPublishedIncident(incidentId: string): Promise<boolean> {
  const incident = await db.incident.findFirst({ where: { id: incidentId, visibility: "published" }, select: { id: true } });
  return incident !== null;
}

export async function isPublishedMaintenance(maintenanceId: string): Promise<boolean> {
  const m = await db.maintenance.findFirst({ where: { id: maintenanceId, visibility: "published" }, select: { id: true } });
  return m !== null;
}

export interface ClaimedDelivery {
  id: bigint;
  messageId: string;
  createdAt: Date;
  attempts: number;
  notificationId: bigint;
  subscription: {
    id: string;
    channel: "webhook" | "email";
    audience: "public" | "staff";
    target: string;
    state: "pending" | "active" | "disabled" | "unsubscribed";
    secretVersion: number;
    secretRotatedAt: Date | null;
    failingSince: Date | null;
  };
}

export function getClaimedDeliveries(ids: bigint[]): Promise<ClaimedDelivery[]> {
  return db.delivery.findMany({
    where: { id: { in: ids } },
    orderBy: { id: "asc" },
    select: {
      id: true,
      messageId: true,
      createdAt: true,
      attempts: true,
      notificationId: true,
      subscription: {
        select: {
          id: true,
          channel: true,
          audience: true,
          target: true,
          state: true,
          secretVersion: true,
          secretRotatedAt: true,
          failingSince: true,
        },
      },
    },
  });
}

export interface StoredNotification {
  id: bigint;
  type: string;
  audience: "public" | "staff";
  body: NotificationBody;
  incidentId: string | null;
  updateId: string | null;
  /** The maintenance or other subject id, from the outbox event. */
  subjectId: string | null;
}

export async function getNotifications(ids: bigint[]): Promise<StoredNotification[]> {
  const rows = await db.notification.findMany({
    where: { id: { in: ids } },
    select: { id: true, type: true, audience: true, body: true, incidentId: true, updateId: true, outboxEvent: { select: { payload: true } } },
  });
  return rows.map((r) => {
    const event = r.outboxEvent.payload as unknown as OutboxEvent;
    return {
      id: r.id,
      type: r.type,
      audience: r.audience,
      body: r.body as unknown as NotificationBody,
      incidentId: r.incidentId,
      updateId: r.updateId,
      subjectId: "maintenanceId" in event ? event.maintenanceId : null,
    };
  });
}

export interface DeliveryLogRow {
  attemptId: string;
  at: Date;
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
  deliveryState: string;
  attempts: number;
  messageId: string;
  eventType: string;
  channel: "webhook" | "email";
  target: string;
  subscriptionId: string;
}

/** The delivery log: attempts, newest first, optionally only failures or one subscription's. */
export async function listDeliveryLog(filter: { failuresOnly?: boolean; subscriptionId?: string; take?: number }): Promise<DeliveryLogRow[]> {
  const rows = await db.deliveryAttempt.findMany({
    where: {
      ...(filter.failuresOnly ? { error: { not: null } } : {}),
      ...(filter.subscriptionId ? { delivery: { subscriptionId: filter.subscriptionId } } : {}),
    },
    orderBy: { id: "desc" },
    take: filter.take ?? 200,
    select: {
      id: true,
      at: true,
      statusCode: true,
      latencyMs: true,
      error: true,
      delivery: {
        select: {
          state: true,
          attempts: true,
          messageId: true,
          subscriptionId: true,
          notification: { select: { type: true } },
          subscription: { select: { channel: true, target: true } },
        },
      },
    },
  });
  return rows.map((r) => ({
    attemptId: r.id.toString(),
    at: r.at,
    statusCode: r.statusCode,
    latencyMs: r.latencyMs,
    error: r.error,
    deliveryState: r.delivery.state,
    attempts: r.delivery.attempts,
    messageId: r.delivery.messageId,
    eventType: r.delivery.notification.type,
    channel: r.delivery.subscription.channel,
    target: r.delivery.subscription.target,
    subscriptionId: r.delivery.subscriptionId,
  }));
}

/** Deliveries waiting, by state of health: what the console's summary shows. */
export async function getDeliveryBacklog(): Promise<{ pending: number; retrying: number; failedToday: number }> {
  const dayAgo = new Date(Date.now() - 24 * 60 * 60 * 1000);
  const [pending, retrying, failedToday] = await Promise.all([
    db.delivery.count({ where: { state: "pending", attempts: 0 } }),
    db.delivery.count({ where: { state: "pending", attempts: { gt: 0 } } }),
    db.delivery.count({ where: { state: "failed", completedAt: { gte: dayAgo } } }),
  ]);
  return { pending, retrying, failedToday };
}
