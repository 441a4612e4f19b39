import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

// End-to-end tests in the machine's Chromium (Playwright's own browser download is not used).
// scripts/test.sh prepares a fresh, seeded database and passes it as E2E_DATABASE_URL.
const port = Number(process.env.E2E_PORT ?? 3190);
// The test server keeps a static mirror of its public side here (tests/e2e/static-export.spec.ts).
process.env.E2E_MIRROR_DIR ??= path.join(os.tmpdir(), `status-e2e-mirror-${port}`);
const baseURL = `http://127.0.0.1:${port}`;
const databaseUrl = process.env.E2E_DATABASE_URL;
if (!databaseUrl) throw new Error("E2E_DATABASE_URL is not set: run the end-to-end tests through `npm test`.");
const host = new URL(databaseUrl).hostname;
if (!["127.0.0.1", "localhost", "::1"].includes(host)) {
  throw new Error(`Refusing to run end-to-end tests against a non-local database (${host}).`);
}

export default defineConfig({
  testDir: "./tests/e2e",
  timeout: 30_000,
  expect: { timeout: 5_000 },
  retries: 0,
  workers: 1,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  use: {
    ...devices["Desktop Chrome"],
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  webServer: {
    command: "node --import tsx server.ts",
    url: baseURL,
    reuseExistingServer: false,
    stdout: "pipe",
    timeout: 60_000,
    env: {
      PORT: String(port),
      HOSTNAME_BIND: "127.0.0.1",
      DATABASE_URL: databaseUrl,
      DEMO_MODE: "true",
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: "warn",
      // Notifications go to the tests' own receivers on loopback (tests/e2e/support/notify.ts).
      WEBHOOK_ALLOWED_PRIVATE_RANGES: "127.0.0.1/32",
      WEBHOOK_TIMEOUT_MS: "3000",
      SMTP_URL: `smtp://127.0.0.1:${port + 4}`,
      MIRROR_DIR: process.env.E2E_MIRROR_DIR,
    },
  },
});
