import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as agentProbes from "@/app/api/agent/v1/probes/route";
import * as agentResults from "@/app/api/agent/v1/results/route";
import { db } from "@/lib/db";
import { systemActor } from "@/server/auth/actor";
import { createLocation, createProbe } from "@/server/probes/mutations";
import { createComponent, ensurePage } from "@/tests/factories/catalog";
import { startProbeTarget, type ProbeTarget } from "@/tests/support/probe-target";

// An agent killed (SIGKILL) while a batch is on its way, and the server going away after storing a
// batch but before answering: afterwards every result the agent ever made is stored, each exactly once.

const PROBES = 20;
let target: ProbeTarget;
const agents: ChildProcess[] = [];
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "probe-agent-"));

/** The web server's agent API in front of the route handlers, with ways to slow it down or crash it. */
function agentServer() {
  const received = new Map<string, number>();
  let requests = 0;
  let inFlight = 0;
  let delayMs = 0;
  let crashAfterCommit = 0;
  const server: http.Server = http.createServer((req, res) => void handler(req, res));
  const handler = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const request = new Request(`http://localhost${req.url}`, { method: req.method, headers: req.headers as Record<string, string>, body: req.method === "POST" ? body : undefined });
    if (req.url?.startsWith("/api/agent/v1/probes")) {
      const r = await agentProbes.GET(request);
      res.writeHead(r.status, { "content-type": "application/json" }).end(await r.text());
      return;
    }
    requests++;
    inFlight++;
    try {
      for (const r of (JSON.parse(body) as { results: { id: string }[] }).results) received.set(r.id, (received.get(r.id) ?? 0) + 1);
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
      const r = await agentResults.POST(request);
      const text = await r.text();
      if (crashAfterCommit > 0 && r.ok) {
        // Stored, but the server goes away before it can answer; it is back a moment later.
        crashAfterCommit--;
        res.socket?.destroy();
        server.close();
        server.closeAllConnections();
        setTimeout(() => server.listen(port, "127.0.0.1"), 1500);
        return;
      }
      res.writeHead(r.status, { "content-type": "application/json" }).end(text);
    } finally {
      inFlight--;
    }
  };
  let port = 0;
  return {
    async start() {
      await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
      port = (server.address() as AddressInfo).port;
      return `http://127.0.0.1:${port}`;
    },
    received,
    stats: () => ({ requests, inFlight }),
    set: (o: { delayMs?: number; crashAfterCommit?: number }) => {
      if (o.delayMs !== undefined) delayMs = o.delayMs;
      if (o.crashAfterCommit !== undefined) crashAfterCommit = o.crashAfterCommit;
    },
    close: () => new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    }),
  };
}

function startAgentProcess(url: string, token: string): ChildProcess {
  // node itself, not npm or a wrapper, so killing this pid kills the agent.
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/agent.ts"], {
    env: { ...process.env, AGENT_SERVER_URL: url, AGENT_TOKEN: token, AGENT_DATA_DIR: dataDir, AGENT_BATCH_SIZE: "25", AGENT_FLUSH_MS: "100", AGENT_QUIET: "1" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  agents.push(child);
  return child;
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const exited = (child: ChildProcess) => new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once("exit", resolve)));

describe("an agent and a server that die mid-batch", () => {
  const server = agentServer();
  const probeIds: string[] = [];
  beforeAll(async () => {
    await ensurePage();
    target = await startProbeTarget();
  });
  afterAll(async () => {
    for (const a of agents) if (a.exitCode === null && a.signalCode === null) a.kill("SIGKILL");
    await server.close();
    await target.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("loses no result and stores none twice", { timeout: 120_000 }, async () => {
    const component = await createComponent();
    const location = await createLocation(systemActor("test"), { name: `agent-${Date.now().toString(36)}` });
    for (let i = 0; i < PROBES; i++) {
      // One-second intervals (below what the console allows) to make many results quickly.
      const p = await createProbe(systemActor("test"), {
        kind: "http",
        componentId: component.id,
        name: `p${i}`,
        intervalSeconds: 1,
        timeoutMs: 2000,
        degradedThresholdMs: null,
        failThreshold: 2,
        recoverThreshold: 2,
        locationIds: [location.id],
        enabled: true,
        config: { url: target.url(`/p${i}`), method: "GET", headers: {}, body: null, expectedStatus: [], bodyContains: null, jsonPath: null, followRedirects: true, certExpiryWarnDays: null },
      });
      probeIds.push(p.id);
    }
    const stored = () => db.probeResult.count({ where: { probeId: { in: probeIds } } });
    const url = await server.start();

    const first = startAgentProcess(url, location.token);
    await until(async () => (await stored()) >= 60, 60_000, "the first results");

    // Kill the agent while a batch is inside the server (which will still store it).
    server.set({ delayMs: 400 });
    await until(() => server.stats().inFlight > 0, 10_000, "a batch in flight");
    first.kill("SIGKILL");
    await exited(first);
    await until(() => server.stats().inFlight === 0, 10_000, "the server to finish the batch");
    server.set({ delayMs: 0 });

    const second = startAgentProcess(url, location.token);
    const before = await stored();
    await until(async () => (await stored()) >= before + 60, 60_000, "results after the restart");

    // The server stores two batches but goes away before answering either.
    server.set({ crashAfterCommit: 2 });
    const afterCrash = server.stats().requests + 4;
    await until(() => server.stats().requests >= afterCrash, 60_000, "requests after the server came back");

    second.kill("SIGTERM");
    await exited(second);

    const lines = fs.readFileSync(path.join(dataDir, "results.log"), "utf8").split("\n").filter(Boolean);
    const made = lines.map((l) => (JSON.parse(l) as { id: string }).id);
    expect(new Set(made).size).toBe(made.length);
    expect(Number(fs.readFileSync(path.join(dataDir, "results.offset"), "utf8"))).toBe(fs.statSync(path.join(dataDir, "results.log")).size);
    const rows = await db.probeResult.findMany({ where: { probeId: { in: probeIds } }, select: { id: true } });
    expect(rows.length).toBe(made.length);
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(made));
    // Some results really were sent twice, and were stored once.
    expect([...server.received.values()].some((n) => n > 1)).toBe(true);
    const assignment = await db.probeAssignment.findFirstOrThrow({ where: { probeId: probeIds[0], locationId: location.id } });
    expect(assignment.health).toBe("up");
  });
});
