import "server-only";
import { randomUUID } from "node:crypto";
import pino from "pino";
import { env } from "@/lib/env";

// JSON logs on stdout, one line an event. Request handlers log through childFor(request) so every line
// of one request carries the same request id (taken from an upstream proxy's x-request-id when present).

declare global {
  var __statusLogger: pino.Logger | undefined;
}

export const logger: pino.Logger = (globalThis.__statusLogger ??= pino({
  level: env.LOG_LEVEL,
  base: { service: process.env.STATUS_PROCESS ?? "web" },
  timestamp: pino.stdTimeFunctions.isoTime,
  redact: ["password", "*.password", "token", "*.token", "headers.authorization", "headers.cookie"],
}));

export function requestIdOf(headers: Headers): string {
  const given = headers.get("x-request-id");
  return given && /^[\w.-]{1,128}$/.test(given) ? given : randomUUID();
}

export function childFor(headers: Headers): { log: pino.Logger; requestId: string } {
  const requestId = requestIdOf(headers);
  return { log: logger.child({ requestId }), requestId };
}
