import "server-only";
import type PgBoss from "pg-boss";
import { registerIncidentJobs } from "@/server/incidents/jobs";
import { registerMaintenanceJobs } from "@/server/maintenance/jobs";
import { registerNotificationJobs } from "@/server/notifications/jobs";
import { registerOperationsJobs } from "@/server/operations/jobs";
import { registerProbeJobs } from "@/server/probes/jobs";

// Each area that runs background work exports a registrar; the worker calls them all at start. A
// registrar that starts something of its own (a listener, a timer) returns how to stop it; the worker
// calls that before stopping the queue.
export type JobRegistrar = (boss: PgBoss) => Promise<void | (() => Promise<void>)>;

export const JOB_REGISTRARS: JobRegistrar[] = [registerNotificationJobs, registerMaintenanceJobs, registerIncidentJobs, registerProbeJobs, registerOperationsJobs];
