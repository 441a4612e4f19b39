import "server-only";
import { senderFor, sendMail } from "@/lib/mailer";
import { getPageContext } from "@/server/notifications/drafts";
import { renderAlreadySubscribedMail, renderConfirmMail } from "@/server/notifications/email-render";
import { manageUrl } from "@/server/notifications/links";
import { manageTokenFor } from "@/server/notifications/secrets";
import { getSubscriptionForMessage } from "@/server/subscribers/data";

// The two messages of the email double opt-in: "confirm your subscription" for a new or returning
// address, "you are already subscribed" (with the management link) for an active one. Both go only to
// the address itself, so the sign-up page never has to say which it was.

export type SubscriberMailKind = "confirm" | "already";

export async function sendSubscriberMail(subscriptionId: string, kind: SubscriberMailKind): Promise<void> {
  const sub = await getSubscriptionForMessage(subscriptionId);
  if (!sub || sub.channel !== "email" || sub.audience !== "public") return;
  if (kind === "confirm" && sub.state !== "pending") return;
  const ctx = await getPageContext();
  const link = manageUrl(ctx.pageUrl, manageTokenFor(sub.id));
  const mail =
    kind === "confirm"
      ? renderConfirmMail({ pageName: ctx.pageName, confirmUrl: link })
      : renderAlreadySubscribedMail({ pageName: ctx.pageName, manageUrl: link });
  await sendMail({ to: sub.target, from: senderFor(ctx.pageName, ctx.pageUrl), ...mail });
}
