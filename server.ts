// The production server: a plain Node HTTP server that answers the hottest public paths from the
// in-memory snapshot (server/public/fast-path.ts, installed at start-up by instrumentation.ts) and
// hands every other request to Next.js. Run with `npm run serve` (or `npm start`).
import http from "node:http";
import next from "next";
import type { FrontDoor } from "@/server/http/front-door";
import type { FastPath } from "@/server/public/fast-path";

declare global {
  var __statusFrontDoor: FrontDoor | undefined;
  var __statusFastPath: FastPath | undefined;
  var __statusShutdown: (() => Promise<void>) | undefined;
  var __statusSelfOrigin: string | undefined;
}

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME_BIND ?? "0.0.0.0";
const app = next({ dev: false, hostname, port, dir: import.meta.dirname });
const handle = app.getRequestHandler();

await app.prepare();
const selfHost = hostname === "0.0.0.0" || hostname === "::" ? "127.0.0.1" : hostname.includes(":") ? `[${hostname}]` : hostname;
globalThis.__statusSelfOrigin = `http://${selfHost}:${port}`;

function route(req: http.IncomingMessage, res: http.ServerResponse): void {
  if (globalThis.__statusFastPath?.(req, res)) return;
  void handle(req, res);
}

// The front door (request id, security headers, limits, metrics) and the fast path are installed by
// the app at start-up (server/startup.ts), inside Next's own module graph.
const server = http.createServer((req, res) => {
  const answered = globalThis.__statusFrontDoor?.(req, res) ?? false;
  if (answered === true) return;
  if (answered === false) return route(req, res);
  void answered.then((done) => (done ? undefined : route(req, res)), () => route(req, res));
});
server.keepAliveTimeout = 65_000; // longer than common load balancers' idle timeout
server.headersTimeout = 66_000;
server.requestTimeout = 30_000;

server.listen(port, hostname, () => {
  console.log(`Status page on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`);
  // Next runs its instrumentation hook (which starts the snapshot store, the worker and the fast path)
  // on the first request it handles: make that request now rather than making a visitor wait.
  http.get(`${globalThis.__statusSelfOrigin}/api/health`, (res) => res.resume()).on("error", () => undefined);
});

let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing in-flight requests, then exiting`);
    const force = setTimeout(() => process.exit(1), 25_000);
    force.unref();
    server.close(() => {
      void (globalThis.__statusShutdown?.() ?? Promise.resolve()).finally(() => process.exit(0));
    });
    server.closeIdleConnections();
    void globalThis.__statusShutdown?.();
  });
}
