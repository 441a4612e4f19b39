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

/** Errors that mean the database could not be reached, as opposed to a bad query. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const code = prismaCode(error);
  if (code === "P1001" || code === "P1002" || code === "P1017" || code === "P2024") return true;
  const cause = typeof error === "object" && error !== null ? (error as { code?: unknown; cause?: unknown }) : {};
  const sys = typeof cause.code === "string" ? cause.code : undefined;
  if (sys && ["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "57P01", "57P03", "08006", "08001"].includes(sys)) {
    return true;
  }
  return cause.cause !== undefined && cause.cause !== error ? isDatabaseUnavailable(cause.cause) : false;
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
