import "server-only";
import path from "node:path";
import { z } from "zod";

// The environment, read and validated once. Every variable is documented in README.md.
const booleanFlag = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((v) => (v === undefined || v === "" ? undefined : v === "true" || v === "1"));

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
