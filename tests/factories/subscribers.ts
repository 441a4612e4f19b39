import { createWebhookSubscription, activateSubscription, requestEmailSubscription } from "@/server/subscribers/mutations";

/** An active webhook subscription (verification skipped), with its secret and management token. */
export async function createActiveWebhook(url: string, scope: { componentIds?: string[]; groupIds?: string[] } = {}) {
  const created = await createWebhookSubscription({ url, componentIds: scope.componentIds ?? [], groupIds: scope.groupIds ?? [] });
  await activateSubscription(created.id);
  return created;
}

/** An active email subscription (confirmation skipped). */
export async function createActiveEmail(email: string, scope: { componentIds?: string[]; groupIds?: string[] } = {}) {
  const requested = await requestEmailSubscription({ email, componentIds: scope.componentIds ?? [], groupIds: scope.groupIds ?? [] });
  if (!requested) throw new Error("sign-up throttled");
  await activateSubscription(requested.subscriptionId);
  return requested.subscriptionId;
}
