import "server-only";
import os from "node:os";
import { logger } from "@/lib/logger";
import type { JobRegistrar } from "@/server/jobs/registry";
import { recordWorkerHeartbeat, removeWorkerHeartbeat } from "@/server/operations/mutations";

// The worker's heartbeat: a row touched every HEARTBEAT_MS while the worker runs, which /api/ready
// reads. A worker stopping cleanly removes its row; one that dies leaves it to go stale.

export const HEARTBEAT_MS = 10_000;

export const registerOperationsJobs: JobRegistrar = async () => {
  const id = `${os.hostname()}:${process.pid}`;
  const startedAt = new Date();
  const beat = () =>
    recordWorkerHeartbeat(id, startedAt).catch((error: unknown) => logger.warn({ err: error }, "could not record the worker heartbeat"));
  await beat();
  const timer = setInterval(() => void beat(), HEARTBEAT_MS);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await removeWorkerHeartbeat(id).catch(() => undefined);
  };
};
