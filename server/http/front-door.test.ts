import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFrontDoor } from "@/server/http/front-door";

// The front door in front of a stand-in for the rest of the server, on a real socket.
describe("front door", () => {
  let server: http.Server;
  let base: string;

  beforeAll(async () => {
    const door = createFrontDoor({ maxBodyBytes: 2048, responseTimeoutMs: 300, publicReadsPerMinute: 5 });
    server = http.createServer((req, res) => {
      const next = () => {
        if (req.url === "/slow") return; // never answers
        res.writeHead(200, { "content-type": "text/plain" }).end("ok");
      };
      const answered = door(req, res);
      if (answered === true) return;
      if (answered === false) return next();
      void answered.then((done) => (done ? undefined : next()));
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("gives every response a request id and the security headers, keeping a sane upstream id", async () => {
    const res = await fetch(`${base}/console`, { headers: { "x-request-id": "edge-1234" } });
    expect(res.headers.get("x-request-id")).toBe("edge-1234");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("strict-transport-security")).toBeNull();
    const evil = await fetch(`${base}/console`, { headers: { "x-request-id": "a b;c" } });
    expect(evil.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const https = await fetch(`${base}/console`, { headers: { "x-forwarded-proto": "https" } });
    expect(https.headers.get("strict-transport-security")).toContain("max-age=");
    const badge = await fetch(`${base}/badge.svg`, { headers: { "x-forwarded-for": "198.51.100.99" } });
    expect(badge.headers.get("content-security-policy")).toContain("frame-ancestors *");
  });

  it("refuses bodies over the limit and bodies of unknown length", async () => {
    const big = await fetch(`${base}/api/admin/v1/components`, { method: "POST", body: "x".repeat(4096) });
    expect(big.status).toBe(413);
    const ok = await fetch(`${base}/api/admin/v1/components`, { method: "POST", body: "x".repeat(100) });
    expect(ok.status).toBe(200);
    const stream = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode("x"));
        c.close();
      },
    });
    const chunked = await fetch(`${base}/api/admin/v1/components`, { method: "POST", body: stream, duplex: "half" } as RequestInit);
    expect(chunked.status).toBe(411);
  });

  it("answers 503 when a response takes longer than the deadline", async () => {
    const res = await fetch(`${base}/slow`);
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("TIMEOUT");
  });

  it("limits public reads per address, not staff or health requests", async () => {
    const from = (ip: string, path = "/api/v2/status.json") => fetch(`${base}${path}`, { headers: { "x-forwarded-for": ip } });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await from("203.0.113.7")).status);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    const limited = await from("203.0.113.7");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await from("203.0.113.8")).status).toBe(200);
    expect((await from("203.0.113.7", "/api/health")).status).toBe(200);
    expect((await from("203.0.113.7", "/console")).status).toBe(200);
  });
});
