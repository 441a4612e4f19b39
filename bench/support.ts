import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import pg from "pg";

// Shared pieces of the benchmarks: a fresh database, the built server, and Postgres's own counters.

export async function waitFor(url: string, timeoutMs = 60_000, accept = (r: Response) => r.ok): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (accept(await fetch(url))) return;
    } catch {
      // not up yet
    }
    if (Date.now() > until) throw new Error(`${url} did not come up`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Builds the app when there is no production build yet. */
export function ensureBuild(): void {
  if (fs.existsSync(".next/BUILD_ID")) return;
  const result = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) throw new Error("The production build failed.");
}

export function startServer(env: Record<string, string>, port: number): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    env: { ...process.env, ...env, PORT: String(port), HOSTNAME_BIND: "127.0.0.1", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  if (child.exitCode === null) child.kill("SIGKILL");
}

/** Transactions Postgres has counted for a database (each query outside a transaction is one). */
export async function transactions(adminUrl: string, database: string): Promise<number> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>("SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = $1", [database]);
    return Number(rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}
