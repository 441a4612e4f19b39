import "server-only";
import { randomBytes } from "node:crypto";
import http from "node:http";
import { gzipSync } from "node:zlib";
import { logger } from "@/lib/logger";
import { inlineScriptHashes, pagePolicy } from "@/lib/security-headers";
import { PUBLIC_CACHE_CONTROL } from "@/server/public/resources";
import type { SnapshotStore } from "@/server/public/snapshot-store";

// The status page's HTML, rendered by Next.js once per snapshot version and then served as the same
// bytes to every viewer. The server renders it by asking itself for "/" with a private header that
// the fast path lets through to Next. Until a version's HTML is ready, "/" is rendered as usual.

const BYPASS_HEADER = "x-status-render";
const bypassToken = randomBytes(16).toString("hex");

interface CachedPage {
  etag: string;
  /** The policy allowing exactly this HTML's inline scripts, by hash: one copy serves every viewer. */
  policy: string;
  body: Buffer;
  gzip: Buffer;
  contentType: string;
}

let cached: CachedPage | null = null;
let rendering: string | null = null;
/** Requests waiting for the render in flight (see waitForPage). */
const waiting = new Set<() => void>();
let origin: string | null = null;

/** Where this server can reach itself; set by server.ts once it listens. */
export function setSelfOrigin(value: string): void {
  origin = value;
}

export function isRenderRequest(headers: http.IncomingHttpHeaders): boolean {
  return headers[BYPASS_HEADER] === bypassToken;
}

/** Headers of a request this process makes to itself (rendering, mirroring): fresh, never limited. */
export function internalRequestHeaders(): Record<string, string> {
  return { [BYPASS_HEADER]: bypassToken };
}

function fetchSelf(): Promise<{ status: number; body: Buffer; contentType: string }> {
  return new Promise((resolve, reject) => {
    if (!origin) return reject(new Error("self origin unknown"));
    const req = http.get(`${origin}/`, { headers: { [BYPASS_HEADER]: bypassToken, "accept-encoding": "identity" } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), contentType: String(res.headers["content-type"] ?? "text/html; charset=utf-8") }));
      res.on("error", reject);
    });
    req.setTimeout(15_000, () => req.destroy(new Error("render timed out")));
    req.on("error", reject);
  });
}

/** Renders "/" for the store's current version unless it is cached or being rendered. */
export async function refreshPage(store: SnapshotStore): Promise<void> {
  const etag = store.current()?.etag;
  if (!etag || cached?.etag === etag || rendering === etag || !origin) return;
  rendering = etag;
  try {
    const page = await fetchSelf();
    // Only cache what was rendered from this very version; a newer one will render itself.
    if (page.status === 200 && store.current()?.etag === etag) {
      const policy = pagePolicy({ hashes: inlineScriptHashes(page.body.toString("utf8")) });
      cached = { etag, policy, body: page.body, gzip: gzipSync(page.body, { level: 6 }), contentType: page.contentType };
    }
  } catch (error) {
    logger.warn({ err: error }, "could not pre-render the status page");
  } finally {
    if (rendering === etag) rendering = null;
    for (const wake of waiting) wake();
    waiting.clear();
  }
  if (store.current()?.etag !== cached?.etag) void refreshPage(store);
}

/** Whether some version of the page was rendered already (so requests need never go to Next). */
export function hasCachedPage(): boolean {
  return cached !== null;
}

/**
 * Resolves when the render in flight finishes, or after `timeoutMs`. While a new version renders, the
 * viewers asking for "/" wait for that one render instead of each making Next render the page: during
 * an incident the page changes every few seconds while thousands of viewers load it.
 */
export function waitForPage(store: SnapshotStore, timeoutMs: number): Promise<void> {
  void refreshPage(store);
  if (!rendering) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      waiting.delete(done);
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    waiting.add(done);
  });
}

/**
 * The cached page's response for the current version, or null to let Next render it. With `orOlder`,
 * the newest cached version when the current one could not be rendered in time.
 */
export function cachedPageResponse(
  currentEtag: string | undefined,
  request: { method: string; ifNoneMatch: string | null; acceptEncoding: string | null },
  orOlder = false,
): { status: number; headers: Record<string, string>; body: Buffer | null } | null {
  if (!cached || (cached.etag !== currentEtag && !orOlder)) return null;
  const etag = `"${cached.etag}"`;
  const headers: Record<string, string> = {
    etag,
    "cache-control": PUBLIC_CACHE_CONTROL,
    vary: "Accept-Encoding",
    "x-content-type-options": "nosniff",
    "x-status-cache": "hit",
    "content-security-policy": cached.policy,
  };
  if (request.ifNoneMatch?.split(",").some((t) => t.trim() === etag || t.trim() === `W/${etag}`)) return { status: 304, headers, body: null };
  const gzip = /\bgzip\b/.test(request.acceptEncoding ?? "");
  const body = gzip ? cached.gzip : cached.body;
  headers["content-type"] = cached.contentType;
  headers["content-length"] = String(body.length);
  if (gzip) headers["content-encoding"] = "gzip";
  return { status: 200, headers, body: request.method === "HEAD" ? null : body };
}
