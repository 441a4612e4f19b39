import { describe, expect, it } from "vitest";
import { formatInZone, utcToZonedLocal, zonedLocalToUtc } from "@/server/maintenance/time";

describe("zonedLocalToUtc", () => {
  it("reads a wall-clock time in the page's zone", () => {
    expect(zonedLocalToUtc("2026-11-26T06:00", "America/New_York")?.toISOString()).toBe("2026-11-26T11:00:00.000Z");
    expect(zonedLocalToUtc("2026-07-01T06:00", "America/New_York")?.toISOString()).toBe("2026-07-01T10:00:00.000Z");
    expect(zonedLocalToUtc("2026-07-01T06:00", "UTC")?.toISOString()).toBe("2026-07-01T06:00:00.000Z");
    expect(zonedLocalToUtc("2026-07-01T06:00", "Asia/Kolkata")?.toISOString()).toBe("2026-07-01T00:30:00.000Z");
  });
  it("handles the hours around a daylight-saving change", () => {
    expect(zonedLocalToUtc("2026-03-08T01:30", "America/New_York")?.toISOString()).toBe("2026-03-08T06:30:00.000Z");
    expect(zonedLocalToUtc("2026-03-08T03:30", "America/New_York")?.toISOString()).toBe("2026-03-08T07:30:00.000Z");
    expect(zonedLocalToUtc("2026-03-08T02:30", "America/New_York")).not.toBeNull();
  });
  it("refuses what is not a date-time", () => {
    expect(zonedLocalToUtc("tomorrow", "UTC")).toBeNull();
    expect(zonedLocalToUtc("", "UTC")).toBeNull();
  });
});

describe("utcToZonedLocal", () => {
  it("is the inverse of zonedLocalToUtc", () => {
    for (const tz of ["America/New_York", "Europe/Berlin", "Asia/Kolkata", "UTC"]) {
      const instant = new Date("2026-11-26T11:00:00Z");
      expect(zonedLocalToUtc(utcToZonedLocal(instant, tz), tz)?.toISOString()).toBe(instant.toISOString());
    }
    expect(utcToZonedLocal(new Date("2026-11-26T11:00:00Z"), "America/New_York")).toBe("2026-11-26T06:00");
  });
});

describe("formatInZone", () => {
  it("names the zone", () => {
    expect(formatInZone("2026-11-26T11:00:00Z", "America/New_York")).toMatch(/06:00 EST/);
  });
});
