import { createHash, randomUUID } from "node:crypto";
import { runCheck } from "@/server/probes/runner/check";
import type { ProbeResultInput, RunnableProbe } from "@/server/probes/schema";

// Runs a set of probes, each every `intervalSeconds`, spread over the interval by a phase taken from its
// id (so 2,000 probes with one interval do not all fire in the same second), at most `concurrency`
// checks at once. A first failure is checked again after 10 s (at most a third of the interval) to
// confirm it, so an outage shows in about one interval. Shared by the worker and the agent: it knows
// nothing of databases or HTTP APIs, it hands each result, with a fresh id, to `onResult`.

export interface SchedulerStats {
  checks: number;
  /** How late checks started (ms) since the last reset, in order. */
  lateness: number[];
  skippedBusy: number;
}

export interface Scheduler {
  setProbes(probes: RunnableProbe[]): void;
  stats(reset?: boolean): SchedulerStats;
  stop(): Promise<void>;
}

interface Entry {
  probe: RunnableProbe;
  nextAt: number;
  running: boolean;
  /** A confirmation check after a first failure, sooner than the next slot. */
  retryAt: number | null;
  lastOutcome: "up" | "degraded" | "down" | null;
}

/** How soon a first failure is checked again (at most a third of the interval). */
const CONFIRM_AFTER_MS = 10_000;

const TICK_MS = 50;
const MAX_SAMPLES = 200_000;

/** Where in each interval a probe runs (ms after the interval starts), the same in every process. */
export function phaseMs(id: string, intervalMs: number): number {
  return parseInt(createHash("sha1").update(id).digest("hex").slice(0, 8), 16) % intervalMs;
}

export function startScheduler(options: { concurrency: number; onResult: (r: ProbeResultInput) => void; now?: () => number }): Scheduler {
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();
  const inFlight = new Set<Promise<void>>();
  let stopped = false;
  let running = 0;
  let stats: SchedulerStats = { checks: 0, lateness: [], skippedBusy: 0 };

  const firstRun = (p: RunnableProbe) => {
    const interval = p.intervalSeconds * 1000;
    const t = now();
    // The next slot of this probe's phase: the same second of every interval, whoever runs it.
    const base = t - (t % interval) + phaseMs(p.id, interval);
    return base < t ? base + interval : base;
  };

  const launch = (e: Entry, t: number) => {
    const interval = e.probe.intervalSeconds * 1000;
    const isRetry = e.retryAt !== null && e.retryAt <= t && e.nextAt > t;
    e.retryAt = null;
    if (!isRetry) {
      const scheduledAt = e.nextAt;
      e.nextAt += interval;
      // Far behind (the process was paused): skip to the next slot rather than firing a burst.
      if (e.nextAt <= t) e.nextAt = scheduledAt + Math.ceil((t - scheduledAt) / interval) * interval;
      if (!e.running && stats.lateness.length < MAX_SAMPLES) stats.lateness.push(t - scheduledAt);
    }
    if (e.running) {
      stats.skippedBusy++;
      return;
    }
    e.running = true;
    running++;
    const probe = e.probe;
    const at = new Date(t).toISOString();
    const job = runCheck(probe)
      .then((r) => {
        stats.checks++;
        // A first failure is confirmed soon rather than at the next slot, so an outage reaches the page
        // in about one interval although the flap filter wants two failures in a row.
        if (r.outcome === "down" && e.lastOutcome !== "down") {
          const retryAt = now() + Math.min(CONFIRM_AFTER_MS, interval / 3);
          if (retryAt < e.nextAt) e.retryAt = retryAt;
        }
        e.lastOutcome = r.outcome;
        if (!stopped) options.onResult({ id: randomUUID(), probeId: probe.id, at, outcome: r.outcome, latencyMs: r.latencyMs === null ? null : Math.round(r.latencyMs), statusCode: r.statusCode, error: r.error });
      })
      .catch(() => undefined)
      .finally(() => {
        e.running = false;
        running--;
        inFlight.delete(job);
      });
    inFlight.add(job);
  };

  const timer = setInterval(() => {
    if (stopped) return;
    const t = now();
    const due: Entry[] = [];
    for (const e of entries.values()) if (e.nextAt <= t || (e.retryAt !== null && e.retryAt <= t)) due.push(e);
    due.sort((a, b) => Math.min(a.nextAt, a.retryAt ?? Infinity) - Math.min(b.nextAt, b.retryAt ?? Infinity));
    for (const e of due) {
      if (running >= options.concurrency) break;
      launch(e, t);
    }
  }, TICK_MS);

  return {
    setProbes(probes) {
      const seen = new Set<string>();
      for (const p of probes) {
        seen.add(p.id);
        const existing = entries.get(p.id);
        if (!existing) entries.set(p.id, { probe: p, nextAt: firstRun(p), running: false, retryAt: null, lastOutcome: null });
        else {
          if (existing.probe.intervalSeconds !== p.intervalSeconds) existing.nextAt = firstRun(p);
          existing.probe = p;
        }
      }
      for (const id of [...entries.keys()]) if (!seen.has(id)) entries.delete(id);
    },
    stats(reset = false) {
      const current = stats;
      if (reset) stats = { checks: 0, lateness: [], skippedBusy: 0 };
      return current;
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await Promise.allSettled([...inFlight]);
    },
  };
}
