import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "./support/auth";

// Components and groups admin. Public-page assertions use only component rows (data-testid="component")
// and their names, which the public page keeps.

test("an admin adds a group and components, reorders them by keyboard, edits and archives one", async ({ page }) => {
  const suffix = Date.now().toString(36);
  const groupName = `E2E group ${suffix}`;
  const first = `E2E first ${suffix}`;
  const second = `E2E second ${suffix}`;
  await signIn(page, DEMO.admin, undefined, "/console/components");
  await expect(page.getByRole("heading", { name: "Components and groups" })).toBeVisible();

  const addGroup = page.getByRole("form", { name: "Add group" });
  await addGroup.getByLabel("Group name").fill(groupName);
  await addGroup.getByRole("button", { name: "Add group" }).click();
  const group = page.getByRole("region", { name: groupName });
  await expect(group).toBeVisible();

  const addComponent = page.getByRole("form", { name: "Add component" });
  for (const name of [first, second]) {
    await addComponent.getByLabel("Name").fill(name);
    await addComponent.getByLabel("Group").selectOption({ label: groupName });
    await addComponent.getByLabel("Owner team").fill("E2E Team");
    await addComponent.getByLabel("Runbook link").fill("https://runbooks.example.org/e2e");
    await addComponent.getByRole("button", { name: "Add component" }).click();
    await expect(group.locator(`[data-testid="admin-component"][data-name="${name}"]`)).toBeVisible();
  }
  const names = group.locator('[data-testid="admin-component"]');
  await expect(names.first()).toHaveAttribute("data-name", first);
  await expect(names.nth(1)).toHaveAttribute("data-name", second);

  // Reorder with the keyboard only.
  await group.getByRole("button", { name: `Move ${second} up` }).focus();
  await page.keyboard.press("Enter");
  await expect(names.first()).toHaveAttribute("data-name", second);
  await expect(group.getByRole("button", { name: `Move ${second} up` })).toBeDisabled();

  // The public page lists both, in the new order, without internal fields.
  await page.goto("/");
  const publicRows = page.locator('[data-testid="component"]', { hasText: suffix });
  await expect(publicRows).toHaveCount(2);
  await expect(publicRows.first()).toContainText(second);
  await expect(page.locator("body")).not.toContainText("E2E Team");
  await expect(page.locator("body")).not.toContainText("runbooks.example.org/e2e");

  // Edit: rename.
  await page.goto("/console/components");
  const row = page.locator(`[data-testid="admin-component"][data-name="${first}"]`);
  await row.getByText(`Edit ${first}`).click();
  await row.getByLabel("Name").fill(`${first} renamed`);
  await row.getByRole("button", { name: "Save component" }).click();
  await expect(page.locator(`[data-testid="admin-component"][data-name="${first} renamed"]`)).toBeVisible();

  // Archive both (keeping history): they leave the public page.
  page.on("dialog", (dialog) => void dialog.accept());
  for (const name of [`${first} renamed`, second]) {
    await page.getByRole("region", { name: groupName }).getByRole("button", { name: `Archive ${name}` }).click();
    await expect(page.getByRole("region", { name: groupName }).locator(`[data-name="${name}"]`)).toHaveCount(0);
  }
  await expect(page.getByRole("button", { name: `Restore ${second}` })).toBeVisible();
  await page.getByRole("button", { name: `Archive group ${groupName}` }).click();
  await expect(page.getByRole("button", { name: `Restore group ${groupName}` })).toBeVisible();
  await page.goto("/");
  await expect(page.locator('[data-testid="component"]', { hasText: suffix })).toHaveCount(0);
});

test("the components page is refused to a communicator and a responder", async ({ browser }) => {
  for (const email of [DEMO.communicator, DEMO.responder]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, email);
    await expect(page.getByRole("link", { name: "Components" })).toHaveCount(0);
    const response = await page.goto("/console/components");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
    await context.close();
  }
});
