import { inject } from "vitest";

// Runs before each test file imports the app, so lib/env.ts reads the run's own database.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.DEMO_MODE = "false";
process.env.LOG_LEVEL ??= "silent";
