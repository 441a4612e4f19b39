import "server-only";
import type PgBoss from "pg-boss";
import { registerMaintenanceJobs } from "@/server/maintenance/jobs";

// Each area that runs background work exports a registrar; the worker calls them all at start.
export type JobRegistrar = (boss: PgBoss) => Promise<void>;

export const JOB_REGISTRARS: JobRegistrar[] = [registerMaintenanceJobs];
