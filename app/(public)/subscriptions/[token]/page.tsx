import type { Metadata } from "next";
import { notFound } from "next/navigation";
import {
  ConfirmEmailForm,
  RotateSecretForm,
  ScopeForm,
  UnsubscribeForm,
  VerifyWebhookForm,
} from "@/components/subscribers/manage-forms";
import type { ScopeOptions } from "@/components/subscribers/scope-picker";
import { getPublicView } from "@/server/public/view";
import { getSubscriptionByToken } from "@/server/subscribers/data";
import { manageTokenSchema } from "@/server/subscribers/schema";

// GET /subscriptions/{token}: a subscriber's own page (the link shown once, emailed, and carried in
// every message). Shows that subscription only; never indexed, and the token never leaks in a Referer.
export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Your subscription", robots: { index: false, follow: false }, referrer: "no-referrer" };

const STATE_TEXT = {
  pending: "Waiting for confirmation",
  active: "Active",
  disabled: "Turned off",
  unsubscribed: "Unsubscribed",
} as const;

export default async function ManageSubscriptionPage({ params }: { params: Promise<{ token: string }> }) {
  const parsed = manageTokenSchema.safeParse((await params).token);
  if (!parsed.success) notFound();
  const token = parsed.data;
  const [sub, { snapshot }] = await Promise.all([getSubscriptionByToken(token), getPublicView()]);
  if (!sub) notFound();
  const scope: ScopeOptions = {
    groups: snapshot.groups.map((g) => ({ id: g.id, name: g.name })),
    components: snapshot.components.map((c) => ({ id: c.id, name: c.name, groupId: c.groupId })),
  };
  const isWebhook = sub.channel === "webhook";
  const section = "space-y-3 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800";
  return (
    <main className="space-y-6">
      <h1 className="text-2xl font-bold">Your subscription</h1>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="font-medium">{isWebhook ? "Webhook URL" : "Email"}</dt>
        <dd className="break-all">{sub.target}</dd>
        <dt className="font-medium">State</dt>
        <dd data-testid="subscription-state">{STATE_TEXT[sub.state]}</dd>
      </dl>

      {sub.state === "disabled" ? (
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm dark:border-red-800 dark:bg-red-950">
          <p className="font-medium">Deliveries were turned off{sub.disabledAt ? ` on ${sub.disabledAt.toISOString().slice(0, 10)}` : ""}.</p>
          <p data-testid="disabled-reason">{sub.disabledReason}</p>
        </div>
      ) : null}

      {sub.state === "pending" && !isWebhook ? <ConfirmEmailForm token={token} /> : null}
      {(sub.state === "pending" || sub.state === "disabled") && isWebhook ? (
        <section className={section} aria-labelledby="verify-heading">
          <h2 id="verify-heading" className="font-semibold">
            Verification
          </h2>
          <p className="text-sm">
            We POST a signed request with a challenge to your URL; answer 2xx with the challenge in the body.
          </p>
          <VerifyWebhookForm token={token} label={sub.state === "disabled" ? "Verify and turn back on" : "Verify again"} />
        </section>
      ) : null}
      {sub.state === "disabled" && !isWebhook ? <ConfirmEmailForm token={token} /> : null}
      {sub.state === "unsubscribed" ? (
        <p className="text-sm">Nothing more will be sent. {isWebhook ? "Subscribe again from the subscription page." : ""}</p>
      ) : null}
      {sub.state === "unsubscribed" && !isWebhook ? <ConfirmEmailForm token={token} /> : null}

      {sub.state !== "unsubscribed" ? (
        <>
          <section className={section} aria-labelledby="components-heading">
            <h2 id="components-heading" className="font-semibold">
              What you hear about
            </h2>
            <ScopeForm token={token} scope={scope} selected={{ componentIds: sub.componentIds, groupIds: sub.groupIds }} />
          </section>
          {isWebhook ? (
            <section className={section} aria-labelledby="secret-heading">
              <h2 id="secret-heading" className="font-semibold">
                Signing secret
              </h2>
              <RotateSecretForm token={token} />
            </section>
          ) : null}
          {isWebhook && sub.recentDeliveries.length > 0 ? (
            <section className={section} aria-labelledby="deliveries-heading">
              <h2 id="deliveries-heading" className="font-semibold">
                Recent deliveries
              </h2>
              <table className="w-full text-left text-sm">
                <thead>
                  <tr>
                    <th scope="col">Event</th>
                    <th scope="col">State</th>
                    <th scope="col">Attempts</th>
                    <th scope="col">Last result</th>
                  </tr>
                </thead>
                <tbody>
                  {sub.recentDeliveries.map((d) => (
                    <tr key={d.messageId}>
                      <td>
                        {d.type} <span className="text-xs text-zinc-600 dark:text-zinc-400">{d.createdAt.toISOString()}</span>
                      </td>
                      <td>{d.state}</td>
                      <td>{d.attempts}</td>
                      <td>{d.lastError ?? (d.lastStatusCode ? `HTTP ${d.lastStatusCode}` : "")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ) : null}
          <section className={section} aria-labelledby="leave-heading">
            <h2 id="leave-heading" className="font-semibold">
              Unsubscribe
            </h2>
            <UnsubscribeForm token={token} />
          </section>
        </>
      ) : null}
    </main>
  );
}
