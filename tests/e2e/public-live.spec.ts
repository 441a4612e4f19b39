import { expect, test } from "@playwright/test";
import { query } from "./database";

// A change made by staff reaches an open browser by itself, within 2 seconds, with no reload.
test("a status change appears in an open page within 2 seconds", async ({ page }) => {
  const [component] = await query<{ id: string }>(`SELECT id FROM "Component" WHERE name = 'Storage'`);
  const row = page.locator(`[data-component-id="${component?.id}"]`);
  await page.goto("/");
  await expect(row.getByTestId("component-status")).toHaveText("Operational");
  // A marker on the window survives anything but a reload (Next.js may rewrite history while hydrating).
  await page.evaluate(() => ((window as unknown as { liveMarker: number }).liveMarker = 1));
  try {
    await query(`UPDATE "Component" SET status = 'partial_outage', "updatedAt" = now() WHERE id = $1`, [component?.id]);
    await query(`SELECT pg_notify('status_public_changed', '')`);
    await expect(row.getByTestId("component-status")).toHaveText("Partial Outage", { timeout: 2_000 });
    await expect(page.getByTestId("overall-status")).toHaveText("Minor Service Outage", { timeout: 2_000 });
    expect(await page.evaluate(() => (window as unknown as { liveMarker?: number }).liveMarker)).toBe(1);
  } finally {
    await query(`UPDATE "Component" SET status = 'operational', "updatedAt" = now() WHERE id = $1`, [component?.id]);
    await query(`SELECT pg_notify('status_public_changed', '')`);
  }
  await expect(row.getByTestId("component-status")).toHaveText("Operational", { timeout: 2_000 });
});
