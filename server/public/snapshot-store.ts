import fs from "node:fs";
import path from "node:path";
import type { SnapshotSource } from "@/server/public/data";
import { buildSnapshot } from "@/server/public/snapshot";
import type { Freshness, PublicSnapshot, PublicView } from "@/server/public/types";

// The public snapshot in memory. It is rebuilt when a write announces a change and on a timer as a
// safety net; requests to rebuild while one runs collapse into one more. The last good snapshot is
// kept on disk, so a process that starts while the database is down still serves. When a rebuild
// fails, the last snapshot keeps being served, marked stale with the time it was last confirmed.

export interface SnapshotStoreOptions {
  load: (now: Date) => Promise<SnapshotSource>;
  /** Where the last good snapshot is kept; null to keep none. */
  diskPath: string | null;
  /** A rebuild taking longer than this counts as a failure (the database is slow or gone). */
  timeoutMs?: number;
  now?: () => Date;
  onError?: (error: unknown) => void;
  /** Told after every rebuild how long it took and whether it succeeded (for metrics). */
  onRebuilt?: (durationMs: number, ok: boolean) => void;
}

export interface SnapshotStats {
  rebuilds: number;
  failures: number;
  lastDurationMs: number;
  lastError: string | null;
}

function viewOf(snapshot: PublicSnapshot, freshness: Freshness): PublicView {
  const etag = freshness.stale ? `${snapshot.version}.s${Date.parse(freshness.confirmedAt).toString(36)}` : snapshot.version;
  return { snapshot, freshness, etag };
}

function timeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Snapshot rebuild timed out after ${ms} ms`)), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

export class SnapshotStore {
  private view: PublicView | null = null;
  private inFlight: Promise<void> | null = null;
  private again = false;
  private readonly listeners = new Set<(view: PublicView) => void>();
  readonly stats: SnapshotStats = { rebuilds: 0, failures: 0, lastDurationMs: 0, lastError: null };

  constructor(private readonly options: SnapshotStoreOptions) {}

  current(): PublicView | null {
    return this.view;
  }

  /** Called with every new view (new content or changed freshness). */
  subscribe(listener: (view: PublicView) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Loads the snapshot kept on disk, if any, as a stale view until the database confirms it. */
  loadFromDisk(): boolean {
    if (!this.options.diskPath || this.view) return false;
    try {
      const saved = JSON.parse(fs.readFileSync(this.options.diskPath, "utf8")) as { snapshot: PublicSnapshot; confirmedAt: string };
      if (!saved.snapshot?.version) return false;
      this.publish(viewOf(saved.snapshot, { confirmedAt: saved.confirmedAt, stale: true }));
      return true;
    } catch {
      return false;
    }
  }

  /** Rebuilds now, or once more after the rebuild in flight; resolves when the data is current. */
  rebuild(): Promise<void> {
    if (this.inFlight) {
      this.again = true;
      return this.inFlight;
    }
    this.inFlight = (async () => {
      try {
        do {
          this.again = false;
          await this.rebuildOnce();
        } while (this.again);
      } finally {
        this.inFlight = null;
      }
    })();
    return this.inFlight;
  }

  private async rebuildOnce(): Promise<void> {
    const now = (this.options.now ?? (() => new Date()))();
    const started = performance.now();
    let ok = false;
    try {
      const source = await timeout(this.options.load(now), this.options.timeoutMs ?? 10_000);
      const snapshot = buildSnapshot(source, now);
      const freshness: Freshness = { confirmedAt: now.toISOString(), stale: false };
      const previous = this.view;
      this.stats.rebuilds++;
      this.stats.lastError = null;
      ok = true;
      if (previous && previous.snapshot.version === snapshot.version && !previous.freshness.stale) {
        // Same content, confirmed again: keep the same objects (and their serialized bytes).
        this.view = { ...previous, freshness };
        return;
      }
      this.publish(viewOf(snapshot, freshness));
      this.saveToDisk(snapshot, freshness.confirmedAt);
    } catch (error) {
      this.stats.failures++;
      this.stats.lastError = error instanceof Error ? error.message : String(error);
      this.options.onError?.(error);
      const previous = this.view;
      if (previous && !previous.freshness.stale) this.publish(viewOf(previous.snapshot, { ...previous.freshness, stale: true }));
    } finally {
      this.stats.lastDurationMs = performance.now() - started;
      this.options.onRebuilt?.(this.stats.lastDurationMs, ok);
    }
  }

  private publish(view: PublicView): void {
    this.view = view;
    for (const listener of this.listeners) listener(view);
  }

  private saveToDisk(snapshot: PublicSnapshot, confirmedAt: string): void {
    const file = this.options.diskPath;
    if (!file) return;
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify({ snapshot, confirmedAt }));
      fs.renameSync(tmp, file);
    } catch (error) {
      this.options.onError?.(error);
    }
  }
}
