import { createHash, randomBytes } from "node:crypto";
import pg from "pg";

// Direct reads of the end-to-end database, to compare what the page shows with what is stored.
export async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** A component of its own, so a test never disturbs the seeded ones; the public page hears of it at once. */
export async function createComponent(name: string, status = "operational"): Promise<string> {
  const id = `e2e${randomBytes(8).toString("hex")}`;
  await query(`INSERT INTO "Component" (id, name, status, "updatedAt") VALUES ($1, $2, $3::"ComponentStatus", now())`, [
    id,
    name,
    status,
  ]);
  await query(`SELECT pg_notify('status_public_changed', '')`);
  return id;
}

/** A personal API token for a demo user, stored the way the app stores them (only its hash). */
export async function tokenFor(email: string): Promise<string> {
  const token = `sp_${randomBytes(24).toString("base64url")}`;
  const hash = createHash("sha256").update(token).digest("hex");
  await query(
    `INSERT INTO "ApiToken" (id, "userId", name, "tokenHash", prefix) SELECT $1, id, 'e2e', $2, $3 FROM "User" WHERE email = $4`,
    [`e2e${randomBytes(8).toString("hex")}`, hash, token.slice(0, 9), email],
  );
  return token;
}
