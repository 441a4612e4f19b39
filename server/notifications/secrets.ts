import "server-only";
import { createHash, createHmac, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

// Subscribers' management tokens and signing secrets are derived from one server key, so the database
// holds neither: a copy of the database cannot sign webhooks or manage anyone's subscription. The
// database keeps only a hash of each management token, to find the subscription a link points to.

declare global {
  var __statusNotifyKey: Buffer | undefined;
}

function loadKey(): Buffer {
  if (env.NOTIFY_SECRET) return Buffer.from(env.NOTIFY_SECRET, "utf8");
  const file = path.join(env.dataDir, "notify-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(env.dataDir, { recursive: true });
    // wx: if another process won the race, keep its key and read it below.
    try {
      fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    if (!env.isEmbedded) {
      logger.warn({ file }, "NOTIFY_SECRET is unset: generated one; set it when several instances share the database");
    }
  }
  return Buffer.from(fs.readFileSync(file, "utf8").trim(), "utf8");
}

function derive(purpose: string): Buffer {
  globalThis.__statusNotifyKey ??= loadKey();
  return createHmac("sha256", globalThis.__statusNotifyKey).update(purpose).digest();
}

/** The token in a subscription's management link (and in every message it receives). */
export function manageTokenFor(subscriptionId: string): string {
  return derive(`manage:${subscriptionId}`).toString("base64url");
}

/** What the database stores to find a subscription by its management token. */
export function hashManageToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The Standard Webhooks signing secret (`whsec_` and base64 key bytes) of one version. */
export function signingSecretFor(subscriptionId: string, version: number): string {
  return `whsec_${derive(`signing:${subscriptionId}:${version}`).toString("base64")}`;
}

/** Secrets that sign a message now: the current one, and the previous for a day after a rotation. */
export function activeSigningSecrets(sub: { id: string; secretVersion: number; secretRotatedAt: Date | null }, now = new Date()): string[] {
  const secrets = [signingSecretFor(sub.id, sub.secretVersion)];
  const graceMs = 24 * 60 * 60 * 1000;
  if (sub.secretVersion > 1 && sub.secretRotatedAt && now.getTime() - sub.secretRotatedAt.getTime() < graceMs) {
    secrets.push(signingSecretFor(sub.id, sub.secretVersion - 1));
  }
  return secrets;
}
