import "server-only";
import { logger } from "@/lib/logger";
import { internalRequestHeaders } from "@/server/public/page-cache";
import type { SnapshotStore } from "@/server/public/snapshot-store";
import { exportAtomically, httpFetcher } from "@/server/public/static-export";

// MIRROR_DIR: after every change of the public view (new content, or the database going away and the
// page turning stale), the web process exports a fresh static copy of the public side from itself and
// swaps it in atomically. A job on the second site syncs that directory (rsync, `aws s3 sync`), so the
// fallback always holds the latest status. Changes arriving during an export collapse into one more.

const SETTLE_MS = 500;

export function startMirror(store: SnapshotStore, selfOrigin: string, dir: string): () => void {
  let running = false;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  const get = httpFetcher(selfOrigin, internalRequestHeaders());

  const run = async (): Promise<void> => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        const started = performance.now();
        try {
          const result = await exportAtomically(get, dir);
          logger.info({ dir, files: result.files, etag: result.etag, ms: Math.round(performance.now() - started) }, "mirror updated");
        } catch (error) {
          logger.error({ err: error, dir }, "could not update the mirror");
        }
      } while (again);
    } finally {
      running = false;
    }
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), SETTLE_MS);
    timer.unref();
  };
  const unsubscribe = store.subscribe(schedule);
  if (store.current()) schedule();
  logger.info({ dir }, "mirroring the public side");
  return () => {
    clearTimeout(timer);
    unsubscribe();
  };
}
