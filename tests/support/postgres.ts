import { randomBytes } from "node:crypto";
import pg from "pg";

// Throw-away databases for tests: each run creates its own and drops it afterwards, so no test
// depends on data left by an earlier run. Only local servers are accepted.

export function adminUrl(): string {
  return process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
}

export function assertLocal(url: string): void {
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) {
    throw new Error(`Refusing to run tests against a non-local database (${host}).`);
  }
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const url = adminUrl();
  assertLocal(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(prefix = "status_test"): Promise<{ name: string; url: string }> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  await admin((c) => c.query(`CREATE DATABASE "${name}"`));
  return { name, url: withDatabase(adminUrl(), name) };
}

export async function dropTestDatabase(name: string): Promise<void> {
  await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/**
 * Takes a test database away as an outage would: no new connections, and every open one cut. Used to
 * show that the public side keeps serving and staff get a clear error. bringDatabaseBack undoes it.
 */
export async function takeDatabaseDown(name: string): Promise<void> {
  await admin(async (c) => {
    await c.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
    await c.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
      [name],
    );
  });
}

export async function bringDatabaseBack(name: string): Promise<void> {
  await admin((c) => c.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`));
}

/** The database name of a connection string. */
export function databaseNameOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}
