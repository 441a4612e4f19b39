import { expect, test } from "@playwright/test";
import { startReceiver, type Receiver } from "@/tests/support/webhook-receiver";
import { query } from "./database";
import { DEMO, signIn } from "./support/auth";
import { E2E_WEBHOOK_PORT } from "./support/notify";

// The admin views of subscribers and the delivery log; other roles are refused.

let receiver: Receiver;
test.beforeAll(async () => {
  receiver = await startReceiver(E2E_WEBHOOK_PORT);
});
test.afterAll(async () => {
  await receiver.close();
});

test("an admin reads the delivery log of a failing subscriber and turns it off", async ({ page, browser }) => {
  const path = `/hook/console-${Date.now()}`;
  const url = receiver.url(path);
  const visitor = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "198.51.100.250" } });
  const signup = await visitor.newPage();
  await signup.goto("/subscribe");
  await signup.getByLabel("Webhook URL").fill(url);
  await signup.getByRole("button", { name: "Subscribe with a webhook" }).click();
  await expect(signup.getByText("the subscription is active")).toBeVisible();
  const managePath = await signup.getByTestId("manage-link").getAttribute("href");

  // The receiver starts failing; a component changes status.
  receiver.behave(path, { kind: "status", status: 500 });
  const [component] = await query<{ id: string }>(`SELECT id FROM "Component" WHERE "archivedAt" IS NULL LIMIT 1`);
  const event = { type: "component.status_changed", componentId: component!.id, oldStatus: "operational", newStatus: "degraded_performance", source: "staff", at: new Date().toISOString() };
  await query(`INSERT INTO "OutboxEvent" (type, payload) VALUES ($1, $2::jsonb)`, [event.type, JSON.stringify(event)]);
  await query(`SELECT pg_notify('status_outbox', '')`);
  await expect.poll(() => receiver.deliveries(path).length, { timeout: 20_000 }).toBeGreaterThan(0);

  await signIn(page, DEMO.admin, undefined, "/console/subscribers");
  await expect(page.getByRole("heading", { name: "Subscribers" })).toBeVisible();
  const row = page.locator(`[data-testid="subscriber-row"][data-target="${url}"]`);
  await expect(row).toContainText("active");
  await row.getByRole("link", { name: "log" }).click();
  await expect(page.getByRole("heading", { name: "Delivery log" })).toBeVisible();
  const attempt = page.getByTestId("delivery-row").first();
  await expect(attempt).toContainText("component.status_changed");
  await expect(attempt).toContainText("500");
  await expect(attempt).toContainText("HTTP 500");

  await page.goto("/console/subscribers");
  await row.getByRole("button", { name: "Turn off" }).click();
  await expect(row).toContainText("Turned off by the page's staff.");
  await signup.goto(managePath!);
  await expect(signup.getByTestId("subscription-state")).toHaveText("Turned off");
  await expect(signup.getByTestId("disabled-reason")).toHaveText("Turned off by the page's staff.");
  await visitor.close();
});

for (const role of ["responder", "communicator"] as const) {
  test(`a ${role} is refused the subscriber views`, async ({ page }) => {
    await signIn(page, DEMO[role]);
    await expect(page.getByRole("link", { name: "Subscribers" })).toHaveCount(0);
    for (const path of ["/console/subscribers", "/console/subscribers/deliveries"]) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(403);
      await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
    }
  });
}

test("strangers are sent to sign in", async ({ page }) => {
  await page.goto("/console/subscribers/deliveries");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fconsole%2Fsubscribers%2Fdeliveries/);
});
