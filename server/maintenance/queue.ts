import "server-only";
import { logger } from "@/lib/logger";
import { getBoss } from "@/server/jobs/boss";

// The maintenance scheduler's queue. Any job on it makes a worker start and complete whatever windows
// are due (see jobs.ts), so extra jobs are harmless; a once-a-minute cron job is the safety net.

export const MAINTENANCE_QUEUE = "maintenance.tick";

let queueReady: Promise<void> | undefined;

/** Creates the queue once per process. "short": one waiting job per singleton key, so plans dedupe. */
export function ensureMaintenanceQueue(): Promise<void> {
  queueReady ??= getBoss()
    .then((boss) => boss.createQueue(MAINTENANCE_QUEUE, { name: MAINTENANCE_QUEUE, policy: "short" }))
    .catch((error: unknown) => {
      queueReady = undefined;
      throw error;
    });
  return queueReady;
}

/** Asks a worker to run the scheduler at `at` (now when left out). Never throws: the cron job catches up. */
export async function wakeMaintenanceScheduler(at?: Date): Promise<void> {
  try {
    await ensureMaintenanceQueue();
    const boss = await getBoss();
    if (at && at.getTime() > Date.now()) await boss.sendAfter(MAINTENANCE_QUEUE, {}, { singletonKey: at.toISOString() }, at);
    else await boss.send(MAINTENANCE_QUEUE, {}, { singletonKey: "now" });
  } catch (error) {
    logger.warn({ err: error }, "could not wake the maintenance scheduler; the minute job will catch up");
  }
}
