import "server-only";
import PgBoss from "pg-boss";
import { getEmbeddedDatabase } from "@/lib/embedded-db";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

// pg-boss keeps jobs in the same Postgres as everything else, so several web and worker instances
// coordinate through it with no other service. On the embedded database it runs through PGlite.

declare global {
  var __statusBoss: Promise<PgBoss> | undefined;
}

function createBoss(): PgBoss {
  if (env.DATABASE_URL) {
    return new PgBoss({ connectionString: env.DATABASE_URL, max: 4, application_name: "status-jobs" });
  }
  const pglite = getEmbeddedDatabase(env.dataDir);
  return new PgBoss({
    db: {
      // pg-boss sends multi-statement scripts without parameters (schema set-up); PGlite runs those
      // through exec() and parameterised statements through query().
      async executeSql(text: string, values: unknown[]) {
        if (values && values.length > 0) return pglite.query(text, values);
        const results = await pglite.exec(text);
        return { rows: results.at(-1)?.rows ?? [] };
      },
    },
  });
}

/** The process's job queue client, started once. */
export function getBoss(): Promise<PgBoss> {
  globalThis.__statusBoss ??= (async () => {
    const boss = createBoss();
    boss.on("error", (error) => logger.error({ err: error }, "job queue error"));
    await boss.start();
    return boss;
  })();
  return globalThis.__statusBoss;
}

export async function stopBoss(): Promise<void> {
  const pending = globalThis.__statusBoss;
  globalThis.__statusBoss = undefined;
  if (pending) await (await pending).stop({ graceful: true, timeout: 10_000 });
}
