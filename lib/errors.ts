// One error type for the domain, and one mapping from any error to an HTTP status and envelope.
import { ZodError, z } from "zod";

export type ErrorCode =
  | "BAD_REQUEST"
  | "VALIDATION"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "RATE_LIMITED"
  | "UNAVAILABLE"
  | "INTERNAL";

const statusByCode: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  VALIDATION: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
};

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, string[] | undefined>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export interface ErrorEnvelope {
  error: { code: ErrorCode; message: string; fieldErrors?: Record<string, string[] | undefined> };
}

/** Prisma's known request errors carry a code such as P2002; match on it, never on message text. */
function prismaCode(error: unknown): string | undefined {
  if (typeof error === "object" && error !== null && "code" in error) {
    const code = error.code;
    if (typeof code === "string" && /^P\d{4}$/.test(code)) return code;
  }
  return undefined;
}

const UNREACHABLE_SYS_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENOTFOUND", "EPIPE"]);
/** SQLSTATEs of a server that is shutting down, starting, refusing connections, or full. */
const UNREACHABLE_SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300", "55000"]);
const UNREACHABLE_ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "TooManyConnections", "SocketTimeout"]);

/**
 * Errors that mean the database could not be reached, as opposed to a bad query: Prisma's connection
 * codes, the driver adapter's error kinds and the SQLSTATE they carry, and socket errors, found on the
 * error itself, its cause chain, or the adapter error Prisma keeps in `meta`.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== "object" || error === null || depth > 5) return false;
  const code = prismaCode(error);
  if (code === "P1001" || code === "P1002" || code === "P1017" || code === "P2024") return true;
  const e = error as { code?: unknown; originalCode?: unknown; kind?: unknown; severity?: unknown; cause?: unknown; meta?: unknown };
  const sys = typeof e.code === "string" ? e.code : typeof e.originalCode === "string" ? e.originalCode : undefined;
  if (sys && (UNREACHABLE_SYS_CODES.has(sys) || sys.startsWith("08"))) return true;
  // 55000 is also an ordinary query error; only a FATAL one is about the connection itself.
  if (sys && UNREACHABLE_SQLSTATES.has(sys) && (sys !== "55000" || e.severity === "FATAL")) return true;
  if (typeof e.kind === "string" && UNREACHABLE_ADAPTER_KINDS.has(e.kind)) return true;
  const adapterError = (e.meta as { driverAdapterError?: unknown } | undefined)?.driverAdapterError;
  if (adapterError !== undefined && isDatabaseUnavailable(adapterError, depth + 1)) return true;
  return e.cause !== undefined && e.cause !== error ? isDatabaseUnavailable(e.cause, depth + 1) : false;
}

/** Maps any thrown value to a status and the public error envelope. Unknown errors say nothing internal. */
export function toErrorResponse(error: unknown): { status: number; body: ErrorEnvelope; isUnexpected: boolean } {
  if (error instanceof AppError) {
    const body: ErrorEnvelope = { error: { code: error.code, message: error.message } };
    if (error.fieldErrors) body.error.fieldErrors = error.fieldErrors;
    return { status: statusByCode[error.code], body, isUnexpected: false };
  }
  if (error instanceof ZodError) {
    const flat = z.flattenError(error);
    const message = flat.formErrors[0] ?? "Some fields are invalid.";
    return {
      status: 422,
      body: { error: { code: "VALIDATION", message, fieldErrors: flat.fieldErrors } },
      isUnexpected: false,
    };
  }
  const code = prismaCode(error);
  if (code === "P2002") {
    return { status: 409, body: { error: { code: "CONFLICT", message: "That already exists." } }, isUnexpected: false };
  }
  if (code === "P2025") {
    return { status: 404, body: { error: { code: "NOT_FOUND", message: "Not found." } }, isUnexpected: false };
  }
  if (isDatabaseUnavailable(error)) {
    return {
      status: 503,
      body: { error: { code: "UNAVAILABLE", message: "The database is unavailable; try again shortly." } },
      isUnexpected: true,
    };
  }
  return {
    status: 500,
    body: { error: { code: "INTERNAL", message: "Something went wrong." } },
    isUnexpected: true,
  };
}
