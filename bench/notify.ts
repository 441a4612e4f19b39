// npm run bench:notify: fan-out of one incident update to 10,000 webhook subscribers. A fresh
// database with 10,000 active subscriptions pointing at a local receiver; a worker process of its own
// (`scripts/worker.ts`, as `npm run worker` runs it); one published incident update enqueued as the
// incident workflow does. Measures the time from the commit to the last delivery received, the
// throughput, and checks that every subscriber got exactly one message id. Writes docs/BENCHMARKS.md.
import { spawn } from "node:child_process";
import http from "node:http";
import { machine, writeSection } from "@/bench/report";
import { stopServer } from "@/bench/support";
import { applyMigrations } from "@/lib/migrate";
import { createTestDatabase, dropTestDatabase } from "@/tests/support/postgres";

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 10_000);
const RECEIVER_PORT = Number(process.env.BENCH_RECEIVER_PORT ?? 3199);
const TARGET_SECONDS = 60;

interface Received {
  first: number;
  last: number;
  count: number;
  ids: Map<string, Set<string>>;
}

function startReceiver(received: Received): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const now = performance.now();
      if (received.count === 0) received.first = now;
      received.last = now;
      received.count++;
      const path = req.url ?? "/";
      const ids = received.ids.get(path) ?? new Set<string>();
      ids.add(String(req.headers["webhook-id"]));
      received.ids.set(path, ids);
      res.writeHead(204).end();
    });
  });
  server.keepAliveTimeout = 60_000;
  return new Promise((resolve) => server.listen(RECEIVER_PORT, "127.0.0.1", () => resolve(server)));
}

async function main(): Promise<void> {
  const database = await createTestDatabase("status_bench_notify");
  const env = {
    DATABASE_URL: database.url,
    DEMO_MODE: "false",
    LOG_LEVEL: "warn",
    NOTIFY_SECRET: "bench-notify-secret-0123456789abcdefghij",
    WEBHOOK_ALLOWED_PRIVATE_RANGES: "127.0.0.1/32",
  };
  Object.assign(process.env, env);
  const received: Received = { first: 0, last: 0, count: 0, ids: new Map() };
  const receiver = await startReceiver(received);
  let worker: ReturnType<typeof spawn> | undefined;
  try {
    await applyMigrations({ kind: "postgres", url: database.url });
    const { db } = await import("@/lib/db");
    const { hashManageToken, manageTokenFor } = await import("@/server/notifications/secrets");
    const { enqueueEvent } = await import("@/server/notifications/mutations");

    await db.pageSettings.create({ data: { name: "Bench Registry Status", url: "http://127.0.0.1:3198" } });
    const component = await db.component.create({ data: { name: "Downloads" } });
    const seedStarted = performance.now();
    for (let offset = 0; offset < SUBSCRIBERS; offset += 1000) {
      const batch = Array.from({ length: Math.min(1000, SUBSCRIBERS - offset) }, (_, i) => {
        const id = `bench-sub-${offset + i}`;
        return {
          id,
          channel: "webhook" as const,
          target: `http://127.0.0.1:${RECEIVER_PORT}/hook/${offset + i}`,
          state: "active" as const,
          manageTokenHash: hashManageToken(manageTokenFor(id)),
        };
      });
      await db.subscription.createMany({ data: batch });
    }
    console.log(`seeded ${SUBSCRIBERS} subscribers in ${Math.round(performance.now() - seedStarted)} ms`);
    const incident = await db.incident.create({
      data: { name: "Downloads are failing", impact: "major", visibility: "published", publishedAt: new Date(), components: { create: [{ componentId: component.id }] } },
    });
    const update = await db.incidentUpdate.create({
      data: { incidentId: incident.id, status: "investigating", body: "We are investigating failed downloads.", state: "published", publishedAt: new Date() },
    });

    worker = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/worker.ts"], {
      env: { ...process.env, ...env, STATUS_PROCESS: "worker" },
      stdio: ["ignore", "inherit", "inherit"],
    });
    // The worker is ready once it has created its queues.
    for (let i = 0; i < 200; i++) {
      const rows = await db.$queryRawUnsafe<{ n: bigint }[]>(
        `SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'pgboss' AND table_name = 'queue'`,
      );
      if (Number(rows[0]?.n) > 0) {
        const queues = await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM pgboss.queue WHERE name = 'notify-deliver'`);
        if (Number(queues[0]?.n) > 0) break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    await new Promise((r) => setTimeout(r, 1000));

    const committed = performance.now();
    await db.$transaction((tx) => enqueueEvent(tx, { type: "incident.updated", incidentId: incident.id, updateId: update.id }));
    const deadline = committed + 5 * 60_000;
    while (received.count < SUBSCRIBERS && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const lastDeliveryS = (received.last - committed) / 1000;
    const firstDeliveryS = (received.first - committed) / 1000;
    // Outcomes are written in batches just after the requests; wait for the last ones.
    let recorded = 0;
    for (let i = 0; i < 300 && recorded < SUBSCRIBERS; i++) {
      recorded = await db.delivery.count({ where: { state: "succeeded" } });
      if (recorded < SUBSCRIBERS) await new Promise((r) => setTimeout(r, 100));
    }
    const recordedS = (performance.now() - committed) / 1000;
    const subscribersReached = received.ids.size;
    const singleIds = [...received.ids.values()].every((ids) => ids.size === 1);
    const throughput = received.count / Math.max(0.001, (received.last - received.first) / 1000);
    const met = received.count >= SUBSCRIBERS && lastDeliveryS < TARGET_SECONDS;

    const report = `## Webhook fan-out (\`npm run bench:notify\`)

Run on ${new Date().toISOString().slice(0, 10)}: ${machine()}. Postgres on the same machine; the worker in a process of its own (\`scripts/worker.ts\`, as \`npm run worker\` runs it); one local receiver answering 204 on 127.0.0.1 (so every delivery goes to one host, under the per-host limit of ${process.env.WEBHOOK_HOST_CONCURRENCY ?? 16} requests in flight).

| measure | value |
|---|---|
| subscribers (active webhooks on the incident's component) | ${SUBSCRIBERS.toLocaleString("en")} |
| commit of the incident update to first delivery | ${firstDeliveryS.toFixed(2)} s |
| commit to last delivery received | **${lastDeliveryS.toFixed(2)} s** |
| commit to every outcome recorded in the delivery log | ${recordedS.toFixed(2)} s |
| throughput (first to last delivery) | ${Math.round(throughput).toLocaleString("en")} deliveries/s |
| requests received / subscribers reached | ${received.count.toLocaleString("en")} / ${subscribersReached.toLocaleString("en")} |
| one webhook-id per subscriber | ${singleIds ? "yes" : "no"} |

Target: last delivery under ${TARGET_SECONDS} s: **${met ? "met" : "missed"}**.`;
    console.log(report);
    writeSection("notify", report);
    if (!met || !singleIds) process.exitCode = 1;
  } finally {
    if (worker) await stopServer(worker);
    receiver.closeAllConnections();
    receiver.close();
    await dropTestDatabase(database.name).catch(() => undefined);
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
