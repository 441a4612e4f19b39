import { z } from "zod";
import { Spool } from "@/server/probes/agent/spool";
import { startScheduler } from "@/server/probes/runner/scheduler";
import { runnableProbeSchema, type RunnableProbe } from "@/server/probes/schema";

// The standalone agent (`npm run agent`): runs the probes assigned to its location and pushes the
// results to the server in batches, in order. It authenticates with its location token, refreshes its
// probe list now and then, and keeps results on disk (spool.ts) while the server cannot be reached.
// It needs no database and reads no app configuration: only its own AGENT_* variables.

export const agentConfigSchema = z.object({
  /** Base URL of the status page, e.g. https://status.example.org. */
  AGENT_SERVER_URL: z.url(),
  /** The location's token (spl_...), shown once when the location was added in the console. */
  AGENT_TOKEN: z.string().min(10),
  /** Where results wait until the server has them. */
  AGENT_DATA_DIR: z.string().default(".agent"),
  AGENT_CONCURRENCY: z.coerce.number().int().min(1).max(2000).default(100),
  /** Results per request (the server takes at most 1000). */
  AGENT_BATCH_SIZE: z.coerce.number().int().min(1).max(1000).default(500),
  /** How often to send what has piled up, in milliseconds. */
  AGENT_FLUSH_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  /** How often to fetch the probe list again, in seconds. */
  AGENT_REFRESH_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
});
export type AgentConfig = z.infer<typeof agentConfigSchema>;

type Log = (level: "info" | "warn", msg: string, extra?: Record<string, unknown>) => void;

export interface Agent {
  stop(): Promise<void>;
}

const probeListSchema = z.object({ location: z.string(), probes: z.array(z.unknown()) });

export function startAgent(config: AgentConfig, log: Log): Agent {
  const base = config.AGENT_SERVER_URL.replace(/\/+$/, "");
  const headers = { authorization: `Bearer ${config.AGENT_TOKEN}`, "content-type": "application/json" };
  const spool = new Spool(config.AGENT_DATA_DIR);
  const scheduler = startScheduler({ concurrency: config.AGENT_CONCURRENCY, onResult: (r) => spool.append(r) });
  let stopped = false;
  let backoffMs = 0;

  const refresh = async () => {
    try {
      const res = await fetch(`${base}/api/agent/v1/probes`, { headers, signal: AbortSignal.timeout(15_000) });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const body = probeListSchema.parse(await res.json());
      const probes: RunnableProbe[] = [];
      for (const p of body.probes) {
        const parsed = runnableProbeSchema.safeParse(p);
        if (parsed.success) probes.push(parsed.data);
      }
      scheduler.setProbes(probes);
      log("info", "probe list", { location: body.location, probes: probes.length });
    } catch (error) {
      // Keep running the probes we have; results pile up on disk until the server is back.
      log("warn", "could not fetch the probe list", { error: String(error) });
    }
  };

  /** Sends the oldest results; true when something was sent and more may be waiting. */
  const sendBatch = async (): Promise<boolean> => {
    const { results, end } = spool.peek(config.AGENT_BATCH_SIZE);
    if (results.length === 0) return false;
    const res = await fetch(`${base}/api/agent/v1/results`, { method: "POST", headers, body: JSON.stringify({ results }), signal: AbortSignal.timeout(30_000) });
    if (res.status === 422 || res.status === 400) {
      // The server will never take this batch: skip it rather than block everything after it.
      log("warn", "server refused a batch; skipping it", { status: res.status, results: results.length });
    } else if (!res.ok) {
      throw new Error(`HTTP ${res.status}`);
    }
    spool.ack(end);
    return true;
  };

  let sending: Promise<void> | null = null;
  const flush = () => {
    sending ??= (async () => {
      try {
        while (!stopped || spool.pendingBytes() > 0) {
          if (!(await sendBatch())) break;
        }
        backoffMs = 0;
      } catch (error) {
        backoffMs = Math.min(30_000, Math.max(1000, backoffMs * 2));
        log("warn", "could not send results; keeping them on disk", { error: String(error), retryInMs: backoffMs });
        await new Promise((r) => setTimeout(r, backoffMs));
      } finally {
        sending = null;
      }
    })();
    return sending;
  };

  void refresh();
  const refreshTimer = setInterval(() => void refresh(), config.AGENT_REFRESH_SECONDS * 1000);
  const flushTimer = setInterval(() => void flush(), config.AGENT_FLUSH_MS);

  return {
    async stop() {
      clearInterval(refreshTimer);
      clearInterval(flushTimer);
      await scheduler.stop();
      stopped = true;
      // One last try to hand over what is on disk; whatever is left is sent at the next start.
      const deadline = Date.now() + 10_000;
      while (spool.pendingBytes() > 0 && Date.now() < deadline) await flush();
    },
  };
}
