import "server-only";
import { db } from "@/lib/db";
import { hashManageToken } from "@/server/notifications/secrets";

// Reads for the subscriber self-service pages. A management link shows its own subscription and
// nothing about anyone else's.

export interface ManagedSubscription {
  id: string;
  channel: "webhook" | "email";
  target: string;
  state: "pending" | "active" | "disabled" | "unsubscribed";
  allComponents: boolean;
  componentIds: string[];
  groupIds: string[];
  secretVersion: number;
  verifiedAt: Date | null;
  disabledAt: Date | null;
  disabledReason: string | null;
  challengeSentAt: Date | null;
  createdAt: Date;
  /** The latest deliveries to this subscription, newest first. */
  recentDeliveries: {
    messageId: string;
    type: string;
    state: string;
    attempts: number;
    lastStatusCode: number | null;
    lastError: string | null;
    createdAt: Date;
  }[];
}

export async function getSubscriptionByToken(token: string): Promise<ManagedSubscription | null> {
  const sub = await db.subscription.findUnique({
    where: { manageTokenHash: hashManageToken(token) },
    include: {
      components: { select: { componentId: true } },
      groups: { select: { groupId: true } },
      deliveries: {
        orderBy: { id: "desc" },
        take: 10,
        select: {
          messageId: true,
          state: true,
          attempts: true,
          lastStatusCode: true,
          lastError: true,
          createdAt: true,
          notification: { select: { type: true } },
        },
      },
    },
  });
  if (!sub || sub.audience !== "public") return null;
  return {
    id: sub.id,
    channel: sub.channel,
    target: sub.target,
    state: sub.state,
    allComponents: sub.allComponents,
    componentIds: sub.components.map((c) => c.componentId),
    groupIds: sub.groups.map((g) => g.groupId),
    secretVersion: sub.secretVersion,
    verifiedAt: sub.verifiedAt,
    disabledAt: sub.disabledAt,
    disabledReason: sub.disabledReason,
    challengeSentAt: sub.challengeSentAt,
    createdAt: sub.createdAt,
    recentDeliveries: sub.deliveries.map((d) => ({
      messageId: d.messageId,
      type: d.notification.type,
      state: d.state,
      attempts: d.attempts,
      lastStatusCode: d.lastStatusCode,
      lastError: d.lastError,
      createdAt: d.createdAt,
    })),
  };
}

/** What a worker needs to write to one subscriber. */
export async function getSubscriptionForMessage(id: string) {
  return db.subscription.findUnique({
    where: { id },
    select: { id: true, channel: true, target: true, state: true, secretVersion: true, secretRotatedAt: true, audience: true },
  });
}

/** The public subscription a management token belongs to, or null. */
export async function findSubscriptionIdByToken(token: string): Promise<string | null> {
  const sub = await db.subscription.findUnique({ where: { manageTokenHash: hashManageToken(token) }, select: { id: true, audience: true } });
  return sub && sub.audience === "public" ? sub.id : null;
}

export interface SubscriberRow {
  id: string;
  channel: "webhook" | "email";
  audience: "public" | "staff";
  target: string;
  state: "pending" | "active" | "disabled" | "unsubscribed";
  allComponents: boolean;
  scopeSize: number;
  createdAt: Date;
  lastSuccessAt: Date | null;
  failingSince: Date | null;
  disabledReason: string | null;
  pendingDeliveries: number;
}

/** Subscribers for the admin console, newest first, optionally filtered. */
export async function listSubscribersForAdmin(filter: {
  state?: SubscriberRow["state"];
  channel?: SubscriberRow["channel"];
  search?: string;
  take?: number;
}): Promise<{ rows: SubscriberRow[]; counts: Record<SubscriberRow["state"], number> }> {
  const where = {
    ...(filter.state ? { state: filter.state } : {}),
    ...(filter.channel ? { channel: filter.channel } : {}),
    ...(filter.search ? { target: { contains: filter.search, mode: "insensitive" as const } } : {}),
  };
  const [subs, grouped] = await Promise.all([
    db.subscription.findMany({
      where,
      orderBy: { createdAt: "desc" },
      take: filter.take ?? 200,
      include: {
        _count: { select: { components: true, groups: true, deliveries: { where: { state: "pending" } } } },
      },
    }),
    db.subscription.groupBy({ by: ["state"], _count: { _all: true } }),
  ]);
  const counts = { pending: 0, active: 0, disabled: 0, unsubscribed: 0 };
  for (const g of grouped) counts[g.state] = g._count._all;
  return {
    counts,
    rows: subs.map((s) => ({
      id: s.id,
      channel: s.channel,
      audience: s.audience,
      target: s.target,
      state: s.state,
      allComponents: s.allComponents,
      scopeSize: s._count.components + s._count.groups,
      createdAt: s.createdAt,
      lastSuccessAt: s.lastSuccessAt,
      failingSince: s.failingSince,
      disabledReason: s.disabledReason,
      pendingDeliveries: s._count.deliveries,
    })),
  };
}
