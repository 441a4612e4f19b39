import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { PGlite } from "@electric-sql/pglite";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";

// Migrations through Prisma's WebAssembly schema engine. `prisma migrate` needs a native engine binary
// that cannot be downloaded everywhere this project runs; the WebAssembly engine does the same work
// through a driver adapter and records applied migrations in Prisma's own `_prisma_migrations` table,
// so the stock CLI stays interchangeable with this module. Used by scripts/migrate.ts and the tests.

const require = createRequire(import.meta.url);
const ROOT = process.cwd();
export const SCHEMA_PATH = path.join(ROOT, "prisma/schema.prisma");
export const MIGRATIONS_DIR = path.join(ROOT, "prisma/migrations");
const filters = { externalTables: [] as string[], externalEnums: [] as string[] };

export type MigrationTarget = { kind: "postgres"; url: string } | { kind: "embedded"; client: PGlite };

interface WasmRuntime {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
  SchemaEngine: { new: (options: object, log: (msg: string) => void, adapter: object) => Promise<SchemaEngine> };
}
interface PgResultLike {
  fields?: { dataTypeID: number }[];
}

let charPatched = false;
/**
 * Trap 1: the engine's introspection returns columns of Postgres type "char" (OID 18), which
 * @prisma/adapter-pg cannot deserialize. The value is already a one-character string, so report it
 * as text (OID 25). Patched once per process, only where migrations run.
 */
function reportCharAsText(): void {
  if (charPatched) return;
  charPatched = true;
  const fix = <T>(res: T): T => {
    for (const r of (Array.isArray(res) ? res : [res]) as PgResultLike[]) {
      for (const f of r?.fields ?? []) if (f.dataTypeID === 18) f.dataTypeID = 25;
    }
    return res;
  };
  for (const proto of [pg.Client.prototype, pg.Pool.prototype] as unknown as {
    query: (...args: unknown[]) => unknown;
  }[]) {
    const original = proto.query;
    proto.query = function (this: unknown, ...args: unknown[]) {
      const last = args[args.length - 1];
      if (typeof last === "function") {
        const callback = last as (err: unknown, res: unknown) => unknown;
        args[args.length - 1] = (err: unknown, res: unknown) => callback(err, err ? res : fix(res));
      }
      const result = original.apply(this, args);
      return result instanceof Promise ? result.then(fix) : result;
    };
  }
}

function postgresFactory(url: string): SqlMigrationAwareDriverAdapterFactory {
  reportCharAsText();
  // Trap 2: pass a parsed config, not { connectionString }: the adapter builds its shadow pool as
  // { ...config, database: shadow }, and node-postgres lets connectionString override `database`,
  // which would silently point the "shadow" database at the real one.
  const u = new URL(url);
  const config: pg.PoolConfig = {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password) || undefined,
    database: decodeURIComponent(u.pathname.slice(1)),
  };
  const main = new PrismaPg(config);
  const admin = async (sql: string) => {
    const client = new pg.Client(config);
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  return {
    provider: "postgres",
    adapterName: main.adapterName,
    connect: () => main.connect(),
    // Trap 3: the adapter's own shadow database is dropped while its pool is still connected.
    // Create it ourselves and drop it only after the pool has closed.
    async connectToShadowDb(): Promise<SqlDriverAdapter> {
      const name = `prisma_migrate_shadow_db_${crypto.randomUUID().replace(/-/g, "")}`;
      await admin(`CREATE DATABASE "${name}"`);
      const shadow = await new PrismaPg({ ...config, database: name }).connect();
      const dispose = shadow.dispose.bind(shadow);
      shadow.dispose = async () => {
        await dispose();
        await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      };
      return shadow;
    },
  };
}

function embeddedFactory(client: PGlite): SqlMigrationAwareDriverAdapterFactory {
  const inner = new PrismaPGlite(client);
  // pglite-prisma-adapter 0.7.2 returns from executeScript before the script has run (and loses its
  // errors); migrations are scripts, so wait for each one.
  const awaitScripts = (adapter: SqlDriverAdapter, pglite: PGlite): SqlDriverAdapter => {
    adapter.executeScript = async (script: string) => {
      await pglite.exec(script);
    };
    return adapter;
  };
  return {
    provider: "postgres",
    adapterName: inner.adapterName,
    connect: async () => awaitScripts(await inner.connect(), client),
    connectToShadowDb: async () => {
      const { PGlite: Shadow } = await import("@electric-sql/pglite");
      const shadow = new Shadow();
      return awaitScripts(await new PrismaPGlite(shadow).connect(), shadow);
    },
  };
}

let runtimePromise: Promise<WasmRuntime> | undefined;

/** The engine's JS glue is a module singleton: instantiate its WebAssembly once per process. */
function loadRuntime(): Promise<WasmRuntime> {
  return (runtimePromise ??= instantiateRuntime());
}

async function instantiateRuntime(): Promise<WasmRuntime> {
  // The package exports the JS glue but not the .wasm path; find the binary beside the glue file.
  const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const runtime = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as unknown as WasmRuntime;
  const module = new WebAssembly.Module(fs.readFileSync(path.join(path.dirname(gluePath), "schema_engine_bg.wasm")));
  const instance = new WebAssembly.Instance(module, { "./schema_engine_bg.js": runtime as unknown as WebAssembly.ModuleImports });
  runtime.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  return runtime;
}

export function readMigrationsList(): MigrationList {
  fs.mkdirSync(MIGRATIONS_DIR, { recursive: true });
  const lockPath = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  if (!fs.existsSync(lockPath)) {
    fs.writeFileSync(
      lockPath,
      "# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = \"postgresql\"\n",
    );
  }
  const dirs = fs
    .readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: { path: "migration_lock.toml", content: fs.readFileSync(lockPath, "utf8") },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((name) => {
      const file = path.join(MIGRATIONS_DIR, name, "migration.sql");
      return {
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: fs.existsSync(file)
            ? { tag: "ok" as const, value: fs.readFileSync(file, "utf8") }
            : { tag: "error" as const, value: "missing migration.sql" },
        },
      };
    }),
  };
}

/** Opens the schema engine on a database; call `free()` on the result when done. */
export async function openSchemaEngine(target: MigrationTarget): Promise<SchemaEngine> {
  const runtime = await loadRuntime();
  const factory = target.kind === "postgres" ? postgresFactory(target.url) : embeddedFactory(target.client);
  const schema = fs.readFileSync(SCHEMA_PATH, "utf8");
  const log = (msg: string) => {
    if (process.env.DEBUG_SCHEMA_ENGINE) console.error("[schema-engine]", msg);
  };
  return runtime.SchemaEngine.new(
    { datamodels: [[SCHEMA_PATH, schema]] },
    log,
    bindMigrationAwareSqlAdapterFactory(factory),
  );
}

/** Applies pending migrations; returns the names applied. Safe to run concurrently (the engine locks). */
export async function applyMigrations(target: MigrationTarget): Promise<string[]> {
  const engine = await openSchemaEngine(target);
  try {
    const out = await engine.applyMigrations({ migrationsList: readMigrationsList(), filters });
    return out.appliedMigrationNames;
  } finally {
    engine.free();
  }
}

/** SQL that would bring the migrations directory up to prisma/schema.prisma ("" when none). */
export async function pendingSchemaChanges(target: MigrationTarget): Promise<string> {
  const engine = await openSchemaEngine(target);
  try {
    const res = await engine.diff({
      from: { tag: "migrations", ...readMigrationsList() },
      to: { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content: fs.readFileSync(SCHEMA_PATH, "utf8") }] },
      script: true,
      exitCode: null,
      filters,
    });
    const sql = res.stdout ?? "";
    return /^\s*(--[^\n]*\n\s*)*$/.test(sql) || /This is an empty migration/.test(sql) ? "" : sql;
  } finally {
    engine.free();
  }
}

/** Writes a new migration for the difference between the migrations and the schema; null when none. */
export async function createMigration(target: MigrationTarget, name: string): Promise<string | null> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error("Migration names use lower-case letters, digits and _.");
  const sql = await pendingSchemaChanges(target);
  if (!sql) return null;
  const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
  const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "migration.sql"), sql);
  return path.relative(ROOT, dir);
}

/** Prisma's view of how the database's migration history relates to the migrations directory. */
export async function migrationStatus(target: MigrationTarget): Promise<unknown> {
  const engine = await openSchemaEngine(target);
  try {
    return await engine.diagnoseMigrationHistory({
      migrationsList: readMigrationsList(),
      optInToShadowDatabase: false,
      filters,
    });
  } finally {
    engine.free();
  }
}

/**
 * SQL that would make the live database match prisma/schema.prisma ("" when they agree). Used by the
 * migration test to prove the migrations produce exactly the schema Prisma expects.
 */
export async function databaseDriftFromSchema(target: MigrationTarget): Promise<string> {
  const engine = await openSchemaEngine(target);
  const files = [{ path: SCHEMA_PATH, content: fs.readFileSync(SCHEMA_PATH, "utf8") }];
  try {
    const res = await engine.diff({
      from: { tag: "schemaDatasource", files, configDir: ROOT },
      to: { tag: "schemaDatamodel", files },
      script: true,
      exitCode: true,
      filters,
    });
    return res.exitCode === 0 ? "" : (res.stdout ?? "(differences)");
  } finally {
    engine.free();
  }
}
