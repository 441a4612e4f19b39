import "server-only";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { DEMO_PASSWORD, DEMO_USERS } from "@/server/auth/demo-users";
import { startWorker } from "@/server/worker";

/** Start-up of the web process: say where the data lives, how to sign in to a demo, start the worker. */
export function startServerProcess(): void {
  logger.info(
    { database: env.isEmbedded ? `embedded (${env.dataDir})` : "postgres", demo: env.isDemo, worker: env.runWorker },
    "status page starting",
  );
  if (env.isDemo) {
    const accounts = DEMO_USERS.map((u) => `  ${u.email.padEnd(22)} ${u.roles.join(", ")}`).join("\n");
    console.log(`\nDemo mode: staff accounts (password "${DEMO_PASSWORD}"):\n${accounts}\n`);
  }
  if (env.runWorker) {
    // A worker that cannot start (database down) must not stop the public page from serving.
    startWorker().catch((error: unknown) => logger.error({ err: error }, "worker failed to start"));
  }
}
