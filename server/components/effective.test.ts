import { describe, expect, it } from "vitest";
import { effectiveStatus, type StatusInputs } from "@/server/components/effective";

const now = new Date("2030-01-01T12:00:00Z");
const base: StatusInputs = { override: null, inMaintenance: false, probeStatus: null, current: { status: "operational", source: "staff" } };

describe("effective component status", () => {
  it("puts overrides over maintenance over probes over staff", () => {
    expect(effectiveStatus({ ...base, probeStatus: "major_outage" }, now)).toEqual({ status: "major_outage", source: "probe" });
    expect(effectiveStatus({ ...base, probeStatus: "major_outage", inMaintenance: true }, now)).toEqual({ status: "under_maintenance", source: "maintenance" });
    expect(effectiveStatus({ ...base, probeStatus: "major_outage", inMaintenance: true, override: { status: "operational", expiresAt: null } }, now)).toEqual({
      status: "operational",
      source: "staff",
    });
  });

  it("ignores an expired override", () => {
    const override = { status: "operational" as const, expiresAt: new Date("2030-01-01T11:59:59Z") };
    expect(effectiveStatus({ ...base, override, probeStatus: "partial_outage" }, now).status).toBe("partial_outage");
  });

  it("keeps what staff set when nothing else has a say, and falls back when probes stop saying anything", () => {
    expect(effectiveStatus({ ...base, current: { status: "degraded_performance", source: "staff" } }, now).status).toBe("degraded_performance");
    expect(effectiveStatus({ ...base, current: { status: "major_outage", source: "probe" } }, now).status).toBe("major_outage");
    expect(effectiveStatus({ ...base, current: { status: "under_maintenance", source: "maintenance" }, fallback: "degraded_performance" }, now).status).toBe("degraded_performance");
    expect(effectiveStatus({ ...base, current: { status: "under_maintenance", source: "maintenance" } }, now).status).toBe("operational");
  });

  it("returns to the status from before an override when it ends and nothing else has a say", () => {
    const current = { status: "major_outage" as const, source: "staff" as const };
    expect(effectiveStatus({ ...base, current, fallback: "operational", replaceCurrent: true }, now).status).toBe("operational");
    expect(effectiveStatus({ ...base, current, fallback: "operational", replaceCurrent: true, probeStatus: "partial_outage" }, now).status).toBe("partial_outage");
  });
});
