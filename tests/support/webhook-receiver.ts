import http from "node:http";
import type { AddressInfo } from "node:net";

// A local webhook receiver for tests and the benchmark. Each path behaves as told: answer 2xx (echoing
// a verification challenge), fail with a status, hang, or redirect. It records every request.

export type Behaviour =
  | { kind: "ok"; delayMs?: number }
  | { kind: "status"; status: number }
  | { kind: "hang" }
  | { kind: "redirect"; status: 301 | 302 | 307 | 308; location: string };

export interface ReceivedRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  at: number;
}

export interface Receiver {
  url(path: string): string;
  port: number;
  requests: ReceivedRequest[];
  /** Requests for one path whose body is not a verification. */
  deliveries(path: string): ReceivedRequest[];
  behave(path: string, behaviour: Behaviour): void;
  /** Resolves once `count` deliveries (not verifications) arrived for the path, or rejects after `timeoutMs`. */
  waitFor(path: string, count: number, timeoutMs?: number): Promise<ReceivedRequest[]>;
  close(): Promise<void>;
}

export async function startReceiver(port: number, host = "127.0.0.1"): Promise<Receiver> {
  const requests: ReceivedRequest[] = [];
  const behaviours = new Map<string, Behaviour>();
  const hanging = new Set<http.ServerResponse>();
  const isVerification = (body: string) => body.includes('"verification"');
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const path = (req.url ?? "/").split("?")[0]!;
      requests.push({ path, headers: req.headers, body, at: Date.now() });
      const b = behaviours.get(path) ?? { kind: "ok" };
      if (b.kind === "hang") {
        hanging.add(res);
        return;
      }
      if (b.kind === "redirect") {
        res.writeHead(b.status, { location: b.location }).end();
        return;
      }
      if (b.kind === "status") {
        res.writeHead(b.status).end("no");
        return;
      }
      const reply = () => {
        let challenge = "";
        if (isVerification(body)) {
          challenge = (JSON.parse(body) as { verification: { challenge: string } }).verification.challenge;
        }
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ challenge }));
      };
      if (b.delayMs) setTimeout(reply, b.delayMs);
      else reply();
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const actualPort = (server.address() as AddressInfo).port;
  const deliveries = (path: string) => requests.filter((r) => r.path === path && !isVerification(r.body));
  return {
    port: actualPort,
    url: (path) => `http://${host}:${actualPort}${path}`,
    requests,
    deliveries,
    behave: (path, behaviour) => behaviours.set(path, behaviour),
    async waitFor(path, count, timeoutMs = 20_000) {
      const until = Date.now() + timeoutMs;
      while (deliveries(path).length < count) {
        if (Date.now() > until) throw new Error(`waited for ${count} deliveries to ${path}, got ${deliveries(path).length}`);
        await new Promise((r) => setTimeout(r, 25));
      }
      return deliveries(path);
    },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
