import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { startProbeTarget, type ProbeTarget } from "@/tests/support/probe-target";
import { createComponent, tokenFor } from "./database";
import { DEMO, signIn } from "./support/auth";

// Probes in the console: an admin adds one and runs it once; other roles are refused (page and API);
// a communicator overrides a component's status and the public page shows it without the reason.

let target: ProbeTarget;
test.beforeAll(async () => {
  target = await startProbeTarget(Number(process.env.E2E_PORT ?? 3190) + 1);
});
test.afterAll(() => target.close());

/** A personal API token for a demo user, straight into the database. */
test("an admin adds an HTTP probe and runs it once", async ({ page }) => {
  const componentName = `E2E probed ${Date.now().toString(36)}`;
  await createComponent(componentName);
  await signIn(page, DEMO.admin, undefined, "/console/probes");
  await page.getByRole("link", { name: "Probes" }).click();
  await expect(page.getByRole("heading", { name: "Probes", exact: true })).toBeVisible();
  const form = page.getByRole("form", { name: "Add a probe" });
  await form.getByLabel("Component").selectOption({ label: componentName });
  const probeName = `Homepage ${randomBytes(3).toString("hex")}`;
  await form.getByLabel("Name").fill(probeName);
  await form.getByLabel("Interval (seconds)").fill("30");
  await form.getByLabel("URL").fill("ftp://example.org/health");
  await form.getByRole("button", { name: "Add probe" }).click();
  await expect(form.getByRole("status")).toContainText(/./);
  await expect(form.getByLabel("Name")).toHaveValue(probeName);
  await form.getByLabel("URL").fill(target.url("/health"));
  await form.getByLabel("Body contains").fill("ok");
  await form.getByRole("button", { name: "Add probe" }).click();
  await expect(form.getByRole("status")).toHaveText("Probe added.");
  await expect(page.getByText(probeName)).toBeVisible();
  await page.getByRole("button", { name: `Run ${probeName} once` }).click();
  await expect(page.locator('[data-testid^="run-result-"]').filter({ hasText: "UP" })).toContainText("HTTP 200");
  expect(target.hits("/health")).toBeGreaterThan(0);

  target.set("/health", { kind: "status", status: 502 });
  await page.getByRole("button", { name: `Run ${probeName} once` }).click();
  await expect(page.locator('[data-testid^="run-result-"]').filter({ hasText: "DOWN" })).toContainText("HTTP 502");

  await page.getByRole("link", { name: probeName }).click();
  const edit = page.getByRole("form", { name: "Edit probe" });
  await expect(edit.getByLabel("URL")).toHaveValue(target.url("/health"));
  await edit.getByLabel("Interval (seconds)").fill("45");
  await edit.getByRole("button", { name: "Save probe" }).click();
  await expect(edit.getByRole("status")).toHaveText("Saved.");
  await page.goto("/console/probes");
  await expect(page.getByText(/every 45 s/)).toBeVisible();
});

test("responders and communicators are refused probe management, in the console and the API", async ({
  browser,
  request,
}) => {
  for (const email of [DEMO.responder, DEMO.communicator]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, email);
    await expect(page.getByRole("link", { name: "Probes" })).toHaveCount(0);
    const response = await page.goto("/console/probes");
    expect(response?.status()).toBe(403);
    await context.close();
    const token = await tokenFor(email);
    const api = await request.post("/api/admin/v1/probes", {
      headers: { authorization: `Bearer ${token}` },
      data: {
        kind: "tcp",
        componentId: "x",
        name: "x",
        intervalSeconds: 30,
        timeoutMs: 1000,
        config: { host: "127.0.0.1", port: 1 },
      },
    });
    expect(api.status()).toBe(403);
    expect(
      (await request.get("/api/admin/v1/locations", { headers: { authorization: `Bearer ${token}` } })).status(),
    ).toBe(403);
  }
});

test("a communicator overrides a status with an expiry; the public page shows the status but not the reason", async ({
  page,
}) => {
  const name = `E2E override ${Date.now().toString(36)}`;
  const id = await createComponent(name);
  const reason = `Internal-reason-${randomBytes(4).toString("hex")}`;
  await signIn(page, DEMO.communicator, undefined, "/console/status");
  await page.getByRole("link", { name }).click();
  const form = page.getByRole("form", { name: "Override status" });
  await form.getByLabel("Status").selectOption("partial_outage");
  await form.getByLabel("Reason (internal, never public)").fill(reason);
  const inOneHour = new Date(Date.now() + 3_600_000 - new Date().getTimezoneOffset() * 60_000)
    .toISOString()
    .slice(0, 16);
  await form.getByLabel("Ends at (optional)").fill(inOneHour);
  await form.getByRole("button", { name: "Set override" }).click();
  await expect(form.getByRole("status")).toHaveText("Override set.");
  await page.reload();
  await expect(page.getByTestId("component-status")).toContainText("Partial Outage");
  await expect(page.getByText(`Reason (internal): ${reason}`)).toBeVisible();

  const publicPage = await page.context().newPage();
  await publicPage.goto("/");
  await expect(publicPage.locator(`[data-component-id="${id}"]`).getByTestId("component-status")).toHaveText(
    "Partial Outage",
  );
  expect(await publicPage.content()).not.toContain(reason);
  const summary = await (await publicPage.request.get("/api/v2/summary.json")).text();
  expect(summary).not.toContain(reason);
  expect(summary).toContain(id);

  await page.getByRole("button", { name: "Lift override" }).click();
  await expect(publicPage.locator(`[data-component-id="${id}"]`).getByTestId("component-status")).toHaveText(
    "Operational",
    { timeout: 15_000 },
  );
});
