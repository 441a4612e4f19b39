import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "./support/auth";

test("the console sends strangers to sign in", async ({ page }) => {
  await page.goto("/console/users");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fconsole%2Fusers/);
});

test("a wrong password is refused with a message", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(DEMO.admin);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByText("do not match an account")).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
});

test("an admin manages users; a responder is refused the users page", async ({ page, browser }) => {
  await signIn(page, DEMO.admin, undefined, "/console/users");
  await expect(page.getByRole("heading", { name: "Users and roles" })).toBeVisible();
  await expect(page.locator(`[data-testid="user-row"][data-email="${DEMO.responder}"]`)).toBeVisible();

  const email = `new-${Date.now()}@demo.test`;
  await page.getByLabel("Name", { exact: true }).fill("New Responder");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Initial password").fill("a-good-long-password");
  await page.locator('input[name="roles"][value="responder"]').check();
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page.locator(`[data-testid="user-row"][data-email="${email}"]`)).toBeVisible();

  const other = await browser.newContext();
  const responderPage = await other.newPage();
  await signIn(responderPage, DEMO.responder);
  await expect(responderPage.getByRole("link", { name: "Users" })).toHaveCount(0);
  const response = await responderPage.goto("/console/users");
  expect(response?.status()).toBe(403);
  await expect(responderPage.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  await other.close();
});

test("a staff member creates an API token, sees it once, and it works on the staff API", async ({ page, request }) => {
  await signIn(page, DEMO.communicator, undefined, "/console/account");
  await page.getByLabel("Token name").fill("e2e bot");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("new-token").textContent())?.trim() ?? "";
  expect(token).toMatch(/^sp_/);
  const me = await request.get("/api/admin/v1/me", { headers: { authorization: `Bearer ${token}` } });
  expect(me.status()).toBe(200);
  expect(await me.json()).toMatchObject({ email: DEMO.communicator, roles: ["communicator"] });
  const forbidden = await request.get("/api/admin/v1/users", { headers: { authorization: `Bearer ${token}` } });
  expect(forbidden.status()).toBe(403);
  await page.reload();
  await expect(page.getByTestId("new-token")).toHaveCount(0);
});
