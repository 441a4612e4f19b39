import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { createComponent, tokenFor, query } from "./database";
import { DEMO, signIn } from "./support/auth";

// The incident workflow as it happens at night: on a phone-sized screen, a responder opens and drafts,
// the communicator publishes each step, the public page follows, and the wrong role is refused in the
// console, by the server action and by the API.

test.use({ viewport: { width: 375, height: 812 } });

const suffix = () => randomBytes(4).toString("hex");

/** A component of its own, so the test never disturbs the seeded ones. */
/** A personal API token for a demo user, stored the way the app stores them (only its hash). */
async function signedIn(browser: Browser, email: string, returnTo: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 375, height: 812 } })).newPage();
  await signIn(page, email, undefined, returnTo);
  return page;
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

/** The public incident page shows these update statuses, newest first (it may take a moment to rebuild). */
async function expectPublicSteps(page: Page, id: string, statuses: string[]): Promise<void> {
  await expect(async () => {
    await page.goto(`/incidents/${id}`);
    const steps = page.locator(`[data-testid="incident"][data-incident-id="${id}"] [data-testid="incident-update"]`);
    expect(await steps.evaluateAll((els) => els.map((e) => e.getAttribute("data-status")))).toEqual(statuses);
  }).toPass({ timeout: 10_000 });
}

test("the 502 outage: drafted by a responder, published step by step by the communicator, postmortem public", async ({
  browser,
  page: publicPage,
}) => {
  test.setTimeout(120_000);
  const component = `E2E web ${suffix()}`;
  const componentId = await createComponent(component);
  const name = `502 errors on ${component}`;

  // A responder opens it from the prefilled link the probes use.
  const responder = await signedIn(browser, DEMO.responder, "/console");
  await responder.goto(
    `/console/incidents/new?componentId=${componentId}&name=${encodeURIComponent(name)}&details=${encodeURIComponent("LB returns 502 from pool B")}`,
  );
  await expect(responder.getByLabel("Name", { exact: true })).toHaveValue(name);
  await expect(responder.getByRole("checkbox", { name: component })).toBeChecked();
  await responder.getByRole("button", { name: "Open internal incident" }).click();
  await expect(responder.getByRole("heading", { name })).toBeVisible();
  const id = responder.url().split("/").pop()!;
  await expect(responder.getByTestId("incident-visibility")).toHaveText("Internal");
  await expect(responder.getByTestId("internal-entry").filter({ hasText: "LB returns 502 from pool B" })).toBeVisible();
  await expectNoSidewaysScroll(responder);

  const compose = responder.getByRole("form", { name: "New public update" });
  await compose.getByLabel("Message (public, Markdown)").fill("We are looking into 502 errors.");
  await compose.getByLabel(component).selectOption({ label: "Major Outage" });
  await compose.getByRole("button", { name: "Save draft" }).click();
  const draft = responder.getByTestId("draft");
  await expect(draft).toHaveCount(1);
  await expect(draft).toContainText("Draft by Riley Responder");

  // Publishing is refused: disabled with the reason, 403 from the server action, 403 from the API.
  const publishButton = draft.getByRole("button", { name: "Publish incident" });
  await expect(publishButton).toBeDisabled();
  await expect(draft.getByTestId("publish-refused")).toBeVisible();
  await publishButton.evaluate((b) => b.removeAttribute("disabled"));
  // Read the server action's answer on its way to the page (its streamed body is not kept otherwise).
  let actionAnswer = "";
  await responder.route(`**/console/incidents/${id}`, async (route) => {
    if (route.request().method() !== "POST" || !route.request().headers()["next-action"]) return route.fallback();
    const response = await route.fetch();
    actionAnswer = await response.text();
    await route.fulfill({ response, body: actionAnswer });
  });
  await publishButton.click();
  await expect.poll(() => actionAnswer).toContain('"status":403');
  await responder.unrouteAll();
  await expect(draft.getByRole("status")).toHaveText("Your roles do not allow this.");
  const [stored] = await query<{ id: string }>(
    `SELECT id FROM "IncidentUpdate" WHERE "incidentId" = $1 AND state = 'draft'`,
    [id],
  );
  const api = await publicPage.request.post(`/api/admin/v1/incidents/${id}/updates/${stored!.id}/publish`, {
    headers: { authorization: `Bearer ${await tokenFor(DEMO.responder)}` },
    data: {},
  });
  expect(api.status()).toBe(403);
  await publicPage.goto("/");
  await expect(publicPage.locator(`[data-incident-id="${id}"]`)).toHaveCount(0);

  // The communicator takes comms, edits the responder's draft and publishes it: now it is public.
  const comms = await signedIn(browser, DEMO.communicator, `/console/incidents/${id}`);
  await comms.getByRole("button", { name: "Assign me as comms lead" }).click();
  await expect(comms.getByTestId("comms-lead")).toHaveText("Casey Comms");
  const commsDraft = comms.getByTestId("draft");
  await commsDraft
    .getByLabel("Message (public, Markdown)")
    .fill("We are investigating elevated 502 errors on the website.");
  await commsDraft.getByRole("button", { name: "Publish incident" }).click();
  await expect(comms.getByTestId("incident-visibility")).toHaveText("Public");
  await expect(comms.getByTestId("draft")).toHaveCount(0);
  await expect(comms.getByTestId("public-update")).toContainText(
    "written by Riley Responder · published by Casey Comms",
  );
  await expectPublicSteps(publicPage, id, ["investigating"]);
  await expect(publicPage.getByText("We are investigating elevated 502 errors on the website.")).toBeVisible();
  await expect(publicPage.getByText("pool B")).toHaveCount(0);
  await expect(publicPage.getByText("We are looking into 502 errors.")).toHaveCount(0);

  // Identified (from the template), Monitoring, Resolved: the public page follows each step.
  const post = comms.getByRole("form", { name: "New public update" });
  await post.getByLabel("Template").selectOption({ label: "Identified" });
  await expect(post.getByLabel("Message (public, Markdown)")).toHaveValue(
    "The issue has been identified and a fix is being implemented.",
  );
  await expect(post.getByLabel("Status")).toHaveValue("identified");
  await post.getByRole("button", { name: "Publish update" }).click();
  await expect(comms.getByTestId("incident-status")).toHaveText("Identified");
  await expectPublicSteps(publicPage, id, ["identified", "investigating"]);

  // A correction to a published update keeps what it said before, and who changed it.
  const identified = comms.getByTestId("public-update").filter({ hasText: "The issue has been identified" });
  await identified.getByText("Correct this update").click();
  await identified
    .getByLabel("Message (public)")
    .fill("The issue has been identified: a connection pool is exhausted. A fix is being implemented.");
  await identified.getByRole("button", { name: "Save correction" }).click();
  const corrected = comms.getByTestId("public-update").filter({ hasText: "a connection pool is exhausted" });
  await corrected.getByText("Edited 1 time: history").click();
  await expect(corrected.getByTestId("revisions")).toContainText("Before Casey Comms's edit");
  await expect(corrected.getByTestId("revisions")).toContainText(
    "The issue has been identified and a fix is being implemented.",
  );
  await expect(async () => {
    await publicPage.goto(`/incidents/${id}`);
    await expect(publicPage.getByText("a connection pool is exhausted")).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 10_000 });

  await post.getByLabel("Status").selectOption("monitoring");
  await post.getByLabel("Message (public, Markdown)").fill("A fix has been deployed; we are monitoring error rates.");
  await post.getByLabel(component).selectOption({ label: "Degraded Performance" });
  await post.getByRole("button", { name: "Publish update" }).click();
  await expect(comms.getByTestId("incident-status")).toHaveText("Monitoring");
  await expectPublicSteps(publicPage, id, ["monitoring", "identified", "investigating"]);

  await post.getByLabel("Status").selectOption("resolved");
  await post.getByLabel("Message (public, Markdown)").fill("This incident has been resolved.");
  await expect(
    post.getByRole("checkbox", { name: "Return the other affected components to operational" }),
  ).toBeChecked();
  await post.getByRole("button", { name: "Publish update" }).click();
  await expect(comms.getByTestId("incident-status")).toHaveText("Resolved");
  await expectPublicSteps(publicPage, id, ["resolved", "monitoring", "identified", "investigating"]);
  const [{ status } = { status: "" }] = await query<{ status: string }>(
    `SELECT status FROM "Component" WHERE id = $1`,
    [componentId],
  );
  expect(status).toBe("operational");

  // The postmortem: drafted with action items, published by the communicator, then public.
  const postmortem = comms.getByRole("form", { name: "Postmortem", exact: true });
  await postmortem
    .getByLabel("Postmortem (Markdown; public once published)")
    .fill("## Root cause\nThe connection pool of pool B was exhausted by a retry storm.");
  await postmortem.getByRole("button", { name: "Add action item" }).click();
  await postmortem.getByLabel("Action item 1", { exact: true }).fill("Cap client retries");
  await postmortem.getByLabel("Owner of action item 1").fill("Platform team");
  await postmortem.getByRole("button", { name: "Add action item" }).click();
  await postmortem.getByLabel("Action item 2", { exact: true }).fill("Alert on pool saturation");
  await postmortem.getByRole("button", { name: "Save postmortem" }).click();
  await expect(postmortem.getByRole("status")).toHaveText("Postmortem saved.");
  await comms.getByRole("button", { name: "Publish postmortem" }).click();
  await expect(comms.getByTestId("postmortem-state")).toContainText("Published");
  await expect(async () => {
    await publicPage.goto(`/incidents/${id}`);
    await expect(publicPage.getByTestId("postmortem")).toContainText("Root cause", { timeout: 500 });
  }).toPass({ timeout: 10_000 });
  await expect(publicPage.getByTestId("postmortem")).toContainText("retry storm");
  await expect(publicPage.getByTestId("action-items")).toContainText("Cap client retries");
  await expect(publicPage.getByTestId("action-items")).toContainText("Alert on pool saturation");
  await expect(publicPage.getByText("Platform team")).toHaveCount(0);
  await query(`UPDATE "Component" SET "archivedAt" = now() WHERE id = $1`, [componentId]);
});

test("the console incident page works on a 375 px phone: no sideways scroll, big enough tap targets", async ({
  page,
}) => {
  const component = `E2E phone ${suffix()}`;
  const componentId = await createComponent(component);
  await signIn(page, DEMO.communicator, undefined, "/console");
  await page.goto(
    `/console/incidents/new?componentId=${componentId}&name=${encodeURIComponent(`A very long incident name about ${component} that has to wrap on a small screen`)}`,
  );
  await expectNoSidewaysScroll(page);
  await page.getByRole("button", { name: "Open internal incident" }).click();
  await expect(page.getByTestId("incident-visibility")).toHaveText("Internal");
  const compose = page.getByRole("form", { name: "New public update" });
  await compose.getByLabel("Message (public, Markdown)").fill("We are currently investigating this issue.");
  await compose.getByRole("button", { name: "Publish incident" }).click();
  await expect(page.getByTestId("incident-visibility")).toHaveText("Public");
  await page
    .getByRole("form", { name: "Add an internal note" })
    .getByLabel("Internal note (staff only)")
    .fill("https://dashboards.example.org/a/very/long/link/that/should/wrap/instead/of/scrolling/sideways/0123456789");
  await page.getByRole("button", { name: "Add note" }).click();
  await expect(page.getByTestId("internal-entry").filter({ hasText: "dashboards.example.org" })).toBeVisible();
  await expectNoSidewaysScroll(page);
  const small = await page
    .locator("main button:visible, main select:visible, main input:not([type=checkbox]):not([type=hidden]):visible")
    .evaluateAll((els) =>
      els
        .map((e) => ({ label: e.getAttribute("name") ?? e.textContent, height: e.getBoundingClientRect().height }))
        .filter((e) => e.height < 40),
    );
  expect(small).toEqual([]);
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    serious.map(
      (v) =>
        `${v.id}: ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(", ")}`,
    ),
  ).toEqual([]);
  // Resolve it, so later tests see a quiet public page.
  await compose.getByLabel("Status").selectOption("resolved");
  await compose.getByLabel("Message (public, Markdown)").fill("This incident has been resolved.");
  await compose.getByRole("button", { name: "Publish update" }).click();
  await expect(page.getByTestId("incident-status")).toHaveText("Resolved");
  await query(`UPDATE "Component" SET "archivedAt" = now() WHERE id = $1`, [componentId]);
});

test("an overdue update shows in the overview and reminds the comms lead", async ({ page, request }) => {
  test.setTimeout(120_000);
  const token = await tokenFor(DEMO.communicator);
  const headers = { authorization: `Bearer ${token}` };
  const [comms] = await query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [DEMO.communicator]);
  const open = async (name: string) => {
    const created = await request.post("/api/admin/v1/incidents", { headers, data: { name, impact: "critical" } });
    const { id } = (await created.json()) as { id: string };
    expect(
      (
        await request.post(`/api/admin/v1/incidents/${id}/assign`, {
          headers,
          data: { role: "comms_lead", userId: comms!.id },
        })
      ).status(),
    ).toBe(204);
    expect(
      (
        await request.post(`/api/admin/v1/incidents/${id}/updates`, {
          headers,
          data: { body: "We are currently investigating this issue.", status: "investigating" },
        })
      ).status(),
    ).toBe(201);
    return id;
  };
  const late = await open(`E2E late ${suffix()}`);
  const onTime = await open(`E2E on time ${suffix()}`);
  // The late one's update fell due two minutes ago.
  await query(`UPDATE "Incident" SET "nextUpdateDueAt" = timezone('UTC', now()) - interval '2 minutes' WHERE id = $1`, [
    late,
  ]);

  await signIn(page, DEMO.communicator, undefined, "/console");
  const row = (id: string) => page.locator(`[data-testid="console-incident"][data-incident-id="${id}"]`);
  await expect(row(late).getByTestId("cadence")).toHaveAttribute("data-overdue", "true");
  await expect(row(late).getByTestId("cadence")).toContainText("Update overdue by 2:");
  await expect(row(onTime).getByTestId("cadence")).toHaveAttribute("data-overdue", "false");
  await expect(row(onTime).getByTestId("cadence")).toContainText(/Next update due in (29|30):/);
  await expect(page.getByTestId("cadence-reminder")).toContainText("E2E late");
  await expect(page.getByTestId("cadence-reminder")).not.toContainText("E2E on time");
  await expectNoSidewaysScroll(page);

  // The worker leaves one reminder event for the notifications area (its job runs every minute).
  await expect
    .poll(
      async () =>
        (
          await query(
            `SELECT id FROM "OutboxEvent" WHERE type = 'staff.cadence_overdue' AND payload->>'incidentId' = $1`,
            [late],
          )
        ).length,
      { timeout: 90_000, intervals: [2_000] },
    )
    .toBe(1);

  // Posting an update clears it.
  expect(
    (
      await request.post(`/api/admin/v1/incidents/${late}/updates`, {
        headers,
        data: { body: "Still investigating.", status: "investigating" },
      })
    ).status(),
  ).toBe(201);
  await page.reload();
  await expect(row(late).getByTestId("cadence")).toHaveAttribute("data-overdue", "false");
  await expect(page.getByTestId("cadence-reminder")).toHaveCount(0);
  for (const id of [late, onTime]) {
    await request.post(`/api/admin/v1/incidents/${id}/updates`, {
      headers,
      data: { body: "This incident has been resolved.", status: "resolved" },
    });
  }
});

test("templates are edited in the console and start a new incident's draft", async ({ page }) => {
  const label = `E2E DNS ${suffix()}`;
  await signIn(page, DEMO.responder, undefined, "/console/incidents/templates");
  await expect(
    page
      .getByTestId("template")
      .filter({ has: page.locator('textarea:text-is("We are currently investigating this issue.")') }),
  ).toHaveCount(1);
  const add = page.getByRole("form", { name: "Add a template" });
  await add.getByLabel("Template name").fill(label);
  await add.getByLabel("Suggested incident name (optional)").fill("DNS resolution failures");
  await add.getByLabel("Impact").selectOption("major");
  await add.getByLabel("Message (public, Markdown)").fill("Our DNS provider is having trouble.");
  await add.getByRole("button", { name: "Add template" }).click();
  await expect(add.getByRole("status")).toHaveText("Template added.");
  await page.reload();
  const edit = page.getByRole("form", { name: `Template ${label}` });
  await edit
    .getByLabel("Message (public, Markdown)")
    .fill("Our DNS provider is having trouble; we are working around it.");
  await edit.getByRole("button", { name: "Save template" }).click();
  await expect(edit.getByRole("status")).toHaveText("Saved.");

  await page.goto("/console/incidents/new");
  await page.getByLabel("Start from a template (optional)").selectOption({ label: `${label} (Investigating)` });
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("DNS resolution failures");
  await expect(page.getByLabel("Impact")).toHaveValue("major");
  await page.getByRole("button", { name: "Open internal incident" }).click();
  await expect(page.getByTestId("draft")).toHaveCount(1);
  await expect(page.getByTestId("draft").getByLabel("Message (public, Markdown)")).toHaveValue(
    "Our DNS provider is having trouble; we are working around it.",
  );

  await page.goto("/console/incidents/templates");
  await page
    .getByRole("form", { name: `Template ${label}` })
    .getByRole("button", { name: "Remove" })
    .click();
  await expect(page.getByRole("form", { name: `Template ${label}` })).toHaveCount(0);
});

test("an admin may read incidents but not open, draft or publish them", async ({ page, request }) => {
  await signIn(page, DEMO.admin, undefined, "/console/incidents");
  await expect(page.getByRole("heading", { name: "Incidents" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Open an incident" })).toHaveCount(0);
  expect((await page.goto("/console/incidents/new"))?.status()).toBe(403);
  expect((await page.goto("/console/incidents/templates"))?.status()).toBe(403);
  const created = await request.post("/api/admin/v1/incidents", {
    headers: { authorization: `Bearer ${await tokenFor(DEMO.admin)}` },
    data: { name: "Not for admins" },
  });
  expect(created.status()).toBe(403);
});
