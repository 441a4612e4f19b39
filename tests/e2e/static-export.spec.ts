import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { serveStatic } from "./support/static-server";
import { query } from "./database";

// The static fallback site: `cli export` from the running instance, served by a plain static file
// server, matches the live responses and reads completely without JavaScript; the mirror (MIRROR_DIR,
// set for the test server in playwright.config.ts) follows a change by itself.

const run = promisify(execFile);
const RESOURCES = [
  "api/v2/summary.json",
  "api/v2/status.json",
  "api/v2/components.json",
  "api/v2/incidents.json",
  "api/v2/incidents/unresolved.json",
  "api/v2/scheduled-maintenances.json",
  "api/v2/scheduled-maintenances/upcoming.json",
  "api/v2/scheduled-maintenances/active.json",
  "badge.svg",
  "history.rss",
  "history.atom",
];

test.describe.configure({ mode: "serial" });

test("the export, served as plain files, matches the live responses and reads without JavaScript", async ({ browser, baseURL }) => {
  test.setTimeout(90_000);
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "status-export-"));
  const { stderr } = await run(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/cli.ts", "export", "--out", out, "--from", baseURL ?? ""], {
    env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL, LOG_LEVEL: "warn" },
  });
  expect(stderr).toMatch(/Exported \d+ files/);
  const site = await serveStatic(out);
  try {
    const live = (p: string) => fetch(`${baseURL}/${p}`).then(async (r) => ({ status: r.status, body: await r.text() }));
    const stat = (p: string) => fetch(`${site.url}/${p}`).then(async (r) => ({ status: r.status, body: await r.text() }));
    const components = await query<{ id: string }>(`SELECT id FROM "Component" WHERE "archivedAt" IS NULL AND showcase`);
    const paths = [...RESOURCES, ...components.flatMap((c) => [`badge/${c.id}.svg`, `history/${c.id}.rss`, `history/${c.id}.atom`])];
    for (const p of paths) {
      const [a, b] = await Promise.all([live(p), stat(p)]);
      expect(b.status, p).toBe(200);
      expect(b.body, p).toBe(a.body);
    }
    // The live model carries when the data was last confirmed, which moves on every refresh.
    const withoutFreshness = (s: string) => ({ ...(JSON.parse(s) as Record<string, unknown>), freshness: null });
    expect(withoutFreshness((await stat("api/public/live.json")).body)).toEqual(withoutFreshness((await live("api/public/live.json")).body));

    // Every link between the exported files resolves on the static host.
    const htmlFiles = fs.readdirSync(out, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".html"));
    expect(htmlFiles).toEqual(expect.arrayContaining(["index.html", "history.html"]));
    expect(htmlFiles.some((f) => f.startsWith("incidents/"))).toBe(true);
    for (const file of htmlFiles) {
      const html = fs.readFileSync(path.join(out, file), "utf8");
      expect(html, file).not.toMatch(/<script\b/i);
      for (const [, href] of html.matchAll(/\b(?:href|src)="([^"]+)"/g)) {
        if (!href || /^[a-z]+:/i.test(href) || href.startsWith("#")) continue;
        expect(href, `${file} links with a relative path`).not.toMatch(/^\//);
        const target = new URL(href, `${site.url}/${file}`);
        expect((await fetch(target)).status, `${file} → ${href}`).toBe(200);
      }
    }

    // The page as a viewer without JavaScript sees it, on the static host.
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const livePage = await browser.newContext({ javaScriptEnabled: false }).then((c) => c.newPage());
    await livePage.goto("/");
    await page.goto(`${site.url}/index.html`);
    await expect(page.getByTestId("overall-status")).toHaveText((await livePage.getByTestId("overall-status").textContent()) ?? "?");
    await expect(page.getByTestId("component")).toHaveCount(await livePage.getByTestId("component").count());
    await page.locator("footer").getByRole("link", { name: "History" }).click();
    await expect(page).toHaveURL(/history\.html$/);
    await expect(page.getByRole("heading", { name: "Incident history" })).toBeVisible();
    await context.close();
  } finally {
    await site.close();
    fs.rmSync(out, { recursive: true, force: true });
  }
});

test("the mirror rewrites its copy after a change, atomically behind a symbolic link", async () => {
  test.setTimeout(60_000);
  const mirror = process.env.E2E_MIRROR_DIR ?? "";
  expect(mirror).not.toBe("");
  const [component] = await query<{ id: string; status: string }>(
    `SELECT id, status::text FROM "Component" WHERE "archivedAt" IS NULL AND showcase AND NOT "onlyShowIfDegraded" ORDER BY position LIMIT 1`,
  );
  if (!component) throw new Error("no component");
  const statusIn = () => {
    try {
      const json = JSON.parse(fs.readFileSync(path.join(mirror, "api/v2/components.json"), "utf8")) as { components: { id: string; status: string }[] };
      return json.components.find((c) => c.id === component.id)?.status ?? null;
    } catch {
      return null;
    }
  };
  await expect.poll(statusIn, { timeout: 20_000 }).toBe(component.status);
  expect(fs.lstatSync(mirror).isSymbolicLink()).toBe(true);
  try {
    await query(`UPDATE "Component" SET status = 'partial_outage' WHERE id = $1`, [component.id]);
    await query(`SELECT pg_notify('status_public_changed', '')`);
    await expect.poll(statusIn, { timeout: 20_000 }).toBe("partial_outage");
    const site = await serveStatic(mirror);
    try {
      expect(await (await fetch(`${site.url}/index.html`)).text()).toContain(`data-component-id="${component.id}"`);
    } finally {
      await site.close();
    }
  } finally {
    await query(`UPDATE "Component" SET status = $2::"ComponentStatus" WHERE id = $1`, [component.id, component.status]);
    await query(`SELECT pg_notify('status_public_changed', '')`);
  }
  await expect.poll(statusIn, { timeout: 20_000 }).toBe(component.status);
});
