import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getEmbeddedDatabase } from "@/lib/embedded-db";
import { env } from "@/lib/env";

// The one database client. With DATABASE_URL it talks to Postgres through node-postgres; without it,
// to the embedded PGlite database. Everything above this file sees the same Prisma client either way.

declare global {
  var __statusDb: PrismaClient | undefined;
}

function createClient(): PrismaClient {
  const adapter = env.DATABASE_URL
    ? new PrismaPg({ connectionString: env.DATABASE_URL, max: 10, connectionTimeoutMillis: 5_000 })
    : new PrismaPGlite(getEmbeddedDatabase(env.dataDir));
  return new PrismaClient({ adapter });
}

export const db: PrismaClient = (globalThis.__statusDb ??= createClient());

export type { Prisma } from "@/lib/generated/prisma/client";
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
