import type { NextConfig } from "next";

const config: NextConfig = {
  poweredByHeader: false,
  // forbidden() answers the wrong role with a real 403 page.
  experimental: { authInterrupts: true },
  // Loaded from node_modules at run time rather than bundled: they read WebAssembly and data files
  // next to their own code, or are native.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/adapter-pg",
    "pg",
    "pg-boss",
    "pino",
    "prom-client",
    "@node-rs/argon2",
  ],
};

export default config;
