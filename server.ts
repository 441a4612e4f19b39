// The production server: a plain Node HTTP server that answers the hottest public paths from the
// in-memory snapshot (server/public/fast-path.ts, installed at start-up by instrumentation.ts) and
// hands every other request to Next.js. Run with `npm run serve` (or `npm start`).
import http from "node:http";
import next from "next";
import type { FastPath } from "@/server/public/fast-path";

declare global {
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

const server = http.createServer((req, res) => {
  if (globalThis.__statusFastPath?.(req, res)) return;
  void handle(req, res);
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
