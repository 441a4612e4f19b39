import "server-only";
import { logger } from "@/lib/logger";
import { getBoss, stopBoss } from "@/server/jobs/boss";
import { JOB_REGISTRARS } from "@/server/jobs/registry";

// The worker: background jobs (probes, deliveries, maintenance windows, rollups, reminders). It runs
// inside the web process by default and alone with `npm run worker`.

declare global {
  var __statusWorker: Promise<void> | undefined;
}

export function startWorker(): Promise<void> {
  globalThis.__statusWorker ??= (async () => {
    const boss = await getBoss();
    for (const register of JOB_REGISTRARS) await register(boss);
    logger.info({ registrars: JOB_REGISTRARS.length }, "worker started");
  })();
  return globalThis.__statusWorker;
}

export async function stopWorker(): Promise<void> {
  globalThis.__statusWorker = undefined;
  await stopBoss();
}
