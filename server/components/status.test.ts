import { describe, expect, it } from "vitest";
import { isComponentStatus, worstStatus } from "@/server/components/status";

describe("worstStatus", () => {
  it("is operational for nothing", () => {
    expect(worstStatus([])).toBe("operational");
  });
  it("orders failures above maintenance above operational", () => {
    expect(worstStatus(["operational", "under_maintenance"])).toBe("under_maintenance");
    expect(worstStatus(["under_maintenance", "degraded_performance"])).toBe("degraded_performance");
    expect(worstStatus(["major_outage", "partial_outage", "degraded_performance"])).toBe("major_outage");
  });
});

describe("isComponentStatus", () => {
  it("accepts the five Statuspage states and nothing else", () => {
    expect(isComponentStatus("partial_outage")).toBe(true);
    expect(isComponentStatus("down")).toBe(false);
    expect(isComponentStatus(undefined)).toBe(false);
  });
});
