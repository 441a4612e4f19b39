import "server-only";
import { logger } from "@/lib/logger";
import { getBoss, stopBoss } from "@/server/jobs/boss";
import { JOB_REGISTRARS } from "@/server/jobs/registry";

// The worker: background jobs (probes, deliveries, maintenance windows, rollups, reminders). It runs
// inside the web process by default and alone with `npm run worker`.

declare global {
  var __statusWorker: Promise<void> | undefined;
  var __statusWorkerStops: (() => Promise<void>)[] | undefined;
}

export function startWorker(): Promise<void> {
  globalThis.__statusWorker ??= (async () => {
    const boss = await getBoss();
    const stops: (() => Promise<void>)[] = (globalThis.__statusWorkerStops = []);
    for (const register of JOB_REGISTRARS) {
      const stop = await register(boss);
      if (stop) stops.push(stop);
    }
    logger.info({ registrars: JOB_REGISTRARS.length }, "worker started");
  })();
  return globalThis.__statusWorker;
}

export async function stopWorker(): Promise<void> {
  globalThis.__statusWorker = undefined;
  const stops = globalThis.__statusWorkerStops ?? [];
  globalThis.__statusWorkerStops = undefined;
  await Promise.allSettled(stops.map((stop) => stop()));
  await stopBoss();
}
