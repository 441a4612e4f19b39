import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getEmbeddedDatabase } from "@/lib/embedded-db";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

// The one database client. With DATABASE_URL it talks to Postgres through node-postgres; without it,
// to the embedded PGlite database. Everything above this file sees the same Prisma client either way.

declare global {
  var __statusDb: PrismaClient | undefined;
  /** The Postgres connection pool behind the client (none on the embedded database), for metrics. */
  var __statusDbPool: pg.Pool | undefined;
}

function createClient(): PrismaClient {
  if (env.DATABASE_URL && !globalThis.__statusDbPool) {
    const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 10, connectionTimeoutMillis: 5_000 });
    // An idle connection the server closed (restart, failover) must not take the process down.
    pool.on("error", (error) => logger.warn({ err: error }, "database connection lost"));
    globalThis.__statusDbPool = pool;
  }
  const adapter = globalThis.__statusDbPool ? new PrismaPg(globalThis.__statusDbPool) : new PrismaPGlite(getEmbeddedDatabase(env.dataDir));
  return new PrismaClient({ adapter });
}

export const db: PrismaClient = (globalThis.__statusDb ??= createClient());

export type { Prisma } from "@/lib/generated/prisma/client";
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
