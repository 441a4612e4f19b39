"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import { runAction, type ActionResult } from "@/lib/action-result";
import { AppError } from "@/lib/errors";
import { isEmailConfigured } from "@/lib/mailer";
import { clientAddress, rateLimit } from "@/lib/rate-limit";
import { getBoss } from "@/server/jobs/boss";
import { queueSubscriberMail } from "@/server/notifications/jobs";
import { requireStaff } from "@/server/auth/session";
import { getSubscriptionForMessage, findSubscriptionIdByToken } from "@/server/subscribers/data";
import {
  activateSubscription,
  createWebhookSubscription,
  requestEmailSubscription,
  rotateSigningSecret,
  setSubscriptionEnabledByStaff,
  setSubscriptionScope,
  unsubscribe,
} from "@/server/subscribers/mutations";
import {
  componentScopeSchema,
  createEmailSubscriptionSchema,
  createWebhookSubscriptionSchema,
  manageTokenSchema,
  scopeFromForm,
} from "@/server/subscribers/schema";
import { checkTargetForSignUp, verifyWebhookSubscription } from "@/server/subscribers/verification";

// The public subscription forms and the management page. No session: a management token (from the
// link shown once or emailed) is the only key to a subscription. Every endpoint is rate-limited per
// client address, and the email sign-up answers the same whatever the address's state.

const SIGN_UP_LIMIT = { points: 5, durationSeconds: 600 };
const MANAGE_LIMIT = { points: 30, durationSeconds: 600 };
const VERIFY_LIMIT = { points: 10, durationSeconds: 600 };

async function limit(name: string, options: { points: number; durationSeconds: number }): Promise<void> {
  const verdict = await rateLimit(name, options).consume(clientAddress(await headers()));
  if (!verdict.allowed) {
    throw new AppError("RATE_LIMITED", `Too many attempts from your network; try again in ${Math.ceil(verdict.retryAfterSeconds / 60)} minutes.`);
  }
}

const text = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : undefined;
};

async function subscriptionFor(form: FormData) {
  const token = manageTokenSchema.parse(text(form, "token"));
  const id = await findSubscriptionIdByToken(token);
  const sub = id ? await getSubscriptionForMessage(id) : null;
  if (!sub) throw new AppError("NOT_FOUND", "This link is not valid (any more).");
  return sub;
}

/** What the person typed, sent back with an error so the form shows it again (with or without JavaScript). */
export interface SubmittedValues {
  url?: string;
  email?: string;
  componentIds: string[];
  groupIds: string[];
}
export type SignUpResult<T> = ActionResult<T> & { values?: SubmittedValues };

export interface WebhookSignUp {
  /** Path of the management page, with its token: shown once. */
  managePath: string;
  /** The signing secret: shown once. */
  secret: string;
  verified: boolean;
  problem: string | null;
}

export async function subscribeWebhookAction(_prev: unknown, form: FormData): Promise<SignUpResult<WebhookSignUp>> {
  const result = await runAction(async () => {
    await limit("subscribe", SIGN_UP_LIMIT);
    const input = createWebhookSubscriptionSchema.parse({ url: text(form, "url"), ...scopeFromForm(form) });
    const refused = await checkTargetForSignUp(input.url);
    if (refused) throw new AppError("VALIDATION", "This URL cannot receive notifications.", { url: [`This URL cannot be used: ${refused}.`] });
    const created = await createWebhookSubscription(input);
    const verification = await verifyWebhookSubscription({ id: created.id, target: input.url, secretVersion: 1, secretRotatedAt: null });
    return { managePath: `/subscriptions/${created.token}`, secret: created.secret, verified: verification.ok, problem: verification.problem };
  });
  return result.ok ? result : { ...result, values: { url: text(form, "url"), ...scopeFromForm(form) } };
}

export async function subscribeEmailAction(_prev: unknown, form: FormData): Promise<SignUpResult<{ email: string }>> {
  const result = await runAction(async () => {
    await limit("subscribe", SIGN_UP_LIMIT);
    if (!isEmailConfigured()) throw new AppError("UNAVAILABLE", "Email notifications are not offered here.");
    const input = createEmailSubscriptionSchema.parse({ email: text(form, "email"), ...scopeFromForm(form) });
    const requested = await requestEmailSubscription(input);
    if (requested) await queueSubscriberMail(await getBoss(), requested.subscriptionId, requested.message);
    // The same answer whether the address was new, pending, already subscribed or throttled.
    return { email: input.email };
  });
  return result.ok ? result : { ...result, values: { email: text(form, "email"), ...scopeFromForm(form) } };
}

export async function updateScopeAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await limit("manage-subscription", MANAGE_LIMIT);
    const sub = await subscriptionFor(form);
    await setSubscriptionScope(sub.id, componentScopeSchema.parse(scopeFromForm(form)));
    revalidatePath("/subscriptions/[token]", "page");
    return null;
  });
}

export async function rotateSecretAction(_prev: unknown, form: FormData): Promise<ActionResult<{ secret: string }>> {
  return runAction(async () => {
    await limit("manage-subscription", MANAGE_LIMIT);
    const sub = await subscriptionFor(form);
    if (sub.channel !== "webhook") throw new AppError("BAD_REQUEST", "Only webhooks have a signing secret.");
    return { secret: await rotateSigningSecret(sub.id) };
  });
}

/** Verifies a pending webhook again, or turns a disabled one back on once its URL answers. */
export async function verifyWebhookAction(_prev: unknown, form: FormData): Promise<ActionResult<{ problem: string | null }>> {
  return runAction(async () => {
    await limit("verify-webhook", VERIFY_LIMIT);
    const sub = await subscriptionFor(form);
    if (sub.channel !== "webhook" || (sub.state !== "pending" && sub.state !== "disabled")) {
      throw new AppError("BAD_REQUEST", "This subscription does not need verifying.");
    }
    const refused = await checkTargetForSignUp(sub.target);
    if (refused) return { problem: `This URL cannot be used: ${refused}.` };
    const result = await verifyWebhookSubscription(sub);
    revalidatePath("/subscriptions/[token]", "page");
    return { problem: result.problem };
  });
}

export async function confirmEmailAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await limit("manage-subscription", MANAGE_LIMIT);
    const sub = await subscriptionFor(form);
    if (sub.channel !== "email") throw new AppError("BAD_REQUEST", "Only email subscriptions are confirmed.");
    if (sub.state !== "active") await activateSubscription(sub.id);
    revalidatePath("/subscriptions/[token]", "page");
    return null;
  });
}

export async function unsubscribeAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await limit("manage-subscription", MANAGE_LIMIT);
    const sub = await subscriptionFor(form);
    await unsubscribe(sub.id);
    revalidatePath("/subscriptions/[token]", "page");
    return null;
  });
}

/** Console: an admin turns a subscriber off or back on. */
export async function setSubscriberEnabledAction(subscriptionId: string, enabled: boolean): Promise<ActionResult> {
  return runAction(async () => {
    const { actor } = await requireStaff("subscriber.manage");
    await setSubscriptionEnabledByStaff(actor, z.string().min(1).max(64).parse(subscriptionId), z.boolean().parse(enabled));
    revalidatePath("/console/subscribers");
    return null;
  });
}
