import "server-only";
import path from "node:path";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { metrics } from "@/lib/metrics";
import { listen, type Listener } from "@/lib/notify";
import { PUBLIC_CHANGE_CHANNEL } from "@/server/public/channel";
import { loadSnapshotSource } from "@/server/public/data";
import { SnapshotStore } from "@/server/public/snapshot-store";
import type { PublicView } from "@/server/public/types";

// The process's one snapshot store, started on first use (or at server start): it rebuilds on every
// announced change, on a timer, and serves the last good snapshot when the database is unavailable.

interface Running {
  store: SnapshotStore;
  ready: Promise<void>;
  listener: Promise<Listener | null>;
  timer: NodeJS.Timeout;
}

declare global {
  var __statusSnapshot: Running | undefined;
}

const REFRESH_MS = env.SNAPSHOT_REFRESH_SECONDS * 1000;
/** How long a first request waits for the first snapshot when nothing is on disk. */
const FIRST_BUILD_WAIT_MS = 15_000;

function start(): Running {
  const store = new SnapshotStore({
    load: loadSnapshotSource,
    diskPath: path.join(env.dataDir, "public-snapshot.json"),
    onError: (error) => logger.warn({ err: error }, "public snapshot rebuild failed; serving the last good one"),
    onRebuilt: (ms, ok) => {
      metrics().snapshotRebuilds.inc({ outcome: ok ? "ok" : "failed" });
      metrics().snapshotRebuildSeconds.observe(ms / 1000);
    },
  });
  const fromDisk = store.loadFromDisk();
  const first = store.rebuild();
  const listener = listen(PUBLIC_CHANGE_CHANNEL, () => void store.rebuild(), () => void store.rebuild()).catch((error: unknown) => {
    logger.warn({ err: error }, "could not listen for public changes; relying on the refresh timer");
    return null;
  });
  const timer = setInterval(() => void store.rebuild(), REFRESH_MS);
  timer.unref();
  // With a snapshot on disk, serve it at once; otherwise wait for the first build.
  const ready = fromDisk ? Promise.resolve() : Promise.race([first, new Promise<void>((r) => setTimeout(r, FIRST_BUILD_WAIT_MS).unref())]);
  return { store, ready, listener, timer };
}

export function snapshotStore(): SnapshotStore {
  return (globalThis.__statusSnapshot ??= start()).store;
}

/** The current public view; 503 only when no snapshot was ever built or kept. */
export async function getPublicView(): Promise<PublicView> {
  const running = (globalThis.__statusSnapshot ??= start());
  await running.ready;
  const view = running.store.current();
  if (!view) throw new AppError("UNAVAILABLE", "The status page is starting and its data is not available yet.");
  return view;
}

export async function stopSnapshotStore(): Promise<void> {
  const running = globalThis.__statusSnapshot;
  globalThis.__statusSnapshot = undefined;
  if (!running) return;
  clearInterval(running.timer);
  await (await running.listener)?.stop();
}
