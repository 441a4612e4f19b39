import { describe, expect, it } from "vitest";
import { dayLevel, dayMinutes, formatUptime, sumMinutes, uptimeRatio, type StatusMinutes } from "@/server/components/uptime";

const day = (m: Partial<StatusMinutes>): StatusMinutes => ({
  operationalMinutes: 0,
  degradedMinutes: 0,
  partialMinutes: 0,
  majorMinutes: 0,
  maintenanceMinutes: 0,
  noDataMinutes: 0,
  ...m,
});

describe("uptimeRatio", () => {
  it("is 1 for a fully operational day", () => {
    expect(uptimeRatio(day({ operationalMinutes: 1440 }))).toBe(1);
  });
  it("counts a major outage fully as downtime", () => {
    expect(uptimeRatio(day({ operationalMinutes: 1296, majorMinutes: 144 }))).toBeCloseTo(0.9);
  });
  it("counts a partial outage at 30%", () => {
    expect(uptimeRatio(day({ operationalMinutes: 1040, partialMinutes: 400 }))).toBeCloseTo(1 - 120 / 1440);
  });
  it("does not count degraded performance as downtime", () => {
    expect(uptimeRatio(day({ operationalMinutes: 440, degradedMinutes: 1000 }))).toBe(1);
  });
  it("leaves maintenance out of the denominator", () => {
    expect(uptimeRatio(day({ operationalMinutes: 600, majorMinutes: 120, maintenanceMinutes: 720 }))).toBeCloseTo(600 / 720);
  });
  it("never counts unobserved minutes as up", () => {
    expect(uptimeRatio(day({ majorMinutes: 60, noDataMinutes: 1380 }))).toBe(0);
  });
  it("has no value for a day with no observation, or only maintenance", () => {
    expect(uptimeRatio(day({ noDataMinutes: 1440 }))).toBeNull();
    expect(uptimeRatio(day({ maintenanceMinutes: 1440 }))).toBeNull();
  });
});

describe("sumMinutes", () => {
  it("adds days field by field, so 90-day uptime weights days by their observed minutes", () => {
    const total = sumMinutes([day({ operationalMinutes: 1440 }), day({ majorMinutes: 720, noDataMinutes: 720 })]);
    expect(total).toEqual(day({ operationalMinutes: 1440, majorMinutes: 720, noDataMinutes: 720 }));
    expect(uptimeRatio(total)).toBeCloseTo(1440 / 2160);
  });
});

describe("dayLevel", () => {
  it("takes the worst status the day saw", () => {
    expect(dayLevel(day({ operationalMinutes: 1400, degradedMinutes: 30, majorMinutes: 10 }))).toBe("major");
    expect(dayLevel(day({ operationalMinutes: 1400, partialMinutes: 40 }))).toBe("partial");
    expect(dayLevel(day({ operationalMinutes: 1440 }))).toBe("operational");
    expect(dayLevel(day({ maintenanceMinutes: 60, noDataMinutes: 1380 }))).toBe("maintenance");
    expect(dayLevel(day({ noDataMinutes: 1440 }))).toBe("no_data");
  });
});

describe("formatUptime", () => {
  it("never rounds a non-perfect ratio up to 100%", () => {
    expect(formatUptime(0.99999)).toBe("99.99%");
    expect(formatUptime(1)).toBe("100%");
    expect(formatUptime(0.5)).toBe("50.00%");
    expect(formatUptime(null)).toBe("No data");
  });
});

describe("dayMinutes", () => {
  const day = new Date("2030-03-01T00:00:00Z");
  const at = (hhmm: string) => new Date(`2030-03-01T${hhmm}:00Z`);
  const end = new Date("2030-03-02T00:00:00Z");

  it("splits a day by status changes", () => {
    const m = dayMinutes({
      dayStart: day,
      statusAtStart: "operational",
      changes: [
        { at: at("10:00"), newStatus: "major_outage" },
        { at: at("10:30"), newStatus: "degraded_performance" },
        { at: at("11:00"), newStatus: "operational" },
      ],
      gaps: [],
      observedFrom: new Date("2030-01-01T00:00:00Z"),
      now: end,
    });
    expect(m).toMatchObject({ operationalMinutes: 1440 - 60, majorMinutes: 30, degradedMinutes: 30, noDataMinutes: 0 });
    expect(uptimeRatio(m)).toBeCloseTo(1 - 30 / 1440, 6);
  });

  it("counts silence and the time before the component existed as no data, never as up", () => {
    const m = dayMinutes({
      dayStart: day,
      statusAtStart: "operational",
      changes: [],
      gaps: [{ startedAt: at("02:00"), endedAt: at("04:00") }, { startedAt: at("23:00"), endedAt: null }],
      observedFrom: at("01:00"),
      now: end,
    });
    expect(m).toMatchObject({ operationalMinutes: 1440 - 60 - 120 - 60, noDataMinutes: 240 });
    const silent = dayMinutes({ dayStart: day, statusAtStart: "operational", changes: [], gaps: [{ startedAt: day, endedAt: null }], observedFrom: day, now: end });
    expect(uptimeRatio(silent)).toBeNull();
  });

  it("counts only minutes that are over", () => {
    const m = dayMinutes({ dayStart: day, statusAtStart: "under_maintenance", changes: [], gaps: [], observedFrom: day, now: at("00:10") });
    expect(m.maintenanceMinutes).toBe(10);
    expect(uptimeRatio(m)).toBeNull();
  });
});
