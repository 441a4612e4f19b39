import type { TestProject } from "vitest/node";
import { applyMigrations } from "@/lib/migrate";
import { createTestDatabase, dropTestDatabase } from "@/tests/support/postgres";

// One fresh, migrated database for the integration run, handed to the test files through `inject`.
declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const database = await createTestDatabase();
  await applyMigrations({ kind: "postgres", url: database.url });
  project.provide("databaseUrl", database.url);
  return async () => {
    await dropTestDatabase(database.name);
  };
}
