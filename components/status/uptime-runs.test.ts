import { describe, expect, it } from "vitest";
import { uptimeSegments } from "@/components/status/uptime-runs";
import type { UptimeDay } from "@/server/public/types";

const day = (date: string, level: UptimeDay["level"], incidentIds: string[] = []): UptimeDay => ({
  date,
  level,
  ratio: level === "no_data" ? null : 1,
  incidentIds,
});

describe("uptimeSegments", () => {
  it("merges quiet days of the same level and keeps troubled days apart", () => {
    const segments = uptimeSegments([
      day("2026-01-01", "no_data"),
      day("2026-01-02", "no_data"),
      day("2026-01-03", "operational"),
      day("2026-01-04", "operational"),
      day("2026-01-05", "major", ["i1"]),
      day("2026-01-06", "operational", ["i1"]),
      day("2026-01-07", "operational"),
    ]);
    expect(segments.map((s) => (s.kind === "run" ? `${s.level}x${s.days}` : `day:${s.day.date}`))).toEqual([
      "no_datax2",
      "operationalx2",
      "day:2026-01-05",
      "day:2026-01-06",
      "operationalx1",
    ]);
  });

  it("accounts for every day exactly once", () => {
    const days = Array.from({ length: 90 }, (_, n) => day(`d${n}`, n % 17 === 0 ? "degraded" : "operational"));
    const total = uptimeSegments(days).reduce((sum, s) => sum + (s.kind === "run" ? s.days : 1), 0);
    expect(total).toBe(90);
  });
});
