import { gzipSync } from "node:zlib";
import { componentBadge, overallBadge, unknownBadge } from "@/server/public/badge";
import { historyFeed, type FeedFormat } from "@/server/public/feeds";
import { liveModel } from "@/server/public/live";
import { v2 } from "@/server/public/statuspage-v2";
import type { PublicSnapshot, PublicView } from "@/server/public/types";

// Every public resource that is a pure function of the snapshot, pre-serialized once per snapshot
// version and served as the same bytes to every viewer: thousands of viewers cost one serialization.

/** Browsers revalidate every time (a 304 when nothing changed); a CDN may serve a copy for 2 s, keep
 *  serving while it revalidates, and keep serving for a day if the origin fails. */
export const PUBLIC_CACHE_CONTROL = "public, max-age=0, s-maxage=2, stale-while-revalidate=30, stale-if-error=86400";

interface Resource {
  contentType: string;
  build(view: PublicView): { status: number; body: string };
}

const json = (fn: (s: PublicSnapshot) => unknown): Resource => ({
  contentType: "application/json; charset=utf-8",
  build: (view) => ({ status: 200, body: JSON.stringify(fn(view.snapshot)) }),
});

const STATIC_RESOURCES: Record<string, Resource> = {
  "/api/v2/summary.json": json(v2.summary),
  "/api/v2/status.json": json(v2.status),
  "/api/v2/components.json": json(v2.components),
  "/api/v2/incidents.json": json(v2.incidents),
  "/api/v2/incidents/unresolved.json": json(v2.unresolvedIncidents),
  "/api/v2/scheduled-maintenances.json": json(v2.maintenances),
  "/api/v2/scheduled-maintenances/upcoming.json": json(v2.upcomingMaintenances),
  "/api/v2/scheduled-maintenances/active.json": json(v2.activeMaintenances),
  "/api/public/live.json": {
    contentType: "application/json; charset=utf-8",
    build: (view) => ({ status: 200, body: JSON.stringify(liveModel(view)) }),
  },
  "/badge.svg": {
    contentType: "image/svg+xml; charset=utf-8",
    build: ({ snapshot: s }) => ({
      status: 200,
      body: overallBadge(s.status.indicator, s.components.some((c) => c.status === "under_maintenance")),
    }),
  },
};

/** Paths of the resources that exist whatever the data (the API documents, the live model, the badge). */
export const STATIC_RESOURCE_PATHS: readonly string[] = Object.keys(STATIC_RESOURCES);

function componentBadgeResource(id: string): Resource {
  return {
    contentType: "image/svg+xml; charset=utf-8",
    build: ({ snapshot }) => {
      const component = snapshot.components.find((c) => c.id === id);
      return component ? { status: 200, body: componentBadge(component.name, component.status) } : { status: 404, body: unknownBadge("component") };
    },
  };
}

const FEED_TYPES: Record<FeedFormat, string> = {
  rss: "application/rss+xml; charset=utf-8",
  atom: "application/atom+xml; charset=utf-8",
};

/** /history.rss, /history.atom, and /history/{componentId}.rss or .atom. */
function feedResource(pathname: string): Resource | null {
  const match = /^\/history(?:\/([A-Za-z0-9_-]{1,64}))?\.(rss|atom)$/.exec(pathname);
  if (!match) return null;
  const [, componentId, format] = match as unknown as [string, string | undefined, FeedFormat];
  return {
    contentType: FEED_TYPES[format],
    build: ({ snapshot }) => {
      const body = historyFeed(snapshot, format, componentId);
      return body === null ? { status: 404, body: "Unknown component." } : { status: 200, body };
    },
  };
}

export function resolveResource(pathname: string): Resource | null {
  const fixed = STATIC_RESOURCES[pathname];
  if (fixed) return fixed;
  const badge = /^\/badge\/([A-Za-z0-9_-]{1,64})\.svg$/.exec(pathname);
  if (badge?.[1]) return componentBadgeResource(badge[1]);
  return feedResource(pathname);
}

export function isPublicResourcePath(pathname: string): boolean {
  return resolveResource(pathname) !== null;
}

interface Prepared {
  status: number;
  body: Buffer;
  gzip: Buffer | null;
  contentType: string;
}

const prepared = new WeakMap<PublicView, Map<string, Prepared>>();

function prepare(view: PublicView, pathname: string, resource: Resource): Prepared {
  let forView = prepared.get(view);
  if (!forView) {
    forView = new Map();
    prepared.set(view, forView);
  }
  let entry = forView.get(pathname);
  if (!entry) {
    const { status, body } = resource.build(view);
    const bytes = Buffer.from(body, "utf8");
    entry = { status, body: bytes, gzip: bytes.length > 1024 ? gzipSync(bytes, { level: 6 }) : null, contentType: resource.contentType };
    forView.set(pathname, entry);
  }
  return entry;
}

export interface PublicResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer | null;
}

/** The response to a GET or HEAD of a public resource, honouring If-None-Match and Accept-Encoding. */
export function respond(
  view: PublicView,
  pathname: string,
  request: { method: string; ifNoneMatch: string | null; acceptEncoding: string | null },
): PublicResponse | null {
  const resource = resolveResource(pathname);
  if (!resource) return null;
  const etag = `"${view.etag}"`;
  const headers: Record<string, string> = {
    etag,
    "cache-control": PUBLIC_CACHE_CONTROL,
    "access-control-allow-origin": "*",
    "access-control-expose-headers": "ETag, X-Status-Confirmed-At, X-Status-Stale",
    vary: "Accept-Encoding",
    "x-content-type-options": "nosniff",
    "x-status-confirmed-at": view.freshness.confirmedAt,
    "x-status-stale": String(view.freshness.stale),
  };
  if (request.method === "OPTIONS") {
    return { status: 204, headers: { ...headers, "access-control-allow-methods": "GET, HEAD, OPTIONS", "access-control-max-age": "86400" }, body: null };
  }
  const entry = prepare(view, pathname, resource);
  if (entry.status === 200 && request.ifNoneMatch?.split(",").some((t) => t.trim() === etag || t.trim() === `W/${etag}`)) {
    return { status: 304, headers, body: null };
  }
  const useGzip = entry.gzip !== null && /\bgzip\b/.test(request.acceptEncoding ?? "");
  const body = useGzip && entry.gzip ? entry.gzip : entry.body;
  headers["content-type"] = entry.contentType;
  headers["content-length"] = String(body.length);
  if (useGzip) headers["content-encoding"] = "gzip";
  return { status: entry.status, headers, body: request.method === "HEAD" ? null : body };
}
