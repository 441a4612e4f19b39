import http from "node:http";
import type { AddressInfo } from "node:net";

// A local HTTP target for probe tests: each path answers as told (healthy, slow, an error status, a
// hang) until told otherwise; `close()` makes it unreachable.

export type TargetBehaviour = { kind: "ok"; body?: string } | { kind: "slow"; delayMs: number } | { kind: "status"; status: number } | { kind: "hang" };

export interface ProbeTarget {
  url(path: string): string;
  port: number;
  set(path: string, behaviour: TargetBehaviour): void;
  hits(path: string): number;
  close(): Promise<void>;
}

export async function startProbeTarget(port = 0): Promise<ProbeTarget> {
  const behaviours = new Map<string, TargetBehaviour>();
  const counts = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0]!;
    counts.set(path, (counts.get(path) ?? 0) + 1);
    const b = behaviours.get(path) ?? { kind: "ok" };
    if (b.kind === "hang") return;
    const send = (status: number, body: string) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(body);
    };
    if (b.kind === "ok") send(200, b.body ?? JSON.stringify({ status: "ok", db: { healthy: true } }));
    else if (b.kind === "slow") setTimeout(() => send(200, JSON.stringify({ status: "ok" })), b.delayMs);
    else send(b.status, JSON.stringify({ status: "error" }));
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const actual = (server.address() as AddressInfo).port;
  return {
    port: actual,
    url: (path) => `http://127.0.0.1:${actual}${path}`,
    set: (path, behaviour) => behaviours.set(path, behaviour),
    hits: (path) => counts.get(path) ?? 0,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
