import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { bringDatabaseBack, createTestDatabase, dropTestDatabase, takeDatabaseDown } from "@/tests/support/postgres";

// Several processes of the production build on one database of their own: web instances with no
// worker in them, and workers apart, as a scaled-out deployment runs them.

export interface Cluster {
  databaseUrl: string;
  databaseName: string;
  webs: string[];
  token(email: string): string;
  /** Revokes connections to the database and terminates the open ones: the database is gone. */
  takeDatabaseDown(): Promise<void>;
  bringDatabaseBack(): Promise<void>;
  query<T extends pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<T[]>;
  stop(): Promise<void>;
}

async function waitFor(url: string, timeoutMs = 90_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > until) throw new Error(`${url} did not come up`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
  if (child.exitCode === null) child.kill("SIGKILL");
}

export async function startCluster(options: {
  ports: number[];
  workers: number;
  env?: Record<string, string>;
}): Promise<Cluster> {
  const database = await createTestDatabase("status_cluster");
  const dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), "status-cluster-"));
  const common = {
    ...process.env,
    DATABASE_URL: database.url,
    DEMO_MODE: "false",
    NEXT_TELEMETRY_DISABLED: "1",
    LOG_LEVEL: "warn",
    NOTIFY_SECRET: "cluster-tests-notify-secret-0123456789abcdef",
    AUTH_SECRET: "cluster-tests-auth-secret-0123456789abcdef",
    SNAPSHOT_REFRESH_SECONDS: "2",
    PUBLIC_RATE_LIMIT_PER_MINUTE: "0",
    MIRROR_DIR: "",
    ...options.env,
  };
  const run = (args: string[], env: Record<string, string | undefined> = {}) => {
    const r = spawnSync("npm", ["run", "--silent", ...args], { env: { ...common, ...env }, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`npm run ${args.join(" ")} failed: ${r.stderr}`);
    return r.stdout.trim();
  };
  run(["db:migrate"]);
  run(["db:seed"], { DEMO_MODE: "true" });
  const tokens = new Map<string, string>();
  const children: ChildProcess[] = [];
  const webs: string[] = [];
  options.ports.forEach((port, n) => {
    const dataDir = path.join(dataRoot, `web-${n}`);
    children.push(
      spawn(process.execPath, ["--import", "tsx", "server.ts"], {
        env: { ...common, PORT: String(port), HOSTNAME_BIND: "127.0.0.1", RUN_WORKER: "false", DATA_DIR: dataDir },
        stdio: ["ignore", "ignore", "inherit"],
      }),
    );
    webs.push(`http://127.0.0.1:${port}`);
  });
  for (let n = 0; n < options.workers; n++) {
    children.push(
      spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/worker.ts"], {
        env: { ...common, DATA_DIR: path.join(dataRoot, `worker-${n}`) },
        stdio: ["ignore", "ignore", "inherit"],
      }),
    );
  }
  const cluster: Cluster = {
    databaseUrl: database.url,
    databaseName: database.name,
    webs,
    token(email) {
      let token = tokens.get(email);
      if (!token) {
        token =
          run(["cli", "--", "tokens", "create", "--email", email, "--name", "cluster test"]).split("\n").at(-1) ?? "";
        tokens.set(email, token);
      }
      return token;
    },
    takeDatabaseDown: () => takeDatabaseDown(database.name),
    bringDatabaseBack: () => bringDatabaseBack(database.name),
    async query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        return (await client.query<T>(sql, params)).rows;
      } finally {
        await client.end();
      }
    },
    async stop() {
      await Promise.allSettled(children.map(stopChild));
      await bringDatabaseBack(database.name).catch(() => undefined);
      await dropTestDatabase(database.name);
      fs.rmSync(dataRoot, { recursive: true, force: true });
    },
  };
  try {
    await Promise.all(webs.map((w) => waitFor(`${w}/api/v2/summary.json`)));
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  return cluster;
}
