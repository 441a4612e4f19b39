import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { logger } from "@/lib/logger";
import { cachedPageResponse, hasCachedPage, isRenderRequest, refreshPage, setSelfOrigin, waitForPage } from "@/server/public/page-cache";
import { isPublicResourcePath, respond } from "@/server/public/resources";
import { HEARTBEAT_MS, MAX_STREAMS, STREAM_HEADERS, STREAM_HEARTBEAT, streamGreeting, streamMessage } from "@/server/public/stream";
import type { SnapshotStore } from "@/server/public/snapshot-store";
import type { PublicView } from "@/server/public/types";
import { snapshotStore } from "@/server/public/view";

// The hottest public paths answered from pre-serialized snapshot bytes by the Node server in front of
// Next.js (server.ts), skipping its routing and rendering: the API, badges and the live stream. The
// same resources are also served by ordinary route handlers when this layer is not in front.

export type FastPath = (req: IncomingMessage, res: ServerResponse) => boolean;

declare global {
  var __statusFastPath: FastPath | undefined;
}

const streams = new Set<ServerResponse>();
let heartbeat: NodeJS.Timeout | undefined;
let unsubscribe: (() => void) | undefined;

function broadcast(view: PublicView): void {
  const message = streamMessage(view);
  for (const res of streams) res.write(message);
}

function openStream(req: IncomingMessage, res: ServerResponse, view: PublicView | null): void {
  if (streams.size >= MAX_STREAMS) {
    res.writeHead(503, { "retry-after": "30", "content-type": "text/plain" }).end("Too many live viewers; polling still works.");
    return;
  }
  res.writeHead(200, STREAM_HEADERS);
  res.write(streamGreeting(view));
  streams.add(res);
  const close = () => streams.delete(res);
  req.on("close", close);
  res.on("error", close);
}

const header = (req: IncomingMessage, name: string): string | null => {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(",") : (value ?? null);
};

/** How long a viewer waits for the page's new version to render before getting the previous one. */
const PAGE_RENDER_WAIT_MS = 3_000;

/**
 * "/" from the pre-rendered HTML; requests Next must answer itself (client navigation, the render)
 * pass. When the snapshot changed and its page is rendering, wait for that render; only when no
 * version was ever rendered does Next render "/" for the request.
 */
function servePage(req: IncomingMessage, res: ServerResponse, store: SnapshotStore): boolean {
  if (isRenderRequest(req.headers) || req.headers.rsc !== undefined || req.headers["next-router-state-tree"] !== undefined) return false;
  if (req.method === "OPTIONS") return false;
  const request = { method: req.method ?? "GET", ifNoneMatch: header(req, "if-none-match"), acceptEncoding: header(req, "accept-encoding") };
  const now = cachedPageResponse(store.current()?.etag, request);
  if (now) return send(res, now);
  if (!hasCachedPage()) return false;
  void waitForPage(store, PAGE_RENDER_WAIT_MS).then(() => {
    if (!res.destroyed) send(res, cachedPageResponse(store.current()?.etag, request, true));
  });
  return true;
}

function send(res: ServerResponse, response: { status: number; headers: Record<string, string>; body: Buffer | null } | null): boolean {
  if (!response) return false;
  res.writeHead(response.status, response.headers);
  res.end(response.body ?? undefined);
  return true;
}

const handle: FastPath = (req, res) => {
  const method = req.method ?? "GET";
  if (method !== "GET" && method !== "HEAD" && method !== "OPTIONS") return false;
  const url = req.url ?? "/";
  const q = url.indexOf("?");
  const pathname = q === -1 ? url : url.slice(0, q);
  const store = snapshotStore();
  if (pathname === "/" && q === -1) return servePage(req, res, store);
  if (pathname === "/api/stream" && method === "GET") {
    openStream(req, res, store.current());
    return true;
  }
  if (!isPublicResourcePath(pathname)) return false;
  const view = store.current();
  if (!view) return false; // Next's route handler waits for the first snapshot or answers 503
  const response = respond(view, pathname, {
    method,
    ifNoneMatch: header(req, "if-none-match"),
    acceptEncoding: header(req, "accept-encoding"),
  });
  return send(res, response);
};

/** Installs the fast path for server.ts and starts pushing snapshot changes to live streams. */
export function installFastPath(selfOrigin?: string): void {
  if (selfOrigin) setSelfOrigin(selfOrigin);
  if (globalThis.__statusFastPath) return;
  const store = snapshotStore();
  unsubscribe = store.subscribe((view) => {
    broadcast(view);
    void refreshPage(store);
  });
  heartbeat = setInterval(() => {
    for (const res of streams) res.write(STREAM_HEARTBEAT);
  }, HEARTBEAT_MS);
  heartbeat.unref();
  globalThis.__statusFastPath = handle;
  void refreshPage(store);
  logger.info("public fast path installed");
}

/** Ends every live stream (on shutdown, so the server can close). */
export function closeStreams(): void {
  unsubscribe?.();
  if (heartbeat) clearInterval(heartbeat);
  for (const res of streams) res.end();
  streams.clear();
  globalThis.__statusFastPath = undefined;
}
