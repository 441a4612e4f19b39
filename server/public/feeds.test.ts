import Parser from "rss-parser";
import { describe, expect, it } from "vitest";
import { historyFeed } from "@/server/public/feeds";
import type { PublicIncident, PublicMaintenance, PublicSnapshot } from "@/server/public/types";

// Feeds are checked by parsing them with an independent parser (rss-parser), not by matching strings.

const parser = new Parser({ customFields: { item: [["content:encoded", "contentEncoded"], ["content", "atomContent"]] } });

const update = (id: string, status: PublicIncident["status"], body: string, displayAt: string) => ({
  id,
  status,
  body,
  bodyHtml: `<p>${body}</p>`,
  displayAt,
  createdAt: displayAt,
  updatedAt: displayAt,
  deliverNotifications: true,
  affectedComponents: [],
});

const incident: PublicIncident = {
  id: "inc1",
  name: "Uploads failing & slow",
  status: "resolved",
  impact: "major",
  startedAt: "2026-03-01T10:00:00.000Z",
  createdAt: "2026-03-01T10:00:00.000Z",
  updatedAt: "2026-03-01T12:00:00.000Z",
  identifiedAt: null,
  monitoringAt: null,
  resolvedAt: "2026-03-01T12:00:00.000Z",
  componentIds: ["c-api"],
  updates: [
    update("u3", "resolved", "All fixed.", "2026-03-01T12:00:00.000Z"),
    update("u2", "identified", "Found a bad deploy.", "2026-03-01T11:00:00.000Z"),
    update("u1", "investigating", "Looking into it.", "2026-03-01T10:00:00.000Z"),
  ],
  postmortem: null,
};

const other: PublicIncident = { ...incident, id: "inc2", name: "CDN errors", componentIds: ["c-cdn"], startedAt: "2026-02-01T10:00:00.000Z", updates: [update("v1", "resolved", "CDN recovered.", "2026-02-01T11:00:00.000Z")] };

const maintenance: PublicMaintenance = {
  id: "m1",
  name: "Database upgrade",
  status: "scheduled",
  body: "Writes pause.",
  bodyHtml: "<p>Writes pause.</p>",
  scheduledFor: "2026-04-01T02:00:00.000Z",
  scheduledUntil: "2026-04-01T03:00:00.000Z",
  startedAt: null,
  completedAt: null,
  createdAt: "2026-03-20T09:00:00.000Z",
  updatedAt: "2026-03-20T09:00:00.000Z",
  componentIds: ["c-api"],
  updates: [],
};

const snapshot: PublicSnapshot = {
  version: "v1",
  generatedAt: "2026-03-21T00:00:00.000Z",
  page: { id: "default", name: "Registry Status", url: "https://status.example.org", timeZone: "UTC", description: null, logoUrl: null, brandColor: "#000000", footerLinks: [], updatedAt: "2026-01-01T00:00:00.000Z" },
  status: { indicator: "none", description: "All Systems Operational" },
  groups: [],
  components: [
    { id: "c-api", name: "API", description: null, status: "operational", position: 0, groupId: null, onlyShowIfDegraded: false, showcase: true, startDate: null, createdAt: "2026-01-01T00:00:00.000Z", updatedAt: "2026-01-01T00:00:00.000Z", uptimeDays: [], uptimeRatio: null },
    { id: "c-cdn", name: "CDN", description: null, status: "operational", position: 1, groupId: null, onlyShowIfDegraded: false, showcase: true, startDate: null, createdAt: "2026-01-01T00:00:00.000Z", updatedAt: "2026-01-01T00:00:00.000Z", uptimeDays: [], uptimeRatio: null },
  ],
  incidents: [incident, other],
  maintenances: [maintenance],
};

describe("history feeds", () => {
  it("is valid RSS 2.0 with one item per incident and maintenance, newest activity first", async () => {
    const feed = await parser.parseString(historyFeed(snapshot, "rss")!);
    expect(feed.title).toBe("Registry Status status history");
    expect(feed.link).toBe("https://status.example.org/");
    expect(feed.items.map((i) => i.title)).toEqual([
      "Database upgrade (maintenance, scheduled)",
      "Uploads failing & slow (Resolved)",
      "CDN errors (Resolved)",
    ]);
    const item = feed.items[1]!;
    expect(item.link).toBe("https://status.example.org/incidents/inc1");
    expect(item.guid).toBe("https://status.example.org/incidents/inc1");
    // RSS has one date: when the incident began (Atom also carries the last update).
    expect(new Date(item.isoDate!).toISOString()).toBe("2026-03-01T10:00:00.000Z");
  });

  it("carries the whole public timeline, newest first, as the item's content", async () => {
    const feed = await parser.parseString(historyFeed(snapshot, "rss")!);
    const content = String((feed.items[1] as unknown as { contentEncoded: string }).contentEncoded);
    const order = ["All fixed.", "Found a bad deploy.", "Looking into it."].map((t) => content.indexOf(t));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(content).toContain("Resolved");
    expect(content).toContain("Affected: API");
  });

  it("is valid Atom 1.0 with the same items", async () => {
    const xml = historyFeed(snapshot, "atom")!;
    expect(xml).toContain('xmlns="http://www.w3.org/2005/Atom"');
    const feed = await parser.parseString(xml);
    expect(feed.title).toBe("Registry Status status history");
    expect(feed.items).toHaveLength(3);
    const item = feed.items.find((i) => i.title === "Uploads failing & slow (Resolved)")!;
    expect(item.link).toBe("https://status.example.org/incidents/inc1");
    expect((item as unknown as { id: string }).id).toBe("https://status.example.org/incidents/inc1");
    expect(String(item.content)).toContain("Found a bad deploy.");
  });

  it("gives each component a feed with only what concerns it, and none for an unknown component", async () => {
    const api = await parser.parseString(historyFeed(snapshot, "rss", "c-api")!);
    expect(api.title).toBe("Registry Status: API history");
    expect(api.items.map((i) => i.title)).toEqual(["Database upgrade (maintenance, scheduled)", "Uploads failing & slow (Resolved)"]);
    const cdn = await parser.parseString(historyFeed(snapshot, "atom", "c-cdn")!);
    expect(cdn.items.map((i) => i.title)).toEqual(["CDN errors (Resolved)"]);
    expect(historyFeed(snapshot, "rss", "nope")).toBeNull();
  });

  it("is the same bytes for the same snapshot", () => {
    expect(historyFeed(snapshot, "atom")).toBe(historyFeed(snapshot, "atom"));
    expect(historyFeed(snapshot, "rss")).toBe(historyFeed(snapshot, "rss"));
  });
});
