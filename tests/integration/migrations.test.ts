import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, databaseDriftFromSchema, pendingSchemaChanges, readMigrationsList } from "@/lib/migrate";
import { createTestDatabase, dropTestDatabase } from "@/tests/support/postgres";

// Applies every migration to an empty database and checks that the result is exactly the schema
// Prisma expects, and that the check itself notices a difference.
describe("migrations", () => {
  let database: { name: string; url: string };
  beforeAll(async () => {
    database = await createTestDatabase("status_migrations");
  });
  afterAll(async () => {
    await dropTestDatabase(database.name);
  });

  it("apply in order to an empty database and record themselves in _prisma_migrations", async () => {
    const applied = await applyMigrations({ kind: "postgres", url: database.url });
    const expected = readMigrationsList().migrationDirectories.map((d) => d.path);
    expect(applied).toEqual(expected);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const rows = await client.query<{ migration_name: string }>(
      "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name",
    );
    await client.end();
    expect(rows.rows.map((r) => r.migration_name)).toEqual(expected);
    expect(await applyMigrations({ kind: "postgres", url: database.url })).toEqual([]);
  });

  it("leave the database exactly as prisma/schema.prisma describes it", async () => {
    expect(await databaseDriftFromSchema({ kind: "postgres", url: database.url })).toBe("");
  });

  it("have no schema change waiting for a migration", async () => {
    expect(await pendingSchemaChanges({ kind: "postgres", url: database.url })).toBe("");
  });

  it("notice when the database differs from the schema", async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    await client.query('ALTER TABLE "Component" ADD COLUMN "stray" integer');
    await client.end();
    expect(await databaseDriftFromSchema({ kind: "postgres", url: database.url })).toMatch(/stray/);
  });
});
