import "server-only";
import { randomUUID } from "node:crypto";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import type { JobRegistrar } from "@/server/jobs/registry";
import { listRunnableProbes } from "@/server/probes/data";
import { claimRunnerLease, ensureBuiltinLocation, ingestResults, releaseRunnerLease, sweepProbes } from "@/server/probes/ingest/mutations";
import { runRollups } from "@/server/probes/rollup/mutations";
import { startScheduler, type Scheduler } from "@/server/probes/runner/scheduler";
import type { ProbeResultInput } from "@/server/probes/schema";

// The worker's probe work: run the built-in location's probes (one worker at a time holds the lease),
// store their results in batches, sweep for silence and expired overrides, and roll results up.

export const ROLLUP_QUEUE = "probes.rollup";
const RELOAD_MS = 10_000;
const LEASE_SECONDS = 30;
const FLUSH_MS = 1_000;
const MAX_BUFFER = 100_000;

declare global {
  var __statusProbeRunner: { scheduler: Scheduler; flush: () => Promise<void>; reload: () => Promise<void> } | undefined;
}

export const registerProbeJobs: JobRegistrar = async (boss) => {
  await boss.createQueue(ROLLUP_QUEUE, { name: ROLLUP_QUEUE, policy: "short" });
  await boss.schedule(ROLLUP_QUEUE, "*/5 * * * *", {}, { tz: "UTC" });
  await boss.work(ROLLUP_QUEUE, async () => {
    const result = await runRollups(new Date());
    logger.info({ job: ROLLUP_QUEUE, ...result }, "probe results rolled up");
  });

  const sweepTimer = setInterval(() => {
    sweepProbes().catch((error: unknown) => logger.warn({ err: error }, "probe sweep failed"));
  }, 10_000);

  const stopRunner = env.PROBE_RUNNER === false ? () => Promise.resolve() : await startBuiltinRunner();
  return async () => {
    clearInterval(sweepTimer);
    await stopRunner();
  };
};

async function startBuiltinRunner(): Promise<() => Promise<void>> {
  const location = await ensureBuiltinLocation();
  const runnerId = randomUUID();
  let buffer: ProbeResultInput[] = [];
  let flushing: Promise<void> | null = null;
  const scheduler = startScheduler({
    concurrency: env.PROBE_CONCURRENCY,
    onResult: (r) => {
      buffer.push(r);
      if (buffer.length > MAX_BUFFER) buffer.splice(0, buffer.length - MAX_BUFFER);
    },
  });

  const flush = async () => {
    while (flushing) await flushing;
    if (buffer.length === 0) return;
    const batch = buffer.slice(0, 2000);
    flushing = ingestResults(location.id, batch)
      .then(() => {
        buffer = buffer.slice(batch.length);
      })
      .catch((error: unknown) => logger.warn({ err: error, results: batch.length }, "storing probe results failed; will retry"))
      .finally(() => {
        flushing = null;
      });
    await flushing;
  };

  const reload = async () => {
    try {
      const held = await claimRunnerLease(location.id, runnerId, LEASE_SECONDS);
      scheduler.setProbes(held ? await listRunnableProbes(location.id) : []);
    } catch (error) {
      logger.warn({ err: error }, "reloading probes failed");
    }
  };

  await reload();
  const reloadTimer = setInterval(() => void reload(), RELOAD_MS);
  const flushTimer = setInterval(() => void flush(), FLUSH_MS);
  globalThis.__statusProbeRunner = { scheduler, flush, reload };
  logger.info({ location: location.name }, "probe runner started");
  return async () => {
    clearInterval(reloadTimer);
    clearInterval(flushTimer);
    await scheduler.stop();
    await flush();
    await releaseRunnerLease(location.id, runnerId).catch(() => undefined);
    globalThis.__statusProbeRunner = undefined;
  };
}
