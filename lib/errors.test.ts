import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable, toErrorResponse } from "@/lib/errors";

describe("database unavailable errors", () => {
  it("recognises the driver adapter's connection errors that Prisma wraps", () => {
    const wrapped = {
      code: "P2039",
      meta: { driverAdapterError: { name: "DriverAdapterError", cause: { originalCode: "55000", code: "55000", severity: "FATAL", kind: "postgres" } } },
    };
    expect(isDatabaseUnavailable(wrapped)).toBe(true);
    expect(toErrorResponse(wrapped).status).toBe(503);
    expect(isDatabaseUnavailable({ cause: { code: "ECONNREFUSED" } })).toBe(true);
    expect(isDatabaseUnavailable({ cause: { kind: "DatabaseNotReachable" } })).toBe(true);
    expect(isDatabaseUnavailable({ code: "57P01" })).toBe(true);
  });

  it("does not mistake query errors for an outage", () => {
    expect(isDatabaseUnavailable({ code: "P2002" })).toBe(false);
    expect(isDatabaseUnavailable({ code: "55000", severity: "ERROR" })).toBe(false);
    expect(isDatabaseUnavailable({ meta: { driverAdapterError: { cause: { code: "23505", kind: "UniqueConstraintViolation" } } } })).toBe(false);
    expect(isDatabaseUnavailable(new Error("boom"))).toBe(false);
  });
});
