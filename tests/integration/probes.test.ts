import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { systemActor } from "@/server/auth/actor";
import { runMaintenanceScheduler, scheduleMaintenance } from "@/server/maintenance/mutations";
import { createLocation, createProbe, liftStatusOverride, setStatusOverride } from "@/server/probes/mutations";
import { ensureBuiltinLocation, ingestResults, sweepProbes } from "@/server/probes/ingest/mutations";
import { getRunnableProbe } from "@/server/probes/data";
import { runCheck } from "@/server/probes/runner/check";
import type { ProbeResultInput } from "@/server/probes/schema";
import { respond } from "@/server/public/resources";
import { snapshotStore, stopSnapshotStore } from "@/server/public/view";
import { createComponent, ensurePage } from "@/tests/factories/catalog";
import { startProbeTarget, type ProbeTarget } from "@/tests/support/probe-target";

// Probes end to end below the HTTP layer: real checks against a local target that turns healthy, slow,
// 502 and unreachable, results through the flap filter, the status on the public API.

const admin = systemActor("test");
let target: ProbeTarget;

async function publicStatus(componentId: string): Promise<string | undefined> {
  await snapshotStore().rebuild();
  const view = snapshotStore().current()!;
  const res = respond(view, "/api/v2/summary.json", { method: "GET", ifNoneMatch: null, acceptEncoding: null });
  const summary = JSON.parse(res!.body!.toString("utf8")) as { components: { id: string; status: string }[] };
  return summary.components.find((c) => c.id === componentId)?.status;
}

let clock = Date.parse("2031-01-01T00:00:00Z");
const tick = (seconds = 30) => new Date((clock += seconds * 1000));

/** Runs the probe's check for real and stores the result as coming from `locationId`. */
async function check(probeId: string, locationId: string): Promise<ProbeResultInput> {
  const probe = (await getRunnableProbe(probeId))!;
  const r = await runCheck(probe);
  const at = tick();
  const result = { id: randomUUID(), probeId, at: at.toISOString(), outcome: r.outcome, latencyMs: r.latencyMs, statusCode: r.statusCode, error: r.error };
  await ingestResults(locationId, [result], at);
  return result;
}

async function httpProbe(componentId: string, path: string, locationIds: string[] = []) {
  return createProbe(admin, {
    kind: "http",
    componentId,
    name: `GET ${path}`,
    intervalSeconds: 30,
    timeoutMs: 1500,
    degradedThresholdMs: 400,
    failThreshold: 2,
    recoverThreshold: 2,
    locationIds,
    enabled: true,
    config: { url: target.url(path), method: "GET", headers: {}, body: null, expectedStatus: [], bodyContains: "ok", jsonPath: { path: "status", op: "equals", value: "ok" }, followRedirects: true, certExpiryWarnDays: null },
  });
}

describe("probes drive component status", () => {
  beforeAll(async () => {
    await ensurePage();
    target = await startProbeTarget();
  });
  afterAll(async () => {
    await target.close();
    await stopSnapshotStore();
  });

  it("moves through healthy, slow, 502 and unreachable on the public API without flapping on one failure", async () => {
    const component = await createComponent();
    const builtin = await ensureBuiltinLocation();
    const { id } = await httpProbe(component.id, "/svc-a");
    expect(await publicStatus(component.id)).toBe("operational");

    await check(id, builtin.id);
    expect(await publicStatus(component.id)).toBe("operational");
    expect((await db.component.findUniqueOrThrow({ where: { id: component.id } })).statusSource).toBe("probe");

    target.set("/svc-a", { kind: "slow", delayMs: 600 });
    expect((await check(id, builtin.id)).outcome).toBe("degraded");
    expect(await publicStatus(component.id)).toBe("operational");
    await check(id, builtin.id);
    expect(await publicStatus(component.id)).toBe("degraded_performance");

    target.set("/svc-a", { kind: "status", status: 502 });
    const failed = await check(id, builtin.id);
    expect(failed).toMatchObject({ outcome: "down", statusCode: 502, error: "HTTP 502" });
    expect(await publicStatus(component.id)).toBe("degraded_performance");
    target.set("/svc-a", { kind: "ok" });
    await check(id, builtin.id);
    await check(id, builtin.id);
    expect(await publicStatus(component.id)).toBe("operational");

    target.set("/svc-a", { kind: "hang" });
    expect((await check(id, builtin.id)).error).toBe("timeout");
    expect(await publicStatus(component.id)).toBe("operational");
    await check(id, builtin.id);
    expect(await publicStatus(component.id)).toBe("major_outage");
    const alerts = await db.outboxEvent.findMany({ where: { type: "staff.probe_alert" }, orderBy: { id: "desc" }, take: 1 });
    expect(alerts[0]?.payload).toMatchObject({ componentId: component.id, status: "major_outage", openIncidentPath: expect.stringContaining(`/incidents/new?componentId=${component.id}&name=`) as unknown });
    const incidents = await db.incident.count({ where: { components: { some: { componentId: component.id } } } });
    expect(incidents).toBe(0);

    target.set("/svc-a", { kind: "ok" });
    await check(id, builtin.id);
    expect(await publicStatus(component.id)).toBe("major_outage");
    await check(id, builtin.id);
    expect(await publicStatus(component.id)).toBe("operational");
  });

  it("fails a check on an unreachable port, a wrong body and a JSON condition", async () => {
    const dead = await startProbeTarget();
    const url = dead.url("/x");
    await dead.close();
    const base = { id: "x", intervalSeconds: 30, timeoutMs: 500, degradedThresholdMs: null };
    const http = { method: "GET" as const, headers: {}, body: null, expectedStatus: [], bodyContains: null, jsonPath: null, followRedirects: true, certExpiryWarnDays: null };
    expect((await runCheck({ ...base, kind: "http", config: { ...http, url } })).error).toMatch(/ECONNREFUSED/);
    expect((await runCheck({ ...base, kind: "tcp", config: { host: "127.0.0.1", port: new URL(url).port ? Number(new URL(url).port) : 1 } })).outcome).toBe("down");
    expect((await runCheck({ ...base, kind: "tcp", config: { host: "127.0.0.1", port: target.port } })).outcome).toBe("up");
    target.set("/json", { kind: "ok", body: JSON.stringify({ db: { healthy: false } }) });
    const json = await runCheck({ ...base, kind: "http", config: { ...http, url: target.url("/json"), jsonPath: { path: "db.healthy", op: "equals", value: "true" } } });
    expect(json).toMatchObject({ outcome: "down" });
    expect((await runCheck({ ...base, kind: "http", config: { ...http, url: target.url("/json"), bodyContains: "nope" } })).outcome).toBe("down");
    expect((await runCheck({ ...base, kind: "http", config: { ...http, url: target.url("/json"), expectedStatus: [201] } })).error).toBe("HTTP 200");
  });

  it("tells one failing network path from the service being down, across locations", async () => {
    const component = await createComponent();
    const builtin = await ensureBuiltinLocation();
    const onprem = await createLocation(admin, { name: `onprem-${randomUUID().slice(0, 6)}` });
    const { id } = await httpProbe(component.id, "/svc-b", [builtin.id, onprem.id]);
    const result = (locationId: string, outcome: "up" | "down") => {
      const at = tick();
      return ingestResults(locationId, [{ id: randomUUID(), probeId: id, at: at.toISOString(), outcome, latencyMs: 5, statusCode: outcome === "up" ? 200 : 502, error: outcome === "up" ? null : "HTTP 502" }], at);
    };
    await result(builtin.id, "up");
    await result(onprem.id, "up");
    expect(await publicStatus(component.id)).toBe("operational");
    await result(onprem.id, "down");
    await result(onprem.id, "down");
    expect(await publicStatus(component.id)).toBe("partial_outage");
    const row = await db.component.findUniqueOrThrow({ where: { id: component.id } });
    expect(row.probeDetail).toContain("1 of 2 locations failing");
    await result(builtin.id, "down");
    await result(builtin.id, "down");
    expect(await publicStatus(component.id)).toBe("major_outage");

    // A resent batch counts once.
    const at = tick();
    const batch = [{ id: randomUUID(), probeId: id, at: at.toISOString(), outcome: "up" as const, latencyMs: 5, statusCode: 200, error: null }];
    expect(await ingestResults(builtin.id, batch, at)).toMatchObject({ accepted: 1, duplicates: 0 });
    expect(await ingestResults(builtin.id, batch, at)).toMatchObject({ accepted: 0, duplicates: 1 });
    expect((await db.probeAssignment.findUniqueOrThrow({ where: { probeId_locationId: { probeId: id, locationId: builtin.id } } })).okStreak).toBe(1);

    // The on-premise location goes silent: after the stale period it counts neither way.
    await result(builtin.id, "up");
    expect(await publicStatus(component.id)).toBe("partial_outage");
    const later = new Date(clock + 5 * 60_000);
    await db.probeAssignment.update({ where: { probeId_locationId: { probeId: id, locationId: builtin.id } }, data: { lastResultAt: later } });
    await sweepProbes(later);
    expect(await publicStatus(component.id)).toBe("operational");
    expect((await db.component.findUniqueOrThrow({ where: { id: component.id } })).probeDetail).toContain(`no recent results from ${(await db.probeLocation.findUniqueOrThrow({ where: { id: onprem.id } })).name}`);
  });

  it("lets an override win until it expires, and says nothing of its reason in public", async () => {
    const component = await createComponent();
    const builtin = await ensureBuiltinLocation();
    const { id } = await httpProbe(component.id, "/svc-c");
    target.set("/svc-c", { kind: "status", status: 502 });
    await check(id, builtin.id);
    await check(id, builtin.id);
    expect(await publicStatus(component.id)).toBe("major_outage");
    const reason = `SECRET-REASON-${randomUUID()}`;
    await setStatusOverride(admin, component.id, { status: "degraded_performance", reason, expiresAt: new Date(clock + 10 * 60_000) }, new Date(clock));
    expect(await publicStatus(component.id)).toBe("degraded_performance");
    await check(id, builtin.id);
    expect(await publicStatus(component.id)).toBe("degraded_performance");
    expect(JSON.stringify(snapshotStore().current())).not.toContain(reason);
    tick(10 * 60);
    await check(id, builtin.id);
    expect(await publicStatus(component.id)).toBe("degraded_performance");
    await sweepProbes(new Date(clock));
    expect(await publicStatus(component.id)).toBe("major_outage");

    await setStatusOverride(admin, component.id, { status: "operational", reason, expiresAt: null }, new Date(clock));
    expect(await publicStatus(component.id)).toBe("operational");
    await liftStatusOverride(admin, component.id, new Date(clock));
    expect(await publicStatus(component.id)).toBe("major_outage");
  });

  it("turns silence past a push probe's interval into a failure", async () => {
    const component = await createComponent();
    const builtin = await ensureBuiltinLocation();
    const created = await createProbe(admin, { kind: "push", componentId: component.id, name: "nightly backup", intervalSeconds: 60, timeoutMs: 1000, degradedThresholdMs: null, failThreshold: 2, recoverThreshold: 1, locationIds: [], enabled: true, config: {} }, new Date(clock));
    expect(created.pushToken).toMatch(/^spp_/);
    const at = tick();
    await ingestResults(builtin.id, [{ id: randomUUID(), probeId: created.id, at: at.toISOString(), outcome: "up", latencyMs: null, statusCode: null, error: null }], at);
    expect(await publicStatus(component.id)).toBe("operational");
    const t1 = new Date(clock + 62_000);
    await sweepProbes(t1);
    await sweepProbes(t1);
    expect(await db.probeResult.count({ where: { probeId: created.id, outcome: "down" } })).toBe(1);
    await sweepProbes(new Date(clock + 124_000));
    expect(await publicStatus(component.id)).toBe("major_outage");
  });

  it("keeps a component under maintenance whatever its probes say, and hands it back to them afterwards", async () => {
    const component = await createComponent();
    const builtin = await ensureBuiltinLocation();
    const { id } = await httpProbe(component.id, "/svc-d");
    await check(id, builtin.id);
    expect(await publicStatus(component.id)).toBe("operational");
    const start = new Date(clock + 60_000);
    const window = await scheduleMaintenance(admin, { name: "Upgrade", body: "", scheduledFor: start, scheduledUntil: new Date(clock + 30 * 60_000), componentIds: [component.id], autoStart: true, autoComplete: true }, new Date(clock));
    await runMaintenanceScheduler(start);
    expect(await publicStatus(component.id)).toBe("under_maintenance");
    target.set("/svc-d", { kind: "status", status: 503 });
    await check(id, builtin.id);
    await check(id, builtin.id);
    expect(await publicStatus(component.id)).toBe("under_maintenance");
    await runMaintenanceScheduler(new Date(clock + 31 * 60_000));
    expect((await db.maintenance.findUniqueOrThrow({ where: { id: window.id } })).status).toBe("completed");
    expect(await publicStatus(component.id)).toBe("major_outage");
  });
});
