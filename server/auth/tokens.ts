import { createHash, randomBytes } from "node:crypto";

// Personal API tokens: 32 random bytes, shown once; only their SHA-256 is stored. A fast hash is right
// here (unlike passwords): the token has 256 bits of entropy, so there is nothing to brute-force.
export const TOKEN_PREFIX = "sp_";

export function generateToken(): { token: string; hash: string; prefix: string } {
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token), prefix: token.slice(0, TOKEN_PREFIX.length + 6) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The token from an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(header: string | null): string | null {
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1] ?? null;
}
