import "server-only";
import { logger } from "@/lib/logger";
import type { JobRegistrar } from "@/server/jobs/registry";
import { runMaintenanceScheduler } from "@/server/maintenance/mutations";
import { ensureMaintenanceQueue, MAINTENANCE_QUEUE, wakeMaintenanceScheduler } from "@/server/maintenance/queue";

// Maintenance windows start and complete by themselves. Every run of the scheduler acts on whatever is
// due and then plans one delayed job for the next moment something will be (one waiting job per moment,
// however many workers plan it). A cron job every minute catches anything a lost job or a crash missed,
// and the first run after start-up catches up on windows that came due while nothing was running.

export const registerMaintenanceJobs: JobRegistrar = async (boss) => {
  await ensureMaintenanceQueue();
  await boss.schedule(MAINTENANCE_QUEUE, "* * * * *", {}, { tz: "UTC" });
  await boss.work(MAINTENANCE_QUEUE, { pollingIntervalSeconds: 1 }, async () => {
    const result = await runMaintenanceScheduler(new Date());
    if (result.started || result.completed) logger.info({ job: MAINTENANCE_QUEUE, ...result }, "maintenance windows moved");
    if (result.nextDueAt) await wakeMaintenanceScheduler(result.nextDueAt);
  });
  await wakeMaintenanceScheduler();
};
