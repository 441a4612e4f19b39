import { expect, test } from "@playwright/test";
import { Statuspage } from "statuspage.io";
import { query } from "./database";

// The public API checked with a real third-party client of Statuspage's API, not only our own types.

test("a Statuspage client reads summary, status, components, incidents and maintenance", async ({ baseURL }) => {
  const client = new Statuspage("unused");
  client.setApiUrl(baseURL ?? "");
  const summary = await client.api.getSummary();
  expect(summary.page.name).toBe("Registry Status");
  expect(summary.page.time_zone).toBe("America/New_York");
  expect(summary.status).toEqual({ indicator: "none", description: "All Systems Operational" });
  const website = summary.components.find((c) => c.name === "Website");
  expect(website).toMatchObject({ status: "operational", group: false, only_show_if_degraded: false, showcase: true });
  const group = summary.components.find((c) => c.name === "Web and API");
  expect(group).toMatchObject({ group: true });
  expect((group as unknown as { components: string[] }).components).toContain(website?.id);
  expect(summary.scheduled_maintenances.map((m) => m.name)).toContain("Database storage upgrade");

  const status = await client.api.getStatus();
  expect(status.status.indicator).toBe("none");
  const components = await client.api.getComponents();
  expect(components.components.length).toBe(9);

  const incidents = await client.api.incidents.getAll();
  const outage = incidents.incidents.find((i) => i.name.startsWith("502 Bad Gateway"));
  expect(outage).toMatchObject({ status: "postmortem", impact: "major" });
  expect(outage?.incident_updates.map((u) => u.status)).toEqual(["resolved", "monitoring", "identified", "investigating", "investigating"]);
  expect(outage?.incident_updates[0]?.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}-0[45]:00$/);
  expect((await client.api.incidents.getUnresolved()).incidents).toEqual([]);
  const upcoming = await client.api.scheduledMaintenances.getUpcoming();
  expect(upcoming.scheduled_maintenances[0]).toMatchObject({ status: "scheduled", impact: "maintenance" });
  expect((await client.api.scheduledMaintenances.getAll()).scheduled_maintenances.length).toBeGreaterThan(0);
});

test("every API resource answers HEAD, CORS, ETag with 304, and CDN cache headers", async ({ request }) => {
  const paths = [
    "summary.json",
    "status.json",
    "components.json",
    "incidents.json",
    "incidents/unresolved.json",
    "scheduled-maintenances.json",
    "scheduled-maintenances/upcoming.json",
    "scheduled-maintenances/active.json",
  ];
  for (const p of paths) {
    const res = await request.get(`/api/v2/${p}`);
    expect(res.status(), p).toBe(200);
    const headers = res.headers();
    expect(headers["access-control-allow-origin"], p).toBe("*");
    expect(headers["cache-control"], p).toMatch(/s-maxage=\d+.*stale-while-revalidate=\d+.*stale-if-error=\d+/);
    expect(headers["content-type"], p).toContain("application/json");
    const etag = headers.etag ?? "";
    expect(etag, p).toMatch(/^".+"$/);
    const again = await request.get(`/api/v2/${p}`, { headers: { "if-none-match": etag } });
    expect(again.status(), p).toBe(304);
    const head = await request.head(`/api/v2/${p}`);
    expect(head.status(), p).toBe(200);
    expect((await head.body()).length, p).toBe(0);
  }
});

test("badges show the overall and per-component status", async ({ request }) => {
  const overall = await request.get("/badge.svg");
  expect(overall.headers()["content-type"]).toContain("image/svg+xml");
  expect(await overall.text()).toContain("operational");
  const [component] = await query<{ id: string }>(`SELECT id FROM "Component" WHERE name = 'Search'`);
  const badge = await request.get(`/badge/${component?.id}.svg`);
  expect(await badge.text()).toContain("Search: operational");
  expect((await request.get("/badge/nope.svg")).status()).toBe(404);
});
