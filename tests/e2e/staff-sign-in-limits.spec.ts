import { expect, test } from "@playwright/test";

test("repeated failed sign-ins for one account are paused with a clear message", async ({ page }) => {
  const email = `nobody-${Date.now().toString(36)}@demo.test`;
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  for (let i = 0; i < 5; i++) {
    await page.getByLabel("Password").fill(`wrong-password-${i}`);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.locator("form").getByRole("alert")).toHaveText("That email and password do not match an account.");
    await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeEnabled();
  }
  await page.getByLabel("Password").fill("another-guess");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText(/Too many failed sign-ins\. For your account's safety, try again in 1[45] minutes\./);
  await expect(page).toHaveURL(/\/sign-in/);
});
