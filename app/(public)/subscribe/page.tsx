import type { Metadata } from "next";
import Link from "next/link";
import { EmailSubscribeForm } from "@/components/subscribers/email-subscribe-form";
import type { ScopeOptions } from "@/components/subscribers/scope-picker";
import { WebhookSubscribeForm } from "@/components/subscribers/webhook-subscribe-form";
import { isEmailConfigured } from "@/lib/mailer";
import { feedPath } from "@/server/public/feeds";
import { getPublicView } from "@/server/public/view";

// GET /subscribe: every way to hear about incidents without keeping a tab open. Reads the public
// snapshot only; the forms post to server actions and work without JavaScript.
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { snapshot } = await getPublicView();
  return { title: `Subscribe to ${snapshot.page.name}` };
}

export default async function SubscribePage() {
  const { snapshot } = await getPublicView();
  const scope: ScopeOptions = {
    groups: snapshot.groups.map((g) => ({ id: g.id, name: g.name })),
    components: snapshot.components.map((c) => ({ id: c.id, name: c.name, groupId: c.groupId })),
  };
  const section = "space-y-4 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800";
  return (
    <main className="space-y-8">
      <h1 className="text-2xl font-bold">Subscribe to updates</h1>

      <section aria-labelledby="feeds-heading" className={section}>
        <h2 id="feeds-heading" className="text-lg font-semibold">
          Feeds
        </h2>
        <p className="text-sm">
          Every incident and maintenance, with its whole timeline:{" "}
          <a href={feedPath("rss")} className="underline">
            RSS
          </a>{" "}
          or{" "}
          <a href={feedPath("atom")} className="underline">
            Atom
          </a>
          .
        </p>
        <details>
          <summary className="cursor-pointer text-sm font-medium">Feeds for one component</summary>
          <ul className="mt-2 space-y-1 text-sm">
            {snapshot.components.map((c) => (
              <li key={c.id}>
                {c.name}:{" "}
                <a href={feedPath("rss", c.id)} className="underline">
                  RSS
                </a>{" "}
                ·{" "}
                <a href={feedPath("atom", c.id)} className="underline">
                  Atom
                </a>
              </li>
            ))}
          </ul>
        </details>
      </section>

      <section aria-labelledby="webhooks-heading" className={section}>
        <h2 id="webhooks-heading" className="text-lg font-semibold">
          Webhooks
        </h2>
        <p className="text-sm">
          For bots and platforms: signed JSON in Statuspage&apos;s webhook format.{" "}
          <Link href="/subscribe/webhooks" className="underline">
            How to receive and verify them
          </Link>
          .
        </p>
        <WebhookSubscribeForm pageUrl={snapshot.page.url} scope={scope} />
      </section>

      <section aria-labelledby="email-heading" className={section}>
        <h2 id="email-heading" className="text-lg font-semibold">
          Email
        </h2>
        {isEmailConfigured() ? (
          <EmailSubscribeForm scope={scope} />
        ) : (
          <p className="text-sm">Email notifications are not offered on this page; use a feed or a webhook.</p>
        )}
      </section>
    </main>
  );
}
