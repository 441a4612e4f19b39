import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import { db } from "@/lib/db";
import { loadSnapshotSource } from "@/server/public/data";
import { installFastPath, closeStreams } from "@/server/public/fast-path";
import { respond } from "@/server/public/resources";
import { SnapshotStore } from "@/server/public/snapshot-store";
import { snapshotStore, stopSnapshotStore } from "@/server/public/view";
import { createComponent, createGroup, ensurePage } from "@/tests/factories/catalog";
import { createIncident, createMaintenance } from "@/tests/factories/incidents";
import {
  bringDatabaseBack as bringTestDatabaseBack,
  databaseNameOf,
  takeDatabaseDown as takeTestDatabaseDown,
} from "@/tests/support/postgres";

const MARKER = `INTERNAL-${Date.now().toString(36)}`;
const PUBLIC_PATHS = [
  "/api/v2/summary.json",
  "/api/v2/status.json",
  "/api/v2/components.json",
  "/api/v2/incidents.json",
  "/api/v2/incidents/unresolved.json",
  "/api/v2/scheduled-maintenances.json",
  "/api/v2/scheduled-maintenances/upcoming.json",
  "/api/v2/scheduled-maintenances/active.json",
  "/api/public/live.json",
  "/badge.svg",
];

/** Counts every query this process sends to Postgres. */
let queries = 0;
// eslint-disable-next-line @typescript-eslint/unbound-method -- kept to be restored, and called with its own `this`
const originalQuery = pg.Client.prototype.query;

const databaseName = () => databaseNameOf(inject("databaseUrl"));
const takeDatabaseDown = () => takeTestDatabaseDown(databaseName());
const bringDatabaseBack = () => bringTestDatabaseBack(databaseName());

describe("the public snapshot", () => {
  let componentId: string;
  let server: http.Server;
  let base: string;
  const diskDir = fs.mkdtempSync(path.join(os.tmpdir(), "status-snapshot-"));

  beforeAll(async () => {
    await ensurePage({ name: "Snapshot Status" });
    const group = await createGroup();
    const component = await createComponent({
      groupId: group.id,
      ownerTeam: MARKER,
      contacts: MARKER,
      runbookUrl: `https://runbooks.test/${MARKER}`,
    });
    componentId = component.id;
    await createIncident({
      componentIds: [component.id],
      updates: [
        { body: "We are investigating errors." },
        { kind: "internal_note", state: "published", body: `${MARKER} note: rollback by hand` },
        { state: "draft", body: `${MARKER} draft not yet approved` },
      ],
    });
    await createIncident({ visibility: "internal", name: `${MARKER} internal incident` });
    await createMaintenance({ visibility: "internal", name: `${MARKER} secret maintenance` });
    await createMaintenance({ componentIds: [component.id] });

    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      queries++;
      return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof pg.Client.prototype.query;

    installFastPath();
    await snapshotStore().rebuild();
    server = http.createServer((req, res) => {
      if (!globalThis.__statusFastPath?.(req, res)) res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });

  afterAll(async () => {
    pg.Client.prototype.query = originalQuery;
    await bringDatabaseBack();
    closeStreams();
    await stopSnapshotStore();
    await new Promise((r) => server.close(r));
    fs.rmSync(diskDir, { recursive: true, force: true });
  });

  it("puts nothing internal in any public representation", () => {
    const view = snapshotStore().current();
    expect(view).not.toBeNull();
    if (!view) return;
    expect(JSON.stringify(view)).not.toContain(MARKER);
    for (const p of [...PUBLIC_PATHS, `/badge/${componentId}.svg`]) {
      const res = respond(view, p, { method: "GET", ifNoneMatch: null, acceptEncoding: null });
      expect(res?.status, p).toBe(200);
      expect(res?.body?.toString("utf8"), p).not.toContain(MARKER);
    }
    const summary = JSON.parse(
      respond(view, "/api/v2/summary.json", {
        method: "GET",
        ifNoneMatch: null,
        acceptEncoding: null,
      })?.body?.toString() ?? "{}",
    ) as {
      incidents: { incident_updates: { body: string }[] }[];
    };
    expect(
      summary.incidents.some((i) => i.incident_updates.some((u) => u.body === "We are investigating errors.")),
    ).toBe(true);
  });

  it("serves thousands of requests with no more database queries than its rebuilds", async () => {
    const store = snapshotStore();
    const before = { queries, rebuilds: store.stats.rebuilds };
    let ok = 0;
    let notModified = 0;
    const etag = store.current()?.etag;
    const requests = Array.from({ length: 3000 }, (_, n) => PUBLIC_PATHS[n % PUBLIC_PATHS.length] ?? "/");
    for (let i = 0; i < requests.length; i += 100) {
      await Promise.all(
        requests.slice(i, i + 100).map(async (p, n): Promise<void> => {
          const res = await fetch(base + p, { headers: n % 2 ? { "if-none-match": `"${etag}"` } : {} });
          await res.arrayBuffer();
          if (res.status === 200) ok++;
          if (res.status === 304) notModified++;
        }),
      );
    }
    expect(ok + notModified).toBe(3000);
    expect(notModified).toBeGreaterThan(1000);
    const rebuilds = store.stats.rebuilds - before.rebuilds;
    // Measure what one rebuild costs, to bound what the burst may have cost.
    const q0 = queries;
    await store.rebuild();
    const perRebuild = queries - q0;
    expect(perRebuild).toBeGreaterThan(0);
    expect(queries - q0 - perRebuild).toBe(0);
    expect(q0 - before.queries).toBeLessThanOrEqual(rebuilds * perRebuild);
  });

  it("rebuilds when a write announces a change", async () => {
    const store = snapshotStore();
    const version = store.current()?.snapshot.version;
    await db.$transaction(async (tx) => {
      await tx.component.update({ where: { id: componentId }, data: { status: "major_outage" } });
      await tx.$executeRawUnsafe("SELECT pg_notify('status_public_changed', '')");
    });
    for (let i = 0; i < 100 && store.current()?.snapshot.version === version; i++)
      await new Promise((r) => setTimeout(r, 20));
    expect(store.current()?.snapshot.components.find((c) => c.id === componentId)?.status).toBe("major_outage");
  });

  it("keeps serving 200 from the last snapshot when the database goes away, and says how fresh it is", async () => {
    const store = snapshotStore();
    const confirmed = store.current()?.freshness.confirmedAt;
    await takeDatabaseDown();
    try {
      await store.rebuild();
      expect(store.stats.lastError).not.toBeNull();
      const res = await fetch(`${base}/api/v2/summary.json`);
      expect(res.status).toBe(200);
      expect(res.headers.get("x-status-stale")).toBe("true");
      expect(res.headers.get("x-status-confirmed-at")).toBe(confirmed);
      const live = (await (await fetch(`${base}/api/public/live.json`)).json()) as {
        freshness: { stale: boolean; confirmedAt: string };
      };
      expect(live.freshness).toEqual({ stale: true, confirmedAt: confirmed });

      // A process that starts now, with the database still down, serves the snapshot kept on disk.
      const diskPath = path.join(diskDir, "snapshot.json");
      const first = new SnapshotStore({ load: loadSnapshotSource, diskPath });
      await bringDatabaseBack();
      await first.rebuild();
      await takeDatabaseDown();
      const cold = new SnapshotStore({ load: loadSnapshotSource, diskPath, timeoutMs: 3_000 });
      expect(cold.loadFromDisk()).toBe(true);
      await cold.rebuild();
      expect(cold.current()?.freshness.stale).toBe(true);
      expect(cold.current()?.snapshot.components.some((c) => c.id === componentId)).toBe(true);
    } finally {
      await bringDatabaseBack();
    }
    await store.rebuild();
    expect(store.current()?.freshness.stale).toBe(false);
    expect((await fetch(`${base}/api/v2/status.json`)).headers.get("x-status-stale")).toBe("false");
  });
});
