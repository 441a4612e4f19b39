import "server-only";
import { logger } from "@/lib/logger";
import type { JobRegistrar } from "@/server/jobs/registry";
import { runCadenceReminders } from "@/server/incidents/mutations";

// Comms leads hear when an incident's public update is overdue. Every minute a worker looks for overdue
// incidents and leaves one staff.cadence_overdue event per overdue period (the notifications area
// delivers it); the console shows the same overdue state at once, from the due time itself.

export const CADENCE_QUEUE = "incidents.cadence";

export const registerIncidentJobs: JobRegistrar = async (boss) => {
  await boss.createQueue(CADENCE_QUEUE, { name: CADENCE_QUEUE, policy: "short" });
  await boss.schedule(CADENCE_QUEUE, "* * * * *", {}, { tz: "UTC" });
  await boss.work(CADENCE_QUEUE, async () => {
    const { reminded } = await runCadenceReminders(new Date());
    if (reminded) logger.info({ job: CADENCE_QUEUE, reminded }, "cadence reminders sent");
  });
  await boss.send(CADENCE_QUEUE, {}, { singletonKey: "start" });
};
