import "server-only";
import { randomUUID } from "node:crypto";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/server/audit/mutations";
import type { Actor } from "@/server/auth/actor";
import { disableSubscription } from "@/server/notifications/mutations";
import { hashManageToken, manageTokenFor, signingSecretFor } from "@/server/notifications/secrets";
import type { ComponentScopeInput } from "@/server/subscribers/schema";

// Writes of the subscriber self-service (sign-up, confirmation, changes, unsubscribing). The person
// holding a management link is the only one who may change that subscription; links are checked in
// actions.ts before these run.

/** Keeps only ids of existing, unarchived components and groups. */
async function existingScope(tx: Tx, scope: ComponentScopeInput): Promise<ComponentScopeInput> {
  const [components, groups] = await Promise.all([
    scope.componentIds.length
      ? tx.component.findMany({ where: { id: { in: scope.componentIds }, archivedAt: null }, select: { id: true } })
      : [],
    scope.groupIds.length
      ? tx.componentGroup.findMany({ where: { id: { in: scope.groupIds }, archivedAt: null }, select: { id: true } })
      : [],
  ]);
  return { componentIds: components.map((c) => c.id), groupIds: groups.map((g) => g.id) };
}

async function replaceScope(tx: Tx, subscriptionId: string, scope: ComponentScopeInput): Promise<void> {
  const kept = await existingScope(tx, scope);
  await tx.subscriptionComponent.deleteMany({ where: { subscriptionId } });
  await tx.subscriptionGroup.deleteMany({ where: { subscriptionId } });
  if (kept.componentIds.length) {
    await tx.subscriptionComponent.createMany({ data: kept.componentIds.map((componentId) => ({ subscriptionId, componentId })) });
  }
  if (kept.groupIds.length) {
    await tx.subscriptionGroup.createMany({ data: kept.groupIds.map((groupId) => ({ subscriptionId, groupId })) });
  }
  await tx.subscription.update({
    where: { id: subscriptionId },
    data: { allComponents: kept.componentIds.length === 0 && kept.groupIds.length === 0 },
  });
}

/**
 * A new webhook subscription, pending until its URL passes verification. Returns the management
 * token and signing secret: they are shown once and never stored.
 */
export async function createWebhookSubscription(input: ComponentScopeInput & { url: string }) {
  const id = randomUUID();
  const token = manageTokenFor(id);
  await db.$transaction(async (tx) => {
    await tx.subscription.create({
      data: { id, channel: "webhook", target: input.url, manageTokenHash: hashManageToken(token) },
    });
    await replaceScope(tx, id, input);
  });
  return { id, token, secret: signingSecretFor(id, 1) };
}

/**
 * Email sign-up, answering the same whatever the address's state so the page never tells whether it
 * is subscribed: returns which message the address should get ("confirm" or "already"), or null when
 * one was sent too recently to send another.
 */
export async function requestEmailSubscription(input: ComponentScopeInput & { email: string }, now = new Date()) {
  return db.$transaction(async (tx) => {
    const existing = await tx.subscription.findFirst({
      where: { channel: "email", audience: "public", target: input.email },
      orderBy: { createdAt: "asc" },
    });
    const throttled = (sentAt: Date | null) => sentAt !== null && now.getTime() - sentAt.getTime() < 10 * 60 * 1000;
    if (!existing) {
      const id = randomUUID();
      await tx.subscription.create({
        data: { id, channel: "email", target: input.email, manageTokenHash: hashManageToken(manageTokenFor(id)), challengeSentAt: now },
      });
      await replaceScope(tx, id, input);
      return { subscriptionId: id, message: "confirm" as const };
    }
    if (throttled(existing.challengeSentAt)) return null;
    await tx.subscription.update({ where: { id: existing.id }, data: { challengeSentAt: now } });
    if (existing.state === "active" || existing.state === "disabled") {
      return { subscriptionId: existing.id, message: "already" as const };
    }
    // Pending or unsubscribed: start over with the newly chosen components.
    await tx.subscription.update({ where: { id: existing.id }, data: { state: "pending", unsubscribedAt: null } });
    await replaceScope(tx, existing.id, input);
    return { subscriptionId: existing.id, message: "confirm" as const };
  });
}

/** Activates a pending subscription (its URL answered the challenge, or its address confirmed). */
export async function activateSubscription(id: string, now = new Date()): Promise<void> {
  await db.subscription.update({
    where: { id },
    data: { state: "active", verifiedAt: now, failingSince: null, disabledAt: null, disabledReason: null, unsubscribedAt: null },
  });
}

export async function recordChallengeSent(id: string, now = new Date()): Promise<void> {
  await db.subscription.update({ where: { id }, data: { challengeSentAt: now } });
}

export async function setSubscriptionScope(id: string, scope: ComponentScopeInput): Promise<void> {
  await db.$transaction((tx) => replaceScope(tx, id, scope));
}

/** A new signing secret; the previous one keeps signing alongside it for a day. */
export async function rotateSigningSecret(id: string, now = new Date()): Promise<string> {
  const sub = await db.subscription.update({
    where: { id },
    data: { secretVersion: { increment: 1 }, secretRotatedAt: now },
    select: { id: true, secretVersion: true },
  });
  return signingSecretFor(sub.id, sub.secretVersion);
}

/** Unsubscribes and cancels whatever was still waiting to be sent to it. */
export async function unsubscribe(id: string, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    const sub = await tx.subscription.findUnique({ where: { id }, select: { state: true } });
    if (!sub) throw new AppError("NOT_FOUND", "Subscription not found.");
    if (sub.state === "unsubscribed") return;
    await tx.subscription.update({ where: { id }, data: { state: "unsubscribed", unsubscribedAt: now } });
    await tx.delivery.updateMany({
      where: { subscriptionId: id, state: "pending" },
      data: { state: "cancelled", lastError: "unsubscribed", completedAt: now, leaseUntil: null },
    });
  });
}

/** Pending subscriptions nobody verified or confirmed within a week are forgotten. */
export async function deleteStalePendingSubscriptions(now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - 7 * 24 * 60 * 60 * 1000);
  const { count } = await db.subscription.deleteMany({
    where: { state: "pending", audience: "public", createdAt: { lt: cutoff } },
  });
  return count;
}

/** Staff turn a subscription off (with the reason its owner will see) or back on. */
export async function setSubscriptionEnabledByStaff(actor: Actor, id: string, enabled: boolean, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await tx.subscription.findUnique({ where: { id }, select: { state: true, audience: true } });
    if (!before) throw new AppError("NOT_FOUND", "Subscription not found.");
    if (before.audience === "staff") throw new AppError("BAD_REQUEST", "Staff recipients come from the configuration.");
    if (enabled) {
      if (before.state !== "disabled") throw new AppError("BAD_REQUEST", "Only a turned-off subscription can be turned back on.");
      await tx.subscription.update({
        where: { id },
        data: { state: "active", disabledAt: null, disabledReason: null, failingSince: null },
      });
    } else {
      if (before.state !== "active") throw new AppError("BAD_REQUEST", "Only an active subscription can be turned off.");
      await disableSubscription(tx, id, "Turned off by the page's staff.", now);
    }
    await writeAudit(tx, actor, {
      action: enabled ? "subscriber.enable" : "subscriber.disable",
      entityType: "subscription",
      entityId: id,
      before: { state: before.state },
      after: { state: enabled ? "active" : "disabled" },
    });
  });
}
