import type { Metadata } from "next";

// GET /subscribe/webhooks: what webhook receivers need to know (meta.documentation in every payload).
export const metadata: Metadata = { title: "Webhooks: receiving and verifying" };
// Rendered per request like every public page: the layout around it reads the live snapshot.
export const dynamic = "force-dynamic";

const EXAMPLE = `{
  "meta": {
    "unsubscribe": "https://status.example.org/subscriptions/<your token>",
    "documentation": "https://status.example.org/subscribe/webhooks"
  },
  "page": { "id": "default", "status_indicator": "major", "status_description": "Partial System Outage" },
  "component_update": {
    "created_at": "2026-11-23T10:00:00Z", "new_status": "major_outage", "old_status": "operational",
    "id": "1234", "component_id": "cmp_downloads"
  },
  "component": { "id": "cmp_downloads", "name": "Downloads", "status": "major_outage", "...": "..." }
}`;

const VERIFY = `import { Webhook } from "standardwebhooks";

const wh = new Webhook(process.env.STATUS_WEBHOOK_SECRET); // "whsec_..."
const payload = wh.verify(rawBody, {
  "webhook-id": req.headers["webhook-id"],
  "webhook-timestamp": req.headers["webhook-timestamp"],
  "webhook-signature": req.headers["webhook-signature"],
}); // throws when the signature or the timestamp is wrong`;

export default function WebhookDocsPage() {
  const code = "overflow-x-auto rounded-md bg-zinc-100 p-3 text-xs dark:bg-zinc-900";
  return (
    <main className="space-y-4">
      <h1 className="text-2xl font-bold">Webhooks: receiving and verifying</h1>
      <h2 className="text-lg font-semibold">What you receive</h2>
      <p>
        A POST with a JSON body in Atlassian Statuspage&apos;s webhook format, so existing consumers keep working:{" "}
        <code>meta</code>, <code>page</code>, then either <code>component_update</code> with <code>component</code> (a status
        change) or <code>incident</code> with its <code>incident_updates</code>, newest first (incidents, postmortems and
        scheduled maintenance, which carries <code>scheduled_for</code> and <code>scheduled_until</code>).
      </p>
      <pre className={code}>{EXAMPLE}</pre>
      <h2 className="text-lg font-semibold">Verification at sign-up</h2>
      <p>
        Before a subscription starts we POST <code>{"{ \"verification\": { \"challenge\": \"...\" }, ... }"}</code>, signed like
        every message. Answer with a 2xx status and the challenge in the response body (plain text, or JSON such as{" "}
        <code>{"{ \"challenge\": \"...\" }"}</code>). Only https URLs on public addresses are accepted.
      </p>
      <h2 className="text-lg font-semibold">Signatures</h2>
      <p>
        Messages are signed with the <a href="https://www.standardwebhooks.com/" className="underline">Standard Webhooks</a>{" "}
        scheme: headers <code>webhook-id</code>, <code>webhook-timestamp</code> and <code>webhook-signature</code>, an
        HMAC-SHA256 over id, timestamp and body with your secret. Any Standard Webhooks library verifies them:
      </p>
      <pre className={code}>{VERIFY}</pre>
      <p>After you rotate the secret, messages carry signatures from both the new and the previous secret for a day.</p>
      <h2 className="text-lg font-semibold">Retries and de-duplication</h2>
      <p>
        Any answer other than 2xx, a timeout (10 seconds) or a refused connection is retried with exponential backoff
        (30 seconds, doubling, at most 4 hours apart) for at least 24 hours. Every attempt of one message carries the same{" "}
        <code>webhook-id</code>: a receiver that stores the ids it handled can drop repeats. Redirects other than 307 and 308
        are not followed, and no request goes to a private, loopback or link-local address, whatever the name resolves to.
      </p>
      <h2 className="text-lg font-semibold">When deliveries stop</h2>
      <p>
        A subscription whose deliveries have failed for 3 days is turned off, and so is one whose endpoint answers{" "}
        <code>410 Gone</code>. Its management page (the <code>meta.unsubscribe</code> link) says why and can turn it back on.
      </p>
    </main>
  );
}
