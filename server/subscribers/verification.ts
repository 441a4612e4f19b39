import "server-only";
import { randomBytes } from "node:crypto";
import { env } from "@/lib/env";
import { parseAllowlist } from "@/server/notifications/address-policy";
import { getPageContext } from "@/server/notifications/drafts";
import { manageUrl, webhookDocumentationUrl } from "@/server/notifications/links";
import { activeSigningSecrets, manageTokenFor } from "@/server/notifications/secrets";
import { signWebhook } from "@/server/notifications/signing";
import { checkWebhookTarget, postWebhook } from "@/server/notifications/webhook-http";
import { activateSubscription, recordChallengeSent } from "@/server/subscribers/mutations";

// A webhook subscription starts only after its URL proves it wants our messages: we POST a signed
// verification request carrying a random challenge, and the receiver must answer 2xx with the
// challenge in its response body (as plain text or in JSON). A URL that merely accepts any POST (say,
// someone else's chat webhook) cannot be signed up by a stranger.

export interface VerificationResult {
  ok: boolean;
  /** What went wrong, in words a subscriber can act on. */
  problem: string | null;
}

const allowlist = () => parseAllowlist(env.WEBHOOK_ALLOWED_PRIVATE_RANGES);

/** Refuses URLs that no delivery could reach (private ranges, plain http, unresolvable names). */
export function checkTargetForSignUp(url: string): Promise<string | null> {
  return checkWebhookTarget(url, allowlist());
}

export async function verifyWebhookSubscription(sub: {
  id: string;
  target: string;
  secretVersion: number;
  secretRotatedAt: Date | null;
}): Promise<VerificationResult> {
  const ctx = await getPageContext();
  const challenge = randomBytes(18).toString("base64url");
  const body = JSON.stringify({
    meta: { unsubscribe: manageUrl(ctx.pageUrl, manageTokenFor(sub.id)), documentation: webhookDocumentationUrl(ctx.pageUrl) },
    page: ctx.page,
    verification: { challenge },
  });
  const headers = signWebhook({
    secrets: activeSigningSecrets(sub),
    messageId: `msg_verify_${randomBytes(12).toString("hex")}`,
    body,
  });
  await recordChallengeSent(sub.id);
  const outcome = await postWebhook(sub.target, body, { ...headers }, { timeoutMs: env.WEBHOOK_TIMEOUT_MS, allowlist: allowlist() });
  if (!outcome.ok) return { ok: false, problem: `The verification request failed: ${outcome.error ?? "no answer"}.` };
  if (!outcome.responseText.includes(challenge)) {
    return { ok: false, problem: "Your endpoint answered, but without the challenge. Echo verification.challenge in the response body." };
  }
  await activateSubscription(sub.id);
  return { ok: true, problem: null };
}
