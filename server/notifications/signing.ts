import { createHmac } from "node:crypto";

// Standard Webhooks signatures (https://www.standardwebhooks.com): HMAC-SHA256 over
// "<webhook-id>.<webhook-timestamp>.<body>" with the secret's key bytes, sent as "v1,<base64>".
// Several secrets (during a rotation) give several space-separated signatures. Pure.

export interface SignedHeaders {
  "webhook-id": string;
  "webhook-timestamp": string;
  "webhook-signature": string;
}

function keyBytes(secret: string): Buffer {
  return Buffer.from(secret.startsWith("whsec_") ? secret.slice("whsec_".length) : secret, "base64");
}

export function signatureFor(secret: string, messageId: string, timestampSeconds: number, body: string): string {
  const mac = createHmac("sha256", keyBytes(secret)).update(`${messageId}.${timestampSeconds}.${body}`).digest("base64");
  return `v1,${mac}`;
}

export function signWebhook(input: { secrets: string[]; messageId: string; body: string; at?: Date }): SignedHeaders {
  const timestamp = Math.floor((input.at ?? new Date()).getTime() / 1000);
  return {
    "webhook-id": input.messageId,
    "webhook-timestamp": String(timestamp),
    "webhook-signature": input.secrets.map((s) => signatureFor(s, input.messageId, timestamp, input.body)).join(" "),
  };
}
