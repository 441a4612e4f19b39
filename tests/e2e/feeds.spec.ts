import { expect, test } from "@playwright/test";
import Parser from "rss-parser";
import { query } from "./database";

// The history feeds over HTTP: parsed by an independent feed parser, cached like the JSON API, and
// discoverable from the page.

const parser = new Parser();

test("the page's RSS and Atom feeds parse and carry the published history", async ({ request }) => {
  const [incident] = await query<{ id: string; name: string }>(
    `SELECT id, name FROM "Incident" WHERE visibility = 'published' ORDER BY "startedAt" DESC LIMIT 1`,
  );
  for (const [path, type] of [
    ["/history.rss", "application/rss+xml"],
    ["/history.atom", "application/atom+xml"],
  ] as const) {
    const res = await request.get(path);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toContain(type);
    const feed = await parser.parseString(await res.text());
    expect(feed.title).toBe("Registry Status status history");
    const item = feed.items.find((i) => i.link?.endsWith(`/incidents/${incident!.id}`));
    expect(item?.title).toContain(incident!.name);
  }
});

test("feeds are cached like the JSON API and answer 304 to a matching ETag", async ({ request }) => {
  const api = await request.get("/api/v2/status.json");
  const res = await request.get("/history.atom");
  const etag = res.headers()["etag"];
  expect(etag).toBeTruthy();
  expect(res.headers()["cache-control"]).toBe(api.headers()["cache-control"]);
  const again = await request.get("/history.atom", { headers: { "if-none-match": etag! } });
  expect(again.status()).toBe(304);
});

test("each component has its own feeds, and an unknown component has none", async ({ request }) => {
  const [component] = await query<{ id: string; name: string }>(`SELECT id, name FROM "Component" WHERE "archivedAt" IS NULL LIMIT 1`);
  const feed = await parser.parseString(await (await request.get(`/history/${component!.id}.rss`)).text());
  expect(feed.title).toBe(`Registry Status: ${component!.name} history`);
  expect((await request.get(`/history/${component!.id}.atom`)).status()).toBe(200);
  expect((await request.get("/history/no-such-component.rss")).status()).toBe(404);
});

test("feed readers find the feeds from the page", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute("href", /\/history\.rss$/);
  await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute("href", /\/history\.atom$/);
});
