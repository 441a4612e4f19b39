import "server-only";
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { TLSSocket } from "node:tls";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { metrics, observeRequest } from "@/lib/metrics";
import { baselineHeaders } from "@/lib/security-headers";
import { isRenderRequest } from "@/server/public/page-cache";

// What every request meets first in server.ts, before the fast path and Next: a request id, the
// security headers, the body size limit, a response deadline, the per-address limit on public reads,
// and a line in the request metrics. All of it in memory: nothing here touches the database, so the
// public read path costs no more with it than without it.

/** True when it answered the request itself (refused it); a promise of that when it had to wait. */
export type FrontDoor = (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;

declare global {
  var __statusFrontDoor: FrontDoor | undefined;
}

const REQUEST_ID = /^[\w.-]{1,128}$/;
/** Paths whose responses may stream for a long time (the deadline does not apply). */
const LONG_LIVED = new Set(["/api/stream"]);
const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

function firstHeader(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The client's address as the nearest proxy saw it (the last X-Forwarded-For entry), as lib/rate-limit does. */
export function nodeClientAddress(req: IncomingMessage): string {
  const forwarded = req.headers["x-forwarded-for"];
  const list = (Array.isArray(forwarded) ? forwarded.join(",") : (forwarded ?? "")).split(",").map((s) => s.trim()).filter(Boolean);
  return list.at(-1) ?? req.socket.remoteAddress ?? "unknown";
}

function isHttps(req: IncomingMessage): boolean {
  return req.socket instanceof TLSSocket || firstHeader(req, "x-forwarded-proto")?.split(",")[0]?.trim() === "https";
}

function isPublicRead(method: string, pathname: string): boolean {
  if (method !== "GET" && method !== "HEAD") return false;
  return !pathname.startsWith("/_next/") && !pathname.startsWith("/api/admin/") && !pathname.startsWith("/console") && pathname !== "/api/health" && pathname !== "/api/ready" && pathname !== "/metrics";
}

function refuse(res: ServerResponse, status: number, code: string, message: string, extra: Record<string, string> = {}): true {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", connection: "close", ...extra });
  res.end(JSON.stringify({ error: { code, message } }));
  return true;
}

export function createFrontDoor(options: { maxBodyBytes: number; responseTimeoutMs: number; publicReadsPerMinute: number }): FrontDoor {
  const publicReads =
    options.publicReadsPerMinute > 0 ? new RateLimiterMemory({ keyPrefix: "public-read", points: options.publicReadsPerMinute, duration: 60 }) : null;
  const m = metrics();

  return (req, res) => {
    const started = performance.now();
    const method = req.method ?? "GET";
    const url = req.url ?? "/";
    const q = url.indexOf("?");
    const pathname = q === -1 ? url : url.slice(0, q);

    // One id per request, taken from an upstream proxy when it sent a sane one; Next's handlers read it
    // from the request header (lib/logger.ts childFor), and the client sees it in the response.
    const given = firstHeader(req, "x-request-id");
    const requestId = given && REQUEST_ID.test(given) ? given : randomUUID();
    req.headers["x-request-id"] = requestId;
    res.setHeader("x-request-id", requestId);
    for (const [name, value] of Object.entries(baselineHeaders(pathname, isHttps(req)))) res.setHeader(name, value);

    const longLived = LONG_LIVED.has(pathname);
    res.once("finish", () => {
      if (longLived) return;
      const seconds = (performance.now() - started) / 1000;
      observeRequest(pathname, method, res.statusCode, seconds);
      if (res.statusCode >= 500) logger.warn({ requestId, method, path: pathname, status: res.statusCode, ms: Math.round(seconds * 1000) }, "request failed");
      else logger.debug({ requestId, method, path: pathname, status: res.statusCode, ms: Math.round(seconds * 1000) }, "request");
    });

    const length = Number(firstHeader(req, "content-length") ?? 0);
    if (length > options.maxBodyBytes) {
      return refuse(res, 413, "PAYLOAD_TOO_LARGE", `Request bodies are limited to ${options.maxBodyBytes} bytes.`);
    }
    if (WRITE_METHODS.has(method) && length === 0 && firstHeader(req, "transfer-encoding")) {
      // A body of unknown length could be any size; every client this app serves sends Content-Length.
      return refuse(res, 411, "LENGTH_REQUIRED", "Send a Content-Length with the request body.");
    }

    if (!longLived && options.responseTimeoutMs > 0) {
      const timer = setTimeout(() => {
        if (res.writableEnded) return;
        logger.warn({ requestId, method, path: pathname }, "response deadline passed");
        if (!res.headersSent) refuse(res, 503, "TIMEOUT", "The server took too long to answer; try again.", { "retry-after": "5" });
        else res.destroy();
      }, options.responseTimeoutMs);
      timer.unref();
      res.once("close", () => clearTimeout(timer));
    }

    if (publicReads && isPublicRead(method, pathname) && !isRenderRequest(req.headers)) {
      // The memory limiter settles at once; nothing waits on I/O here.
      return publicReads.consume(nodeClientAddress(req)).then(
        () => false,
        (rejection: unknown) => {
          if (!(rejection instanceof RateLimiterRes)) return false;
          m.rateLimited.inc({ limit: "public-read" });
          const retry = String(Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)));
          return refuse(res, 429, "RATE_LIMITED", "Too many requests from your address; try again shortly.", { "retry-after": retry });
        },
      );
    }
    return false;
  };
}

/** Installs the front door for server.ts with the configured limits. */
export function installFrontDoor(): void {
  globalThis.__statusFrontDoor = createFrontDoor({
    maxBodyBytes: env.MAX_BODY_BYTES,
    responseTimeoutMs: env.RESPONSE_TIMEOUT_MS,
    publicReadsPerMinute: env.PUBLIC_RATE_LIMIT_PER_MINUTE,
  });
}
