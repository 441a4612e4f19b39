import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import { GET as metricsRoute } from "@/app/metrics/route";
import { GET as readyRoute } from "@/app/api/ready/route";
import { PATCH as patchComponent } from "@/app/api/admin/v1/components/[id]/route";
import { db } from "@/lib/db";
import { registerOperationsJobs } from "@/server/operations/jobs";
import { snapshotStore, stopSnapshotStore } from "@/server/public/view";
import { createComponent, ensurePage, unique } from "@/tests/factories/catalog";
import { createStaff } from "@/tests/factories/staff";
import {
  bringDatabaseBack as bringTestDatabaseBack,
  databaseNameOf,
  takeDatabaseDown as takeTestDatabaseDown,
} from "@/tests/support/postgres";
import { call } from "@/tests/support/route";

// Readiness, the worker heartbeat, /metrics, and what staff see while the database is gone.

const databaseName = () => databaseNameOf(inject("databaseUrl"));
const takeDatabaseDown = () => takeTestDatabaseDown(databaseName());
const bringDatabaseBack = () => bringTestDatabaseBack(databaseName());
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface ReadyBody {
  ready: boolean;
  checks: {
    database: { ok: boolean };
    worker: { ok: boolean; lastBeatAt: string | null };
    snapshot: { ok: boolean; stale: boolean };
  };
}

describe("operations", () => {
  let stopHeartbeat: (() => Promise<void>) | void;

  beforeAll(async () => {
    await ensurePage();
    await snapshotStore().rebuild();
  });

  afterAll(async () => {
    await bringDatabaseBack();
    if (stopHeartbeat) await stopHeartbeat();
    await stopSnapshotStore();
  });

  it("is ready only once a worker beats, and says which check failed", async () => {
    await db.workerHeartbeat.deleteMany({});
    const before = await readyRoute();
    expect(before.status).toBe(503);
    const notReady = (await before.json()) as ReadyBody;
    expect(notReady.checks.database.ok).toBe(true);
    expect(notReady.checks.worker.ok).toBe(false);
    expect(notReady.checks.snapshot.ok).toBe(true);

    stopHeartbeat = await registerOperationsJobs({} as never);
    await sleep(2100); // past the readiness cache
    const after = await readyRoute();
    expect(after.status).toBe(200);
    expect(((await after.json()) as ReadyBody).checks.worker.lastBeatAt).not.toBeNull();
  });

  it("serves Prometheus metrics only with the token", async () => {
    const refused = await metricsRoute(new Request("http://localhost/metrics"));
    expect(refused.status).toBe(401);
    const wrong = await metricsRoute(
      new Request("http://localhost/metrics", { headers: { authorization: "Bearer not-the-token-at-all" } }),
    );
    expect(wrong.status).toBe(401);
    const res = await metricsRoute(
      new Request("http://localhost/metrics", { headers: { authorization: `Bearer ${process.env.METRICS_TOKEN}` } }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain");
    const text = await res.text();
    for (const name of [
      "status_snapshot_age_seconds",
      "status_snapshot_rebuild_duration_seconds_count",
      'status_db_pool_connections{state="total"}',
      "status_outbox_pending",
      "status_sign_in_failures_total",
    ]) {
      expect(text, name).toContain(name);
    }
  });

  it("refuses staff writes with a clear error while the database is down, then catches up with nothing lost", async () => {
    const staff = await createStaff(["admin"]);
    const component = await createComponent();
    const nameWhileDown = unique("Renamed while down");
    const store = snapshotStore();
    await takeDatabaseDown();
    try {
      const refused = await call(patchComponent, {
        method: "PATCH",
        token: staff.token,
        params: { id: component.id },
        body: { name: nameWhileDown },
      });
      expect(refused.status).toBe(503);
      expect(refused.json).toEqual({
        error: { code: "UNAVAILABLE", message: "The database is unavailable; try again shortly." },
      });

      await sleep(2100);
      const ready = (await (await readyRoute()).json()) as ReadyBody;
      expect(ready.ready).toBe(false);
      expect(ready.checks.database.ok).toBe(false);

      await store.rebuild();
      expect(store.current()?.freshness.stale).toBe(true);
    } finally {
      await bringDatabaseBack();
    }
    // The same request succeeds once the database is back, and the public side shows it.
    const accepted = await call(patchComponent, {
      method: "PATCH",
      token: staff.token,
      params: { id: component.id },
      body: { name: nameWhileDown },
    });
    expect(accepted.status).toBe(204);
    await store.rebuild();
    expect(store.current()?.freshness.stale).toBe(false);
    expect(store.current()?.snapshot.components.find((c) => c.id === component.id)?.name).toBe(nameWhileDown);
  });
});
