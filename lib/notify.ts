import "server-only";
import pg from "pg";
import { getEmbeddedDatabase } from "@/lib/embedded-db";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

// LISTEN for a Postgres NOTIFY channel. On Postgres a dedicated connection listens and reconnects with
// backoff when it drops; `onResync` runs after every (re)connect, because notifications sent while
// disconnected are lost and the listener must catch up by itself. On the embedded database PGlite
// delivers notifications in-process.

export interface Listener {
  stop(): Promise<void>;
}

export async function listen(channel: string, onNotify: (payload: string) => void, onResync: () => void): Promise<Listener> {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`Invalid channel name: ${channel}`);
  if (!env.DATABASE_URL) {
    const unlisten = await getEmbeddedDatabase(env.dataDir).listen(channel, onNotify);
    onResync();
    return { stop: () => unlisten() };
  }
  const url = env.DATABASE_URL;
  let client: pg.Client | undefined;
  let stopped = false;
  let attempt = 0;
  let timer: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    if (stopped) return;
    const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000, keepAlive: true });
    c.on("notification", (msg) => {
      if (msg.channel === channel) onNotify(msg.payload ?? "");
    });
    c.on("error", (error) => logger.warn({ err: error, channel }, "listener connection error"));
    c.on("end", () => {
      if (client === c) scheduleReconnect();
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${channel}`);
      client = c;
      attempt = 0;
      onResync();
    } catch (error) {
      logger.warn({ err: error, channel }, "could not listen; retrying");
      await c.end().catch(() => undefined);
      scheduleReconnect();
    }
  };
  const scheduleReconnect = () => {
    client = undefined;
    if (stopped || timer) return;
    const delay = Math.min(30_000, 500 * 2 ** attempt++);
    timer = setTimeout(() => {
      timer = undefined;
      void connect();
    }, delay);
    timer.unref();
  };

  await connect();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      const c = client;
      client = undefined;
      await c?.end().catch(() => undefined);
    },
  };
}
