import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { afterAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { applyMigrations, databaseDriftFromSchema } from "@/lib/migrate";

// The embedded database runs the same migrations and keeps its data across restarts.
describe("embedded database", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "status-embedded-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("migrates, stores data, and still has it after a restart", async () => {
    const first = new PGlite(dir);
    expect((await applyMigrations({ kind: "embedded", client: first })).length).toBeGreaterThan(0);
    expect(await databaseDriftFromSchema({ kind: "embedded", client: first })).toBe("");
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(first) });
    await prisma.$transaction(async (tx) => {
      await tx.pageSettings.create({ data: { name: "Embedded Status", url: "http://localhost:3000" } });
      await tx.component.create({ data: { name: "Website" } });
    });
    await prisma.$disconnect();
    await first.close();

    const second = new PGlite(dir);
    expect(await applyMigrations({ kind: "embedded", client: second })).toEqual([]);
    const again = new PrismaClient({ adapter: new PrismaPGlite(second) });
    expect((await again.pageSettings.findUnique({ where: { id: "default" } }))?.name).toBe("Embedded Status");
    expect(await again.component.count()).toBe(1);
    await again.$disconnect();
    await second.close();
  });
});
