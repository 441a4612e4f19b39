import { expect, test } from "@playwright/test";
import { startCluster, type Cluster } from "./support/cluster";

// Two web instances (no jobs in them) and two workers on one database of their own: a change made
// through one instance is on the other's public API within two seconds; a scheduled job (a maintenance
// window starting) runs exactly once; with the database gone, every instance keeps answering the public
// side from its last snapshot and says so, staff writes fail with a clear error, and once the database
// is back everything catches up.

test.describe.configure({ mode: "serial" });

const base = Number(process.env.E2E_PORT ?? 3190);
let cluster: Cluster;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  cluster = await startCluster({ ports: [base + 11, base + 12], workers: 2 });
});
test.afterAll(async () => {
  await cluster?.stop();
});

const [A, B] = [0, 1];
const staff = (instance: number, path: string, token: string, init: { method: string; body?: unknown }) =>
  fetch(`${cluster.webs[instance]}/api/admin/v1${path}`, {
    method: init.method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });

interface Components {
  components: { id: string; name: string; status: string; group: boolean }[];
}
const componentsOn = async (instance: number) => (await (await fetch(`${cluster.webs[instance]}/api/v2/components.json`)).json()) as Components;
/** The first component that is not a group (the Statuspage format lists groups as components too). */
const firstComponent = async (instance: number) => {
  const found = (await componentsOn(instance)).components.find((c) => !c.group);
  if (!found) throw new Error("no component");
  return found;
};

test("a change made through one instance is on the other's public API within two seconds", async () => {
  const token = cluster.token("admin@demo.test");
  const component = await firstComponent(B);
  const name = `Renamed ${Date.now().toString(36)}`;
  const started = Date.now();
  const res = await staff(A, `/components/${component.id}`, token, { method: "PATCH", body: { name } });
  expect(res.status).toBe(204);
  await expect.poll(async () => (await componentsOn(B)).components.find((c) => c.id === component.id)?.name, { timeout: 2_000, intervals: [50] }).toBe(name);
  expect(Date.now() - started).toBeLessThanOrEqual(2_000);
});

test("a scheduled maintenance window starts exactly once with two workers", async () => {
  test.setTimeout(60_000);
  const token = cluster.token("comms@demo.test");
  const component = await firstComponent(A);
  const soon = new Date(Date.now() + 3_000);
  const res = await staff(B, "/maintenance", token, {
    method: "POST",
    body: { name: "Cluster window", body: "Testing", scheduledFor: soon.toISOString(), scheduledUntil: new Date(soon.getTime() + 3600_000).toISOString(), componentIds: [component.id] },
  });
  expect(res.status).toBe(201);
  const { id } = (await res.json()) as { id: string };
  const activeOn = async (instance: number) =>
    ((await (await fetch(`${cluster.webs[instance]}/api/v2/scheduled-maintenances/active.json`)).json()) as { scheduled_maintenances: { id: string }[] }).scheduled_maintenances.some(
      (m) => m.id === id,
    );
  await expect.poll(() => activeOn(A), { timeout: 30_000 }).toBe(true);
  await expect.poll(() => activeOn(B), { timeout: 5_000 }).toBe(true);
  // Give a duplicate every chance to happen, then count what the start wrote.
  await new Promise((r) => setTimeout(r, 3_000));
  const [updates] = await cluster.query<{ n: number }>(`SELECT count(*)::int AS n FROM "MaintenanceUpdate" WHERE "maintenanceId" = $1 AND status = 'in_progress'`, [id]);
  const [audits] = await cluster.query<{ n: number }>(`SELECT count(*)::int AS n FROM "AuditLog" WHERE "entityId" = $1 AND action LIKE '%start%'`, [id]);
  expect(updates?.n).toBe(1);
  expect(audits?.n).toBe(1);
});

test("with the database gone, every instance serves the last snapshot and says so; staff writes fail clearly; then all catches up", async () => {
  test.setTimeout(90_000);
  const token = cluster.token("admin@demo.test");
  const component = await firstComponent(A);
  const before = await componentsOn(B);
  await cluster.takeDatabaseDown();
  try {
    for (const web of cluster.webs) {
      // The next refresh (every 2 s here) fails and marks the snapshot stale.
      await expect.poll(async () => (await fetch(`${web}/api/v2/status.json`)).headers.get("x-status-stale"), { timeout: 15_000 }).toBe("true");
      for (const path of ["/", "/api/v2/summary.json", "/api/v2/components.json", "/history.rss", "/history.atom", "/badge.svg", "/api/public/live.json"]) {
        const res = await fetch(`${web}${path}`);
        expect(res.status, `${web}${path}`).toBe(200);
        await res.arrayBuffer();
      }
      await expect.poll(async () => (await (await fetch(`${web}/`)).text()).includes('data-testid="freshness-notice"'), { timeout: 15_000 }).toBe(true);
      expect(await (await fetch(`${web}/api/v2/components.json`)).json()).toEqual(before);
      expect((await fetch(`${web}/api/health`)).status).toBe(200);
      expect((await fetch(`${web}/api/ready`)).status).toBe(503);
    }
    const refused = await staff(A, `/components/${component.id}`, token, { method: "PATCH", body: { description: "While down" } });
    expect(refused.status).toBe(503);
    expect(await refused.json()).toEqual({ error: { code: "UNAVAILABLE", message: "The database is unavailable; try again shortly." } });
  } finally {
    await cluster.bringDatabaseBack();
  }
  for (const web of cluster.webs) {
    await expect.poll(async () => (await fetch(`${web}/api/v2/status.json`)).headers.get("x-status-stale"), { timeout: 20_000 }).toBe("false");
  }
  const name = `After the outage ${Date.now().toString(36)}`;
  await expect
    .poll(async () => (await staff(A, `/components/${component.id}`, token, { method: "PATCH", body: { name } })).status, { timeout: 15_000 })
    .toBe(204);
  await expect.poll(async () => (await componentsOn(B)).components.find((c) => c.id === component.id)?.name, { timeout: 5_000 }).toBe(name);
  await expect.poll(async () => (await fetch(`${cluster.webs[B]}/api/ready`)).status, { timeout: 30_000 }).toBe(200);
});
