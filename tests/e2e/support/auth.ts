import { expect, type Page } from "@playwright/test";

// Demo accounts exist in the end-to-end database (seeded in demo mode).
export const DEMO_PASSWORD = "demo-password";
export const DEMO = {
  admin: "admin@demo.test",
  responder: "responder@demo.test",
  communicator: "comms@demo.test",
} as const;

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, returnTo = "/console") {
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
}
