import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { systemActor } from "@/server/auth/actor";
import { setComponentStatus } from "@/server/components/mutations";
import { createComponent, ensurePage } from "@/tests/factories/catalog";
import { createActiveWebhook } from "@/tests/factories/subscribers";
import { startReceiver, type Receiver } from "@/tests/support/webhook-receiver";

// The worker is killed (SIGKILL, no chance to clean up) in the middle of a fan-out to a few hundred
// subscribers and started again: every subscriber still gets the event, every attempt for one
// subscriber carries the same webhook-id, and the deliveries all end up succeeded.

const SUBSCRIBERS = 300;
let receiver: Receiver;
const workers: ChildProcess[] = [];

function startWorkerProcess(): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/worker.ts"], {
    env: { ...process.env, LOG_LEVEL: "warn", STATUS_PROCESS: "worker" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  workers.push(child);
  return child;
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("a worker killed mid-fan-out", () => {
  beforeAll(async () => {
    await ensurePage();
    receiver = await startReceiver(0);
  });
  afterAll(async () => {
    for (const w of workers) if (w.exitCode === null && w.signalCode === null) w.kill("SIGKILL");
    await receiver.close();
  });

  it("resumes after a restart without skipping anyone or changing a message id", { timeout: 120_000 }, async () => {
    const component = await createComponent();
    const paths = Array.from({ length: SUBSCRIBERS }, (_, i) => `/hook/crash-${i}`);
    // Slow enough receivers that the kill lands while most deliveries are still to come.
    for (const p of paths) receiver.behave(p, { kind: "ok", delayMs: 40 });
    const subs: { id: string }[] = [];
    for (const p of paths) subs.push(await createActiveWebhook(receiver.url(p), { componentIds: [component.id] }));

    const first = startWorkerProcess();
    await setComponentStatus(systemActor("test"), { componentId: component.id, status: "major_outage", source: "probe" });
    const received = () => paths.filter((p) => receiver.deliveries(p).length > 0).length;
    await until(() => received() >= 40, 60_000, "the first deliveries");
    first.kill("SIGKILL");
    await new Promise((resolve) => first.once("exit", resolve));
    const atKill = received();
    expect(atKill).toBeLessThan(SUBSCRIBERS);

    startWorkerProcess();
    await until(() => received() === SUBSCRIBERS, 90_000, "every subscriber");
    await until(
      async () => (await db.delivery.count({ where: { subscriptionId: { in: subs.map((s) => s.id) }, state: "succeeded" } })) === SUBSCRIBERS,
      60_000,
      "every delivery recorded",
    );

    for (const p of paths) {
      const ids = new Set(receiver.deliveries(p).map((r) => r.headers["webhook-id"]));
      expect(ids.size, p).toBe(1);
    }
    const stored = await db.delivery.findMany({ where: { subscriptionId: { in: subs.map((s) => s.id) } } });
    expect(stored).toHaveLength(SUBSCRIBERS);
    const byPath = new Map<string, string>(subs.map((s, i) => [s.id, paths[i]!]));
    for (const d of stored) expect(receiver.deliveries(byPath.get(d.subscriptionId)!)[0]!.headers["webhook-id"]).toBe(d.messageId);
  });
});
