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
