import "server-only";
import type PgBoss from "pg-boss";
import { logger } from "@/lib/logger";

// Runs up to `concurrency` jobs of one queue at once, each completed or failed on its own. (pg-boss's
// own batch workers finish a batch together, so one slow job would hold up the others.) Fetches again
// as soon as a slot frees, or after `idleMs` when the queue was empty, or when woken.

export interface JobPool {
  /** Look for jobs now (after sending some from this process). */
  wake(): void;
  stop(): Promise<void>;
}

export function startJobPool<T extends object>(
  boss: PgBoss,
  queue: string,
  options: { concurrency: number; idleMs: number },
  handler: (data: T) => Promise<void>,
): JobPool {
  let running = 0;
  let stopped = false;
  let wakeUp: (() => void) | undefined;
  const inFlight = new Set<Promise<void>>();
  const wake = () => {
    const w = wakeUp;
    wakeUp = undefined;
    w?.();
  };
  const pause = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, options.idleMs);
      timer.unref();
      wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const run = (job: PgBoss.Job<T>) => {
    running++;
    const p = handler(job.data)
      .then(
        () => boss.complete(queue, job.id),
        (error: unknown) => {
          logger.warn({ err: error, queue, jobId: job.id }, "job failed");
          return boss.fail(queue, job.id, { message: error instanceof Error ? error.message : String(error) });
        },
      )
      .then(() => undefined)
      .catch((error: unknown) => logger.error({ err: error, queue }, "could not record a job's outcome"))
      .finally(() => {
        running--;
        inFlight.delete(p);
        wake();
      });
    inFlight.add(p);
  };

  const loop = async () => {
    while (!stopped) {
      const free = options.concurrency - running;
      let fetched = 0;
      if (free > 0) {
        try {
          const jobs = await boss.fetch<T>(queue, { batchSize: free });
          fetched = jobs.length;
          for (const job of jobs) run(job);
        } catch (error) {
          logger.warn({ err: error, queue }, "could not fetch jobs");
        }
      }
      // A full batch may mean more are waiting; otherwise wait for a slot, a wake-up or the idle timer.
      if (free > 0 && fetched === free) continue;
      if (!stopped) await pause();
    }
  };
  const looping = loop();

  return {
    wake,
    async stop() {
      stopped = true;
      wake();
      await looping;
      await Promise.allSettled([...inFlight]);
    },
  };
}
