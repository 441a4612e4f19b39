import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { query } from "./database";

const LABELS: Record<string, string> = {
  operational: "Operational",
  degraded_performance: "Degraded Performance",
  partial_outage: "Partial Outage",
  major_outage: "Major Outage",
  under_maintenance: "Under Maintenance",
};

async function seededIncidentId(): Promise<string> {
  const [row] = await query<{ id: string }>(`SELECT id FROM "Incident" WHERE name LIKE '502 Bad Gateway%' LIMIT 1`);
  if (!row) throw new Error("the seeded incident is missing");
  return row.id;
}

test("the status page shows every component with its status", async ({ page }) => {
  const components = await query<{ id: string; name: string; status: string }>(
    `SELECT id, name, status::text FROM "Component" WHERE "archivedAt" IS NULL AND showcase AND NOT "onlyShowIfDegraded"`,
  );
  expect(components.length).toBeGreaterThanOrEqual(7);
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Registry Status");
  await expect(page.getByTestId("overall-status")).toHaveText("All Systems Operational");
  for (const component of components) {
    const row = page.locator(`[data-component-id="${component.id}"]`);
    await expect(row).toContainText(component.name);
    await expect(row.getByTestId("component-status")).toHaveText(LABELS[component.status] ?? "?");
  }
});

test("the page reads completely with JavaScript off", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.getByTestId("overall-status")).toHaveText("All Systems Operational");
  await expect(page.getByTestId("component")).toHaveCount(7);
  await expect(page.getByText("Database storage upgrade")).toBeVisible();
  await expect(page.getByText("No incidents reported.").first()).toBeVisible();
  await expect(page.getByRole("link", { name: "502 Bad Gateway errors on the website and Publish API" }).first()).toBeVisible();
  // Times are in the page's zone, with the zone named.
  await expect(page.locator("time").first()).toHaveText(/ E[SD]T$/);
  await context.close();
});

test("the page fits a phone screen", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.getByTestId("overall-status")).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await context.close();
});

test("an uptime day with trouble opens a small detail", async ({ page }) => {
  await page.goto("/");
  const website = page.locator('[data-testid="component"]', { hasText: "Website" });
  const troubled = website.locator(".d-tip").first();
  await troubled.focus();
  await expect(troubled).toHaveAttribute("aria-label", /uptime · 502 Bad Gateway errors/);
  // The detail is drawn from the label when the day has focus (keyboard or tap) or the pointer.
  const shown = await troubled.evaluate((el) => getComputedStyle(el, "::after").content);
  expect(shown).toContain("502 Bad Gateway errors");
});

test("an incident page shows its whole timeline, newest first, and the postmortem", async ({ page }) => {
  const id = await seededIncidentId();
  await page.goto(`/incidents/${id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("502 Bad Gateway errors on the website and Publish API");
  const statuses = await page.getByTestId("incident-update").evaluateAll((els) => els.map((e) => e.getAttribute("data-status")));
  expect(statuses).toEqual(["resolved", "monitoring", "identified", "investigating", "investigating"]);
  await expect(page.getByTestId("incident-update").first()).toContainText(/Posted \w{3} \d{1,2}, \d{4} - \d{2}:\d{2} \w+/);
  await expect(page.getByTestId("postmortem")).toContainText("Root cause");
  await expect(page.getByText(/^This incident affected: /)).toContainText("Website");
  await expect(page.getByText(/^This incident affected: /)).toContainText("Publish API");
  await expect(page.getByText(/^This incident affected: /)).toContainText("Database");
  expect(await page.content()).not.toContain("INTERNAL:");
});

test("history lists incidents by month and pages back", async ({ page }) => {
  await page.goto("/history");
  await expect(page.getByRole("heading", { name: "Incident history" })).toBeVisible();
  await expect(page.getByTestId("history-month")).toHaveCount(3);
  await expect(page.getByRole("link", { name: "502 Bad Gateway errors on the website and Publish API" })).toBeVisible();
  await page.goto("/history?page=2");
  await expect(page.getByRole("link", { name: "← Newer" })).toBeVisible();
});

test("a maintenance notice has its own page", async ({ page }) => {
  const [m] = await query<{ id: string }>(`SELECT id FROM "Maintenance" WHERE name = 'Database storage upgrade'`);
  await page.goto(`/maintenance/${m?.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Database storage upgrade");
  await expect(page.getByText("Affects Database, Publish API")).toBeVisible();
});

test("an unknown incident is a 404", async ({ page }) => {
  const response = await page.goto("/incidents/does-not-exist");
  expect(response?.status()).toBe(404);
});

for (const path of ["/", "/history", "incident"]) {
  test(`axe finds no serious or critical problems on ${path}`, async ({ page }) => {
    await page.goto(path === "incident" ? `/incidents/${await seededIncidentId()}` : path);
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`)).toEqual([]);
  });
}

test("the dark colour scheme is readable too", async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: "dark" });
  const page = await context.newPage();
  await page.goto("/");
  const results = await new AxeBuilder({ page }).withRules(["color-contrast"]).analyze();
  expect(results.violations.map((v) => v.nodes.length)).toEqual([]);
  await context.close();
});

test("the page shows nothing internal", async ({ page }) => {
  await page.goto("/");
  const html = await page.content();
  expect(html).not.toContain("runbooks.example.org");
  expect(html).not.toContain("on chat");
  expect(html).not.toContain("INTERNAL:");
});
