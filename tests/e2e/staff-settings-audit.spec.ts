import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "./support/auth";

test("an admin changes page settings, bad input is refused, and the audit log shows the change as a diff", async ({ page }) => {
  await signIn(page, DEMO.admin, undefined, "/console/settings");
  const name = page.getByLabel("Page name");
  const original = await name.inputValue();
  const changed = `${original} (e2e)`;

  await page.getByLabel("Time zone").fill("Mars/Olympus_Mons");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Choose a time zone such as Europe/Berlin or UTC.")).toBeVisible();

  await page.getByLabel("Time zone").fill("America/New_York");
  await name.fill(changed);
  await page.getByLabel("Link 3 label").fill("Docs");
  await page.getByLabel("Link 3 address").fill("https://docs.example.org");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Page name")).toHaveValue(changed);
  await expect(page.getByLabel("Link 3 label")).toHaveValue("Docs");

  await page.goto("/console/audit");
  await page.getByLabel("Action").selectOption("page.update");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/action=page.update/);
  const entry = page.getByTestId("audit-entry").first();
  await expect(entry).toContainText("Ada Admin");
  const nameRow = entry.getByRole("row", { name: /^name/ });
  await expect(nameRow).toContainText(original);
  await expect(nameRow).toContainText(changed);
  await expect(page.locator('[data-testid="audit-entry"]:not([data-action="page.update"])')).toHaveCount(0);

  // Put the page back as it was.
  await page.goto("/console/settings");
  await page.getByLabel("Page name").fill(original);
  await page.getByLabel("Link 3 label").fill("");
  await page.getByLabel("Link 3 address").fill("");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved.")).toBeVisible();
});

test("page settings and the audit log are refused to a communicator", async ({ page }) => {
  await signIn(page, DEMO.communicator);
  await expect(page.getByRole("link", { name: "Audit log" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Page settings" })).toHaveCount(0);
  for (const path of ["/console/settings", "/console/audit"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
  }
});
