// Links that go out in messages, all under the page's public URL. Pure.

const base = (pageUrl: string) => pageUrl.replace(/\/+$/, "");

/** A subscription's management page (view, change components, rotate the secret, unsubscribe). */
export const manageUrl = (pageUrl: string, token: string) => `${base(pageUrl)}/subscriptions/${token}`;

/** RFC 8058 one-click unsubscribe target (POST), for email's List-Unsubscribe header. */
export const oneClickUnsubscribeUrl = (pageUrl: string, token: string) =>
  `${base(pageUrl)}/api/subscriptions/${token}/unsubscribe`;

/** What receivers read to understand and verify our webhooks. */
export const webhookDocumentationUrl = (pageUrl: string) => `${base(pageUrl)}/subscribe/webhooks`;


export const consoleUrl = (pageUrl: string, path = "") => `${base(pageUrl)}/console${path}`;
