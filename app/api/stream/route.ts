import { STREAM_HEADERS, STREAM_HEARTBEAT, streamGreeting, streamMessage } from "@/server/public/stream";
import { snapshotStore } from "@/server/public/view";

// GET /api/stream: server-sent events announcing each new public snapshot (served by the fast path
// when server.ts is in front; this handler serves it otherwise, e.g. under `next dev`).
export const dynamic = "force-dynamic";

export function GET(request: Request): Response {
  const store = snapshotStore();
  const encoder = new TextEncoder();
  let cleanup = () => undefined as void;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(streamGreeting(store.current())));
      const unsubscribe = store.subscribe((view) => controller.enqueue(encoder.encode(streamMessage(view))));
      const heartbeat = setInterval(() => controller.enqueue(encoder.encode(STREAM_HEARTBEAT)), 25_000);
      cleanup = () => {
        unsubscribe();
        clearInterval(heartbeat);
      };
      request.signal.addEventListener("abort", () => {
        cleanup();
        controller.close();
      });
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(body, { headers: STREAM_HEADERS });
}
