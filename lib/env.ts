import "server-only";
import path from "node:path";
import { z } from "zod";

// The environment, read and validated once. Every variable is documented in README.md.
const booleanFlag = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((v) => (v === undefined || v === "" ? undefined : v === "true" || v === "1"));

/** An empty variable counts as unset, as in most .env files. */
const unsetIfEmpty = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema);

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Postgres connection string; when unset the app runs on an embedded PGlite database. */
  DATABASE_URL: z.string().url().optional(),
  /** Where the embedded database, the snapshot cache and generated secrets live. */
  DATA_DIR: z.string().default(".data"),
  /** Demo mode seeds sample data and demo staff accounts; on by default only with the embedded database. */
  DEMO_MODE: booleanFlag,
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Run background jobs inside the web process (default). Set false when running `npm run worker` apart. */
  RUN_WORKER: booleanFlag,
  /** Seconds between safety-net rebuilds of the public snapshot (changes also rebuild it at once). */
  SNAPSHOT_REFRESH_SECONDS: z.coerce.number().min(1).max(3600).default(10),
  /** Secret for session cookies; generated and kept under DATA_DIR when unset in demo mode. */
  AUTH_SECRET: z.string().min(32).optional(),
  /** Public base URL of this installation, for sign-in callbacks (next-auth's NEXTAUTH_URL). */
  NEXTAUTH_URL: z.string().url().optional(),
  /** OpenID Connect sign-in, enabled when issuer, client id and secret are all set. */
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** Label of the single sign-on button. */
  OIDC_NAME: z.string().default("Single sign-on"),
  /**
   * Key from which subscribers' signing secrets and management links are derived (so none is stored).
   * Generated and kept under DATA_DIR when unset; set it when several instances share a database.
   */
  NOTIFY_SECRET: unsetIfEmpty(z.string().min(32).optional()),
  /** SMTP server for subscriber and staff email, e.g. smtp://user:pass@mail.example.org:587. Unset: no email. */
  SMTP_URL: unsetIfEmpty(z.string().url().optional()),
  /** Sender of notification email; defaults to status@<the page's host>. */
  SMTP_FROM: unsetIfEmpty(z.string().min(3).optional()),
  /** Staff addresses (comma-separated) that receive cadence reminders and probe alerts. */
  STAFF_NOTIFY_EMAILS: unsetIfEmpty(z.string().optional()),
  /** Slack-compatible incoming-webhook URL for staff alerts. */
  STAFF_WEBHOOK_URL: unsetIfEmpty(z.string().url().optional()),
  /**
   * Private, loopback or link-local ranges webhooks may still reach (comma-separated CIDRs such as
   * 10.1.0.0/16 or 127.0.0.1/32). Targets there may also use plain http. Empty: none.
   */
  WEBHOOK_ALLOWED_PRIVATE_RANGES: unsetIfEmpty(z.string().optional()),
  /** How long one webhook request may take, in milliseconds. */
  WEBHOOK_TIMEOUT_MS: unsetIfEmpty(z.coerce.number().int().min(100).max(60_000).default(10_000)),
  /** Webhook requests in flight at once to one host, across every worker. */
  WEBHOOK_HOST_CONCURRENCY: unsetIfEmpty(z.coerce.number().int().min(1).max(200).default(16)),
  /** Name of the location whose probes this installation's worker runs (agents run the others). */
  PROBE_LOCATION_NAME: unsetIfEmpty(z.string().trim().min(1).max(60).default("primary")),
  /** Days raw probe results are kept; hourly and daily rollups are kept for 400 days. */
  PROBE_RESULT_RETENTION_DAYS: unsetIfEmpty(z.coerce.number().int().min(1).max(365).default(14)),
  /** How many failing locations make a major outage: "all" reporting locations, or a "majority". */
  PROBE_MAJOR_OUTAGE_QUORUM: unsetIfEmpty(z.enum(["all", "majority"]).default("all")),
  /** Checks the worker runs at once. */
  PROBE_CONCURRENCY: unsetIfEmpty(z.coerce.number().int().min(1).max(2000).default(200)),
  /** Run the built-in location's probes in this worker (default true). */
  PROBE_RUNNER: booleanFlag,
  /** Largest request body accepted, in bytes; larger ones get 413. */
  MAX_BODY_BYTES: unsetIfEmpty(z.coerce.number().int().min(1024).max(100 * 1024 * 1024).default(1024 * 1024)),
  /** A response not finished after this many milliseconds gets 503 (the live stream excepted); 0: no deadline. */
  RESPONSE_TIMEOUT_MS: unsetIfEmpty(z.coerce.number().int().min(0).max(600_000).default(30_000)),
  /** Public reads (page, API, feeds, badges) per client address per minute, per instance; 0: no limit. */
  PUBLIC_RATE_LIMIT_PER_MINUTE: unsetIfEmpty(z.coerce.number().int().min(0).default(1200)),
  /** Bearer token that /metrics requires; unset: /metrics is off (404). */
  METRICS_TOKEN: unsetIfEmpty(z.string().min(16).optional()),
  /** /api/ready fails when the public snapshot was last confirmed longer ago than this. */
  READY_MAX_SNAPSHOT_AGE_SECONDS: unsetIfEmpty(z.coerce.number().int().min(5).default(60)),
  /** Directory kept holding a static copy of the public side, rewritten after every snapshot change. */
  MIRROR_DIR: unsetIfEmpty(z.string().optional()),
});

export type Env = z.infer<typeof envSchema> & {
  /** True when running on the in-process PGlite database. */
  isEmbedded: boolean;
  isDemo: boolean;
  runWorker: boolean;
  dataDir: string;
};

function readEnv(): Env {
  const raw = { ...process.env, DATABASE_URL: process.env.DATABASE_URL || undefined };
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${issues}`);
  }
  const isEmbedded = !parsed.data.DATABASE_URL;
  return {
    ...parsed.data,
    isEmbedded,
    isDemo: parsed.data.DEMO_MODE ?? isEmbedded,
    // The embedded database belongs to one process, so its jobs must run in that process.
    runWorker: isEmbedded || (parsed.data.RUN_WORKER ?? true),
    dataDir: path.resolve(parsed.data.DATA_DIR),
  };
}

export const env: Env = readEnv();
