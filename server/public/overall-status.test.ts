import { describe, expect, it } from "vitest";
import { overallStatus } from "@/server/public/overall-status";

describe("overallStatus", () => {
  it("is operational when every component is and no incident is open", () => {
    expect(overallStatus({ componentStatuses: ["operational", "operational"], openIncidentImpacts: [] })).toEqual({
      indicator: "none",
      description: "All Systems Operational",
    });
  });

  it("is operational with no components at all", () => {
    expect(overallStatus({ componentStatuses: [], openIncidentImpacts: [] }).indicator).toBe("none");
  });

  it("reports degraded performance as a minor problem", () => {
    expect(overallStatus({ componentStatuses: ["operational", "degraded_performance"], openIncidentImpacts: [] })).toEqual({
      indicator: "minor",
      description: "Partially Degraded Service",
    });
  });

  it("ranks a partial outage above degraded performance in the sentence, both minor", () => {
    const s = overallStatus({ componentStatuses: ["partial_outage", "degraded_performance"], openIncidentImpacts: [] });
    expect(s.indicator).toBe("minor");
    expect(s.description).toBe("Minor Service Outage");
  });

  it("calls one component in major outage a partial system outage", () => {
    expect(overallStatus({ componentStatuses: ["major_outage", "operational"], openIncidentImpacts: [] })).toEqual({
      indicator: "major",
      description: "Partial System Outage",
    });
  });

  it("calls every component in major outage a major system outage", () => {
    expect(overallStatus({ componentStatuses: ["major_outage", "major_outage"], openIncidentImpacts: [] }).indicator).toBe(
      "critical",
    );
  });

  it("lets an open incident's impact raise the indicator above the components", () => {
    expect(overallStatus({ componentStatuses: ["operational"], openIncidentImpacts: ["critical"] }).indicator).toBe(
      "critical",
    );
    expect(overallStatus({ componentStatuses: ["degraded_performance"], openIncidentImpacts: ["major"] }).indicator).toBe(
      "major",
    );
  });

  it("ignores incidents of impact none", () => {
    expect(overallStatus({ componentStatuses: ["operational"], openIncidentImpacts: ["none"] }).indicator).toBe("none");
  });

  it("says so when the only thing happening is maintenance", () => {
    expect(overallStatus({ componentStatuses: ["under_maintenance", "operational"], openIncidentImpacts: [] })).toEqual({
      indicator: "none",
      description: "Service Under Maintenance",
    });
  });
});
