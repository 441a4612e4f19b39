import { createHash } from "node:crypto";

// The security headers of every response, as pure functions (server.ts, proxy.ts and the page cache
// use them). Scripts never run inline without a nonce or a hash: dynamic pages get a fresh nonce per
// request (proxy.ts); the cached status page, one copy for every viewer, lists its inline scripts'
// hashes instead. Only the badges (and any widget route) may be framed by other sites.

/** Routes other sites may embed in a frame. */
export function isEmbeddable(pathname: string): boolean {
  return pathname === "/badge.svg" || pathname.startsWith("/badge/") || pathname.startsWith("/widget");
}

/** The policy of an HTML page whose inline scripts carry this nonce or have these hashes. */
export function pagePolicy(scripts: { nonce?: string; hashes?: string[] }, options: { dev?: boolean } = {}): string {
  const scriptSources = ["'self'"];
  if (scripts.nonce) scriptSources.push(`'nonce-${scripts.nonce}'`);
  for (const hash of scripts.hashes ?? []) scriptSources.push(`'${hash}'`);
  // Next's development server evaluates modules; production never does.
  if (options.dev) scriptSources.push("'unsafe-eval'");
  return [
    "default-src 'self'",
    `script-src ${scriptSources.join(" ")}`,
    // React sets style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    // The page's logo may live on another https host.
    "img-src 'self' data: https:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** The policy of everything that is not a page: nothing may run, and only badges may be framed. */
export function resourcePolicy(pathname: string): string {
  return isEmbeddable(pathname)
    ? "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors *"
    : "default-src 'none'; frame-ancestors 'none'";
}

/** sha256 sources of the inline scripts of an HTML document (scripts with a src are covered by 'self'). */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const [, attributes = "", body = ""] = match;
    if (/\bsrc\s*=/i.test(attributes) || body.length === 0) continue;
    hashes.add(`sha256-${createHash("sha256").update(body, "utf8").digest("base64")}`);
  }
  return [...hashes];
}

/**
 * Headers every response starts with. The content security policy here is the strict one for
 * non-page resources; pages replace it with theirs.
 */
export function baselineHeaders(pathname: string, isHttps: boolean): Record<string, string> {
  const headers: Record<string, string> = {
    "content-security-policy": resourcePolicy(pathname),
    "referrer-policy": "strict-origin-when-cross-origin",
    "x-content-type-options": "nosniff",
    "cross-origin-opener-policy": "same-origin",
  };
  if (!isEmbeddable(pathname)) headers["x-frame-options"] = "DENY";
  // Browsers ignore HSTS over plain http, and sending it there would only confuse a local setup.
  if (isHttps) headers["strict-transport-security"] = "max-age=31536000; includeSubDomains";
  return headers;
}
