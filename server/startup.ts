import "server-only";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { DEMO_PASSWORD, DEMO_USERS } from "@/server/auth/demo-users";
import { installFrontDoor } from "@/server/http/front-door";
import { closeStreams, installFastPath } from "@/server/public/fast-path";
import { startMirror } from "@/server/public/mirror";
import { snapshotStore, stopSnapshotStore } from "@/server/public/view";
import { startWorker, stopWorker } from "@/server/worker";

/**
 * Start-up of the web process: say where the data lives and how to sign in to a demo, start the public
 * snapshot and its fast path, and the worker. Nothing here may stop the public page from serving when
 * the database is down.
 */
export function startServerProcess(): void {
  logger.info(
    { database: env.isEmbedded ? `embedded (${env.dataDir})` : "postgres", demo: env.isDemo, worker: env.runWorker },
    "status page starting",
  );
  if (env.isDemo) {
    const accounts = DEMO_USERS.map((u) => `  ${u.email.padEnd(22)} ${u.roles.join(", ")}`).join("\n");
    console.log(`\nDemo mode: staff accounts (password "${DEMO_PASSWORD}"):\n${accounts}\n`);
  }
  installFrontDoor();
  installFastPath(globalThis.__statusSelfOrigin);
  const stopMirror = env.MIRROR_DIR && globalThis.__statusSelfOrigin ? startMirror(snapshotStore(), globalThis.__statusSelfOrigin, env.MIRROR_DIR) : undefined;
  if (env.runWorker) {
    startWorker().catch((error: unknown) => logger.error({ err: error }, "worker failed to start"));
  }
  globalThis.__statusShutdown ??= async () => {
    stopMirror?.();
    closeStreams();
    await Promise.allSettled([stopSnapshotStore(), env.runWorker ? stopWorker() : Promise.resolve()]);
  };
}

declare global {
  var __statusShutdown: (() => Promise<void>) | undefined;
  /** Where server.ts listens, so the process can render its own status page for the page cache. */
  var __statusSelfOrigin: string | undefined;
}
