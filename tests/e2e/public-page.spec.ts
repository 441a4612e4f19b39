import { expect, test } from "@playwright/test";
import { query } from "./database";

const LABELS: Record<string, string> = {
  operational: "Operational",
  degraded_performance: "Degraded Performance",
  partial_outage: "Partial Outage",
  major_outage: "Major Outage",
  under_maintenance: "Under Maintenance",
};

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

test("the page shows nothing internal", async ({ page }) => {
  await page.goto("/");
  const html = await page.content();
  expect(html).not.toContain("runbooks.example.org");
  expect(html).not.toContain("on chat");
  expect(html).not.toContain("INTERNAL:");
});
