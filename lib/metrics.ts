import client from "prom-client";

// Prometheus metrics of one process (prom-client). The registry lives on globalThis: server.ts (run by
// tsx) and Next's server bundle may each load this module, and both must count into the same metrics.
// Nothing here touches the database on the request path; values that live in the database (queue
// depth, delivery backlog) are read only when /metrics is scraped (server/operations/metrics.ts).
// No "server-only": server.ts imports this file outside React's server conditions.

export interface Metrics {
  registry: client.Registry;
  httpRequests: client.Counter<"route" | "method" | "status">;
  httpDuration: client.Histogram<"route" | "method">;
  snapshotRebuilds: client.Counter<"outcome">;
  snapshotRebuildSeconds: client.Histogram;
  signInFailures: client.Counter;
  rateLimited: client.Counter<"limit">;
}

declare global {
  var __statusMetrics: Metrics | undefined;
}

function create(): Metrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: "status_" });
  const m: Metrics = {
    registry,
    httpRequests: new client.Counter({
      name: "status_http_requests_total",
      help: "HTTP requests answered, by route pattern, method and status code.",
      labelNames: ["route", "method", "status"],
      registers: [registry],
    }),
    httpDuration: new client.Histogram({
      name: "status_http_request_duration_seconds",
      help: "Time from receiving a request to finishing its response (live streams excluded).",
      labelNames: ["route", "method"],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    snapshotRebuilds: new client.Counter({
      name: "status_snapshot_rebuilds_total",
      help: "Public snapshot rebuilds, by outcome (ok or failed).",
      labelNames: ["outcome"],
      registers: [registry],
    }),
    snapshotRebuildSeconds: new client.Histogram({
      name: "status_snapshot_rebuild_duration_seconds",
      help: "How long one public snapshot rebuild took (reading the database and building).",
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    signInFailures: new client.Counter({
      name: "status_sign_in_failures_total",
      help: "Refused password sign-ins (wrong password, unknown account, or rate limited).",
      registers: [registry],
    }),
    rateLimited: new client.Counter({
      name: "status_rate_limited_total",
      help: "Requests refused by a rate limit, by limit name.",
      labelNames: ["limit"],
      registers: [registry],
    }),
  };
  return m;
}

export function metrics(): Metrics {
  return (globalThis.__statusMetrics ??= create());
}

/** A gauge whose value is computed when scraped. */
export function scrapedGauge<L extends string>(
  name: string,
  help: string,
  labelNames: L[],
  collect: (gauge: client.Gauge<L>) => Promise<void> | void,
): void {
  const { registry } = metrics();
  if (registry.getSingleMetric(name)) return;
  new client.Gauge<L>({
    name,
    help,
    labelNames,
    registers: [registry],
    async collect() {
      await collect(this);
    },
  });
}

const ID_SEGMENT = /^(?:c[a-z0-9]{20,}|[0-9a-f]{8}-[0-9a-f-]{27}|\d+|[A-Za-z0-9_-]{20,})$/;
const KNOWN_PREFIXES = ["/api/v2/", "/api/admin/v1/", "/api/public/", "/api/auth/", "/api/subscriptions/", "/console", "/incidents/", "/maintenance/", "/badge/", "/history", "/subscribe", "/subscriptions/", "/sign-in", "/_next/"];

/**
 * A request path reduced to a route pattern, so labels stay few: ids become ":id", Next's build assets
 * one label, and anything unknown (scanners, typos) "other".
 */
export function routeLabel(pathname: string): string {
  if (pathname.startsWith("/_next/")) return "/_next/*";
  if (pathname.startsWith("/subscriptions/")) return "/subscriptions/:token";
  if (pathname.startsWith("/api/subscriptions/")) return "/api/subscriptions/:token/*";
  const known =
    ["/", "/api/health", "/api/ready", "/api/stream", "/metrics", "/badge.svg", "/history.rss", "/history.atom"].includes(pathname) ||
    KNOWN_PREFIXES.some((p) => pathname.startsWith(p));
  if (!known) return "other";
  const parts = pathname.split("/").map((segment) => {
    const ext = /^(.*?)(\.(?:svg|rss|atom|json))$/.exec(segment);
    const [stem, suffix] = ext ? [ext[1] ?? "", ext[2] ?? ""] : [segment, ""];
    return ID_SEGMENT.test(stem) ? `:id${suffix}` : segment;
  });
  return parts.slice(0, 8).join("/") || "/";
}

/** Records one answered request. */
export function observeRequest(pathname: string, method: string, status: number, seconds: number): void {
  const m = metrics();
  const route = routeLabel(pathname);
  const verb = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"].includes(method) ? method : "OTHER";
  m.httpRequests.inc({ route, method: verb, status: String(status) });
  m.httpDuration.observe({ route, method: verb }, seconds);
}
