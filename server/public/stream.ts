import type { PublicView } from "@/server/public/types";

// The live stream (/api/stream): server-sent events telling open pages that the public data changed,
// so they fetch it once (with their ETag) instead of polling. Each message carries only the new ETag.

export const STREAM_HEADERS = {
  "content-type": "text/event-stream; charset=utf-8",
  "cache-control": "no-cache, no-transform",
  connection: "keep-alive",
  "x-accel-buffering": "no",
  "access-control-allow-origin": "*",
} as const;

export const HEARTBEAT_MS = 25_000;
/** Open streams per process; past this, clients fall back to polling. */
export const MAX_STREAMS = 20_000;

export function streamGreeting(view: PublicView | null): string {
  return `retry: 3000\n${view ? streamMessage(view) : ""}`;
}

export function streamMessage(view: PublicView): string {
  return `event: snapshot\ndata: ${JSON.stringify({ etag: view.etag, stale: view.freshness.stale })}\n\n`;
}

export const STREAM_HEARTBEAT = ": keep-alive\n\n";
