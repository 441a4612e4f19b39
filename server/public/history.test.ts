import { describe, expect, it } from "vitest";
import { historyPage } from "@/server/public/history";
import type { PublicIncident } from "@/server/public/types";

const incident = (id: string, startedAt: string): PublicIncident => ({
  id,
  name: id,
  status: "resolved",
  impact: "minor",
  startedAt,
  createdAt: startedAt,
  updatedAt: startedAt,
  identifiedAt: null,
  monitoringAt: null,
  resolvedAt: startedAt,
  componentIds: [],
  updates: [],
  postmortem: null,
});

describe("historyPage", () => {
  const now = new Date("2026-11-23T12:00:00Z");
  const incidents = [
    incident("nov", "2026-11-02T10:00:00Z"),
    incident("oct-edge", "2026-11-01T02:00:00Z"), // still October in New York
    incident("sep", "2026-09-10T10:00:00Z"),
    incident("may", "2026-05-05T10:00:00Z"),
  ];

  it("groups the newest three months by the page's zone", () => {
    const h = historyPage(incidents, "America/New_York", now, 1);
    expect(h.months.map((m) => m.key)).toEqual(["2026-11", "2026-10", "2026-09"]);
    expect(h.months.map((m) => m.incidents.map((i) => i.id))).toEqual([["nov"], ["oct-edge"], ["sep"]]);
    expect(h.months[0]?.label).toBe("November 2026");
    expect(h.hasOlder).toBe(true);
    expect(h.hasNewer).toBe(false);
  });

  it("pages back three months at a time and knows where history ends", () => {
    const h = historyPage(incidents, "America/New_York", now, 2);
    expect(h.months.map((m) => m.key)).toEqual(["2026-08", "2026-07", "2026-06"]);
    expect(h.months.every((m) => m.incidents.length === 0)).toBe(true);
    expect(h.hasOlder).toBe(true);
    expect(historyPage(incidents, "America/New_York", now, 3).hasOlder).toBe(false);
  });

  it("treats a nonsense page number as the first page", () => {
    expect(historyPage(incidents, "UTC", now, -4).page).toBe(1);
    expect(historyPage(incidents, "UTC", now, Number.NaN).page).toBe(1);
  });
});
