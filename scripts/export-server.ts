import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import { env } from "@/lib/env";

// For `cli export` without --from: the production server started on a free loopback port with no
// worker and no limits, until its snapshot is served, then stopped.

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export async function startExportServer(): Promise<{ origin: string; stop: () => Promise<void> }> {
  if (env.isEmbedded) throw new Error("With the embedded database, export from the running instance: --from http://localhost:3000");
  if (!fs.existsSync(".next/BUILD_ID")) throw new Error("No production build: run `npx next build` first, or pass --from URL.");
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    env: { ...process.env, PORT: String(port), HOSTNAME_BIND: "127.0.0.1", RUN_WORKER: "false", PUBLIC_RATE_LIMIT_PER_MINUTE: "0", MIRROR_DIR: "", LOG_LEVEL: "warn" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const origin = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (child.exitCode === null) child.kill("SIGKILL");
  };
  const until = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error("The server stopped before it served the snapshot.");
    try {
      if ((await fetch(`${origin}/api/v2/summary.json`)).ok) return { origin, stop };
    } catch {
      // not listening yet
    }
    if (Date.now() > until) {
      await stop();
      throw new Error("The server did not serve the snapshot within a minute.");
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}
