import { expect, test, type Page } from "@playwright/test";
import { utcToZonedLocal } from "@/server/maintenance/time";
import { createComponent, query } from "./database";
import { DEMO, signIn } from "./support/auth";

// Maintenance windows, run the way a communicator would at night: on a phone-sized screen. Public-page
// assertions use only component rows (data-testid="component") and their status labels.

test.use({ viewport: { width: 390, height: 844 } });

async function pageTimeZone(): Promise<string> {
  const [row] = await query<{ timeZone: string }>(`SELECT "timeZone" FROM "PageSettings" WHERE id = 'default'`);
  return row?.timeZone ?? "UTC";
}

/** A component of its own, so the test never disturbs the seeded ones. */
async function archive(id: string): Promise<void> {
  await query(`UPDATE "Component" SET "archivedAt" = now() WHERE id = $1`, [id]);
  await query(`SELECT pg_notify('status_public_changed', '')`);
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

test("a communicator starts a window now, the component is under maintenance, and ending it restores its status", async ({
  page,
}) => {
  const name = `E2E disks ${Date.now().toString(36)}`;
  const componentId = await createComponent(name, "degraded_performance");
  const timeZone = await pageTimeZone();
  await signIn(page, DEMO.communicator, undefined, "/console/maintenance");
  await expect(page.getByRole("heading", { name: "Scheduled maintenance" })).toBeVisible();
  await expectNoSidewaysScroll(page);

  const form = page.getByRole("form", { name: "Schedule maintenance" });
  await form.getByLabel("Title").fill(`Swap ${name}`);
  await form.getByLabel("Message (public, Markdown)").fill("Replacing disks. Downloads are not affected.");
  await form.getByLabel(/^Starts/).fill(utcToZonedLocal(new Date(Date.now() - 60_000), timeZone));
  await form.getByLabel(/^Ends/).fill(utcToZonedLocal(new Date(Date.now() + 3_600_000), timeZone));
  await form.getByRole("checkbox", { name }).check();
  await form.getByRole("button", { name: "Schedule maintenance" }).click();
  await form.getByRole("link", { name: "Open the new window" }).click();
  await expect(page.getByTestId("maintenance-status")).toHaveText("In progress");
  await expectNoSidewaysScroll(page);

  const publicPage = await page.context().newPage();
  await publicPage.goto("/");
  await expect(publicPage.locator(`[data-component-id="${componentId}"]`).getByTestId("component-status")).toHaveText(
    "Under Maintenance",
  );

  await page
    .getByRole("form", { name: "Post an update" })
    .getByLabel("Update (public, Markdown)")
    .fill("Disks swapped; checking.");
  await page.getByRole("form", { name: "Post an update" }).getByLabel("Status").selectOption("verifying");
  await page.getByRole("button", { name: "Post update" }).click();
  await expect(page.getByTestId("maintenance-status")).toHaveText("Verifying");
  await expect(page.getByTestId("maintenance-update").first()).toContainText("Disks swapped; checking.");

  await page
    .getByRole("form", { name: "End maintenance now" })
    .getByRole("button", { name: "End maintenance now" })
    .click();
  await expect(page.getByTestId("maintenance-status")).toHaveText("Completed");
  await publicPage.reload();
  await expect(publicPage.locator(`[data-component-id="${componentId}"]`).getByTestId("component-status")).toHaveText(
    "Degraded Performance",
  );
  await archive(componentId);
});

test("a communicator schedules a future window, extends it and cancels it", async ({ page }) => {
  const name = `E2E later ${Date.now().toString(36)}`;
  const componentId = await createComponent(name, "degraded_performance");
  const timeZone = await pageTimeZone();
  await signIn(page, DEMO.communicator, undefined, "/console/maintenance");
  const form = page.getByRole("form", { name: "Schedule maintenance" });
  await form.getByLabel("Title").fill(name);
  await form.getByRole("checkbox", { name }).check();
  // Ending before it starts is refused with a field error, and nothing is lost.
  const start = new Date(Date.now() + 48 * 3_600_000);
  await form.getByLabel(/^Starts/).fill(utcToZonedLocal(start, timeZone));
  await form.getByLabel(/^Ends/).fill(utcToZonedLocal(new Date(start.getTime() - 3_600_000), timeZone));
  await form.getByRole("button", { name: "Schedule maintenance" }).click();
  await expect(form.getByText("The window must end after it starts.").first()).toBeVisible();
  await expect(form.getByLabel("Title")).toHaveValue(name);
  await form.getByLabel(/^Ends/).fill(utcToZonedLocal(new Date(start.getTime() + 3_600_000), timeZone));
  await form.getByRole("button", { name: "Schedule maintenance" }).click();
  await form.getByRole("link", { name: "Open the new window" }).click();
  await expect(page.getByTestId("maintenance-status")).toHaveText("Scheduled");

  const extend = page.getByRole("form", { name: "Change the end time" });
  await extend.getByLabel(/^New end/).fill(utcToZonedLocal(new Date(start.getTime() + 3 * 3_600_000), timeZone));
  await extend.getByRole("button", { name: "Change end time" }).click();
  await expect(page.getByTestId("maintenance-update").first()).toContainText(
    "The maintenance window has been extended.",
  );

  await page
    .getByRole("form", { name: "Cancel maintenance" })
    .getByLabel("Message (optional, public)")
    .fill("Postponed to next month.");
  await page.getByRole("button", { name: "Cancel maintenance" }).click();
  await expect(page.getByTestId("maintenance-status")).toHaveText("Cancelled");
  await expect(page.getByRole("button", { name: "Post update" })).toHaveCount(0);
  await archive(componentId);
});

test("the maintenance console is refused to an admin and a responder", async ({ browser }) => {
  for (const email of [DEMO.admin, DEMO.responder]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, email);
    await expect(page.getByRole("link", { name: "Maintenance" })).toHaveCount(0);
    const response = await page.goto("/console/maintenance");
    expect(response?.status()).toBe(403);
    await context.close();
  }
});
