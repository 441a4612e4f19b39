import { inject } from "vitest";

// Runs before each test file imports the app, so lib/env.ts reads the run's own database.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.DEMO_MODE = "false";
process.env.LOG_LEVEL ??= "silent";
// Notifications: a fixed key (a worker started as a child process must derive the same secrets), test
// receivers on loopback, and short timeouts so a hanging receiver does not hold a test up.
process.env.NOTIFY_SECRET ??= "integration-tests-notify-secret-0123456789";
process.env.WEBHOOK_ALLOWED_PRIVATE_RANGES ??= "127.0.0.1/32";
process.env.WEBHOOK_TIMEOUT_MS ??= "1500";
// Probes: tests drive checks and results themselves; a worker started by a test runs no probe runner.
process.env.PROBE_RUNNER ??= "false";
process.env.METRICS_TOKEN ??= "integration-tests-metrics-token";
