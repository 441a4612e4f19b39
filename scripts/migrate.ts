// npm run db:migrate | db:migrate:create <name> | db:migrate:status
// Applies, creates or reports migrations through the WebAssembly schema engine (see lib/migrate.ts),
// against DATABASE_URL or, when it is unset, the embedded database under DATA_DIR.
import "dotenv/config";
import { env } from "@/lib/env";
import { getEmbeddedDatabase } from "@/lib/embedded-db";
import { applyMigrations, createMigration, migrationStatus, type MigrationTarget } from "@/lib/migrate";

async function main(): Promise<void> {
  const [command, name] = process.argv.slice(2);
  const target: MigrationTarget = env.DATABASE_URL
    ? { kind: "postgres", url: env.DATABASE_URL }
    : { kind: "embedded", client: getEmbeddedDatabase(env.dataDir) };
  const where = env.DATABASE_URL ? "Postgres" : `embedded database in ${env.dataDir}`;
  if (command === "deploy") {
    const applied = await applyMigrations(target);
    console.log(applied.length ? `Applied to ${where}: ${applied.join(", ")}` : `No pending migrations (${where}).`);
  } else if (command === "create") {
    if (!name) throw new Error("usage: npm run db:migrate:create -- <name>");
    const dir = await createMigration(target, name);
    console.log(dir ? `Created ${dir}/migration.sql` : "The schema has no changes; no migration created.");
  } else if (command === "status") {
    console.log(JSON.stringify(await migrationStatus(target), null, 2));
  } else {
    throw new Error("usage: scripts/migrate.ts deploy | create <name> | status");
  }
  if (target.kind === "embedded") await target.client.close();
}

main().then(
  // node-postgres pools would keep the process alive for their idle timeout otherwise.
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
