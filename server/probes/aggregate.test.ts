import { describe, expect, it } from "vitest";
import { componentProbeStatus, isStale, type AssignmentView } from "@/server/probes/aggregate";
import type { ProbeHealth } from "@/server/probes/state-machine";

const at = (loc: string, health: ProbeHealth, extra: Partial<AssignmentView> = {}): AssignmentView => ({
  locationId: loc,
  locationName: loc,
  probeName: "web",
  health,
  stale: false,
  lastError: null,
  ...extra,
});

describe("component status across locations", () => {
  it("is major when every location fails, partial when some do", () => {
    expect(componentProbeStatus([at("cloud", "down"), at("onprem", "down")], "all").status).toBe("major_outage");
    expect(componentProbeStatus([at("cloud", "down"), at("onprem", "up")], "all").status).toBe("partial_outage");
    expect(componentProbeStatus([at("cloud", "up"), at("onprem", "up")], "all").status).toBe("operational");
    expect(componentProbeStatus([at("cloud", "degraded"), at("onprem", "up")], "all").status).toBe("degraded_performance");
  });

  it("with a majority quorum, more than half failing is major", () => {
    const three = [at("a", "down"), at("b", "down"), at("c", "up")];
    expect(componentProbeStatus(three, "majority").status).toBe("major_outage");
    expect(componentProbeStatus(three, "all").status).toBe("partial_outage");
    expect(componentProbeStatus([at("a", "down"), at("b", "up")], "majority").status).toBe("partial_outage");
  });

  it("a location fails when any of its probes does, and says which", () => {
    const verdict = componentProbeStatus([at("cloud", "up"), at("cloud", "down", { probeName: "api", lastError: "HTTP 502" })], "all");
    expect(verdict.status).toBe("major_outage");
    expect(verdict.failing).toEqual(["cloud: api (HTTP 502)"]);
    expect(verdict.detail).toContain("1 of 1 location failing");
  });

  it("never counts a stale or silent location as up or down", () => {
    expect(componentProbeStatus([at("cloud", "up", { stale: true })], "all").status).toBeNull();
    expect(componentProbeStatus([at("cloud", "unknown")], "all").status).toBeNull();
    const verdict = componentProbeStatus([at("cloud", "down"), at("onprem", "up", { stale: true })], "all");
    expect(verdict.status).toBe("major_outage");
    expect(verdict.detail).toContain("no recent results from onprem");
    expect(componentProbeStatus([], "all").status).toBeNull();
  });

  it("calls results stale after two missed intervals and grace", () => {
    const now = new Date("2030-01-01T00:10:00Z");
    expect(isStale(new Date("2030-01-01T00:09:00Z"), now, 30, 5_000, now)).toBe(false);
    expect(isStale(new Date("2030-01-01T00:08:00Z"), now, 30, 5_000, now)).toBe(true);
    expect(isStale(null, new Date("2030-01-01T00:09:50Z"), 30, 5_000, now)).toBe(false);
  });
});
