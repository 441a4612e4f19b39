import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { systemActor } from "@/server/auth/actor";
import { uptimeRatio } from "@/server/components/uptime";
import { ensureBuiltinLocation, ingestResults, sweepProbes } from "@/server/probes/ingest/mutations";
import { createProbe } from "@/server/probes/mutations";
import { runRollups } from "@/server/probes/rollup/mutations";
import { createComponent } from "@/tests/factories/catalog";

// Rollups: results summed per hour and day, a component's day in minutes per status, silence as no
// data, and raw results deleted after the retention period while the rollups stay.

const at = (iso: string) => new Date(iso);

describe("probe rollups and retention", () => {
  it("sums results per hour, counts silence as no data, and keeps rollups after raw results are gone", async () => {
    const component = await createComponent();
    await db.component.update({ where: { id: component.id }, data: { createdAt: at("2032-05-01T00:00:00Z") } });
    const builtin = await ensureBuiltinLocation();
    const { id } = await createProbe(systemActor("test"), {
      kind: "tcp", componentId: component.id, name: "db", intervalSeconds: 60, timeoutMs: 1000, degradedThresholdMs: null, failThreshold: 2, recoverThreshold: 2, locationIds: [], enabled: true, config: { host: "127.0.0.1", port: 5432 },
    }, at("2032-05-01T00:00:00Z"));
    const send = (iso: string, outcome: "up" | "down", latencyMs: number) =>
      ingestResults(builtin.id, [{ id: randomUUID(), probeId: id, at: iso, outcome, latencyMs, statusCode: null, error: outcome === "down" ? "ECONNREFUSED" : null }], at(iso));
    // 00:00–06:00 up every minute; 06:00 down for 2 minutes (major outage from 06:01); back at 06:04.
    for (let m = 0; m < 360; m++) await send(new Date(Date.parse("2032-05-01T00:00:30Z") + m * 60_000).toISOString(), "up", 10 + (m % 10));
    await send("2032-05-01T06:00:30Z", "down", 1000);
    await send("2032-05-01T06:01:30Z", "down", 1000);
    await send("2032-05-01T06:02:30Z", "up", 10);
    await send("2032-05-01T06:03:30Z", "up", 10);
    expect((await db.component.findUniqueOrThrow({ where: { id: component.id } })).status).toBe("operational");
    // Then silence: the probe goes stale, so the rest of the day, from the last result heard, is no data.
    await sweepProbes(at("2032-05-01T06:10:00Z"));

    await runRollups(at("2032-05-01T07:00:00Z"));
    const hours = await db.probeRollup.findMany({ where: { probeId: id, period: "hour" }, orderBy: { start: "asc" } });
    expect(hours.find((h) => h.start.toISOString() === "2032-05-01T06:00:00.000Z")).toMatchObject({ checks: 4, failures: 2, degraded: 0 });
    expect(hours.find((h) => h.start.toISOString() === "2032-05-01T05:00:00.000Z")).toMatchObject({ checks: 60, failures: 0, latencyP50: 14 });

    await runRollups(at("2032-05-02T00:05:00Z"));
    const day = await db.componentDailyUptime.findUniqueOrThrow({ where: { componentId_day: { componentId: component.id, day: at("2032-05-01T00:00:00Z") } } });
    expect(day.majorMinutes).toBe(2);
    // Up until the outage (00:00–06:00 and 06:00's minute), no data from the last result heard (06:03:30) on.
    expect(day.operationalMinutes).toBe(361);
    expect(day.noDataMinutes).toBe(1440 - day.operationalMinutes - day.majorMinutes);
    expect(uptimeRatio(day)).toBeCloseTo(1 - 2 / (day.operationalMinutes + 2), 6);
    const dayRollup = await db.probeRollup.findUniqueOrThrow({ where: { probeId_locationId_period_start: { probeId: id, locationId: builtin.id, period: "day", start: at("2032-05-01T00:00:00Z") } } });
    expect(dayRollup).toMatchObject({ checks: 364, failures: 2 });

    await runRollups(at("2032-05-20T00:00:00Z"));
    expect(await db.probeResult.count({ where: { probeId: id } })).toBe(0);
    expect(await db.probeRollup.count({ where: { probeId: id } })).toBeGreaterThan(0);
  });
});
