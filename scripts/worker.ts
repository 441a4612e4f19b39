// npm run worker: background jobs in a process of their own (Postgres only; with the embedded database
// the jobs run inside the web process). Stops gracefully on SIGTERM and SIGINT.
import "dotenv/config";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { startWorker, stopWorker } from "@/server/worker";

if (env.isEmbedded) {
  console.error("The embedded database runs its jobs inside the web process; set DATABASE_URL to run a worker apart.");
  process.exit(1);
}
process.env.STATUS_PROCESS ??= "worker";

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    logger.info({ signal }, "worker stopping");
    stopWorker().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, "worker did not stop cleanly");
        process.exit(1);
      },
    );
  });
}

startWorker().catch((error: unknown) => {
  logger.fatal({ err: error }, "worker failed to start");
  process.exit(1);
});
