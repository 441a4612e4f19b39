import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { startSmtpSink, type SmtpSink } from "@/tests/support/smtp-sink";
import { startReceiver, type Receiver } from "@/tests/support/webhook-receiver";
import { query } from "./database";
import { E2E_SMTP_PORT, E2E_WEBHOOK_PORT } from "./support/notify";

// Subscribing from the public page: webhooks (verified, secret shown once, managed by link), email
// (double opt-in that never reveals an existing subscription), without JavaScript too, rate-limited.

let receiver: Receiver;
let smtp: SmtpSink;
let n = 0;
/** Each test comes from its own address, so the per-address rate limit only bites where meant. */
const fromAddress = (page: Page) => page.setExtraHTTPHeaders({ "x-forwarded-for": `198.51.100.${++n}` });

test.beforeAll(async () => {
  receiver = await startReceiver(E2E_WEBHOOK_PORT);
  smtp = await startSmtpSink(E2E_SMTP_PORT);
});
test.afterAll(async () => {
  await receiver.close();
  await smtp.close();
});

test("a webhook subscriber signs up, gets the secret once, and manages the subscription by link", async ({ page }) => {
  await fromAddress(page);
  const [component] = await query<{ id: string; name: string }>(`SELECT id, name FROM "Component" WHERE "archivedAt" IS NULL ORDER BY position LIMIT 1`);
  await page.goto("/subscribe");
  await page.getByLabel("Webhook URL").fill(receiver.url("/hook/e2e-signup"));
  await page.locator("#webhook-componentIds-" + component!.id).check();
  await page.getByRole("button", { name: "Subscribe with a webhook" }).click();
  await expect(page.getByText("Your endpoint answered the verification: the subscription is active.")).toBeVisible();
  const secret = await page.getByTestId("webhook-secret").textContent();
  expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
  // The verification request was signed and carried the challenge.
  const verification = receiver.requests.find((r) => r.path === "/hook/e2e-signup");
  expect(verification?.headers["webhook-signature"]).toMatch(/^v1,/);

  await page.getByTestId("manage-link").click();
  await expect(page.getByRole("heading", { name: "Your subscription" })).toBeVisible();
  await expect(page.getByTestId("subscription-state")).toHaveText("Active");
  await expect(page.locator("#manage-componentIds-" + component!.id)).toBeChecked();
  await expect(page.locator('meta[name="referrer"]')).toHaveAttribute("content", "no-referrer");

  await page.getByRole("button", { name: "Rotate the signing secret" }).click();
  const rotated = page.getByTestId("webhook-secret");
  await expect(rotated).toBeVisible();
  expect(await rotated.textContent()).not.toBe(secret);

  await page.getByRole("button", { name: "Unsubscribe" }).click();
  await expect(page.getByTestId("subscription-state")).toHaveText("Unsubscribed");
});

test("bad and private URLs get a clear error and keep what was typed", async ({ page }) => {
  await fromAddress(page);
  await page.goto("/subscribe");
  const url = page.getByLabel("Webhook URL");
  await url.fill("not a url");
  await page.getByRole("button", { name: "Subscribe with a webhook" }).click();
  await expect(page.locator("#url-error")).toHaveText("Enter a full URL starting with https://.");
  await expect(url).toHaveValue("not a url");
  await expect(url).toHaveAttribute("aria-invalid", "true");

  await url.fill("https://10.0.0.7/hooks");
  await page.getByRole("button", { name: "Subscribe with a webhook" }).click();
  await expect(page.locator("#url-error")).toContainText("10.0.0.7 is in a private range");
  await expect(url).toHaveValue("https://10.0.0.7/hooks");
});

test("the webhook sign-up works without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: { "x-forwarded-for": "203.0.113.77" } });
  const page = await context.newPage();
  await page.goto("/subscribe");
  await page.getByLabel("Webhook URL").fill(receiver.url("/hook/e2e-nojs"));
  await page.getByRole("button", { name: "Subscribe with a webhook" }).click();
  await expect(page.getByText("Your endpoint answered the verification: the subscription is active.")).toBeVisible();
  await expect(page.getByTestId("webhook-secret")).toContainText("whsec_");
  await context.close();
});

test("email double opt-in, and the same answer for an address that is already subscribed", async ({ page }) => {
  await fromAddress(page);
  const email = `reader-${Date.now()}@example.test`;
  await page.goto("/subscribe");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Subscribe by email" }).click();
  const answer = page.getByRole("status").filter({ hasText: "Check your inbox" });
  await expect(answer).toHaveText(`Check your inbox at ${email}: follow the link in our message to confirm. Nothing is sent until you do.`);

  const [confirm] = await smtp.waitFor(email, 1, 15_000);
  const link = /\/subscriptions\/[A-Za-z0-9_-]+/.exec(confirm!.text ?? "")![0];
  await page.goto(link);
  await expect(page.getByTestId("subscription-state")).toHaveText("Waiting for confirmation");
  await page.getByRole("button", { name: "Confirm my subscription" }).click();
  await expect(page.getByTestId("subscription-state")).toHaveText("Active");

  // Signing up again from elsewhere shows exactly the same thing; only the inbox learns more.
  await page.setExtraHTTPHeaders({ "x-forwarded-for": `198.51.100.${++n}` });
  await page.goto("/subscribe");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Subscribe by email" }).click();
  await expect(answer).toHaveText(`Check your inbox at ${email}: follow the link in our message to confirm. Nothing is sent until you do.`);
});

test("sign-ups are rate-limited per address", async ({ page }) => {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": "192.0.2.200" });
  const attempt = async () => {
    await page.goto("/subscribe");
    await page.getByLabel("Webhook URL").fill("not a url");
    await page.getByRole("button", { name: "Subscribe with a webhook" }).click();
  };
  for (let i = 0; i < 5; i++) {
    await attempt();
    await expect(page.locator("#url-error")).toHaveText("Enter a full URL starting with https://.");
  }
  await attempt();
  await expect(page.getByText(/Too many attempts from your network/)).toBeVisible();
});

test("the subscribe and management pages pass axe", async ({ page }) => {
  await page.goto("/subscribe");
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations).toEqual([]);
});

test("an unknown management link is a 404", async ({ page }) => {
  const res = await page.goto("/subscriptions/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
  expect(res?.status()).toBe(404);
});
