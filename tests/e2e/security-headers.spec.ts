import { expect, test, type Page } from "@playwright/test";
import { query } from "./database";

// Security headers as a browser meets them: a script policy with no 'unsafe-inline' on every page
// (the cached status page by hashes, the others by nonce), the page still hydrating under it with no
// violation, frames refused except on the badges.

function scriptSrc(policy: string | null): string {
  return (policy ?? "").split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src ")) ?? "";
}

/** Loads a page, collecting the policy violations Chromium reports, and checks that React hydrated it. */
async function loadUnderPolicy(page: Page, path: string): Promise<{ policy: string | null; violations: string[] }> {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  await expect
    .poll(() => page.evaluate(() => Object.keys(document.querySelector("main") ?? {}).some((k) => k.startsWith("__react"))), { message: `${path} hydrated` })
    .toBe(true);
  return { policy: response?.headers()["content-security-policy"] ?? null, violations };
}

test("pages run their scripts under a policy without 'unsafe-inline' and hydrate with no violation", async ({ page }) => {
  const [incident] = await query<{ id: string }>(`SELECT id FROM "Incident" WHERE visibility = 'published' LIMIT 1`);
  for (const path of ["/", "/history", `/incidents/${incident?.id}`, "/sign-in"]) {
    const { policy, violations } = await loadUnderPolicy(page, path);
    const scripts = scriptSrc(policy);
    expect(scripts, path).toMatch(/^script-src 'self' ('nonce-[^']+'|('sha256-[^']+' ?)+)$/);
    expect(scripts, path).not.toContain("unsafe-inline");
    expect(policy, path).toContain("frame-ancestors 'none'");
    expect(violations, path).toEqual([]);
  }
  // The cached status page carries hashes (one copy for everyone); a Next-rendered page a fresh nonce.
  await page.goto("/");
  const cached = await page.request.get("/");
  if (cached.headers()["x-status-cache"] === "hit") expect(scriptSrc(cached.headers()["content-security-policy"] ?? null)).toContain("'sha256-");
  const first = scriptSrc((await page.request.get("/history")).headers()["content-security-policy"] ?? null);
  const second = scriptSrc((await page.request.get("/history")).headers()["content-security-policy"] ?? null);
  expect(first).toContain("'nonce-");
  expect(first).not.toBe(second);
});

test("only the badges may be framed; every response has the other headers", async ({ request }) => {
  const [component] = await query<{ id: string }>(`SELECT id FROM "Component" WHERE "archivedAt" IS NULL LIMIT 1`);
  for (const path of ["/badge.svg", `/badge/${component?.id}.svg`]) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(200);
    expect(res.headers()["content-security-policy"], path).toContain("frame-ancestors *");
    expect(res.headers()["x-frame-options"], path).toBeUndefined();
  }
  for (const path of ["/", "/api/v2/summary.json", "/history.rss", "/api/health", "/sign-in"]) {
    const res = await request.get(path);
    const headers = res.headers();
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(headers["x-frame-options"], path).toBe("DENY");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["x-request-id"], path).toBeTruthy();
    expect(headers["strict-transport-security"], path).toBeUndefined();
  }
  const overHttps = await request.get("/api/health", { headers: { "x-forwarded-proto": "https" } });
  expect(overHttps.headers()["strict-transport-security"]).toContain("max-age=");
});

test("oversized bodies are refused before any handler reads them", async ({ request }) => {
  const res = await request.post("/api/admin/v1/components", { data: "x".repeat(2 * 1024 * 1024), headers: { "content-type": "application/json" } });
  expect(res.status()).toBe(413);
  expect((await res.json()) as unknown).toMatchObject({ error: { code: "PAYLOAD_TOO_LARGE" } });
});

test("health answers without the database; ready reports its checks", async ({ request }) => {
  expect((await request.get("/api/health")).status()).toBe(200);
  const ready = await request.get("/api/ready");
  const body = (await ready.json()) as { checks: { database: { ok: boolean }; snapshot: { ok: boolean } } };
  expect(body.checks.database.ok).toBe(true);
  expect(body.checks.snapshot.ok).toBe(true);
});
