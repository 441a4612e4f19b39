import path from "node:path";
import { defineConfig } from "prisma/config";

// Prisma's CLI fetches a native schema engine before `generate`, `validate` or `format`; that download
// is not possible everywhere this project runs. Pointing the variable at an existing file skips it, and
// generate itself needs only the bundled WebAssembly. Migrations run through scripts/migrate.ts.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(import.meta.dirname, "scripts/no-schema-engine.sh");

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx --conditions=react-server prisma/seed.ts" },
  // The URL is only needed by migrate commands, which this project runs through scripts/migrate.ts.
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/unused" },
});
