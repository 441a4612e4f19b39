import "server-only";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";

// The embedded database: PostgreSQL compiled to WebAssembly, running inside this process and stored
// under DATA_DIR. Only one process may open a data directory, so web and worker share one instance
// (and one process) when running embedded.

declare global {
  var __statusPglite: PGlite | undefined;
}

export function embeddedDataDir(dataDir: string): string {
  return path.join(dataDir, "pglite");
}

export function getEmbeddedDatabase(dataDir: string): PGlite {
  if (!globalThis.__statusPglite) {
    const dir = embeddedDataDir(dataDir);
    fs.mkdirSync(dir, { recursive: true });
    globalThis.__statusPglite = new PGlite(dir);
  }
  return globalThis.__statusPglite;
}
