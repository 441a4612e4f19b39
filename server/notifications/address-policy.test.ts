import { describe, expect, it } from "vitest";
import { judgeAddress, judgeAddresses, parseAllowlist } from "@/server/notifications/address-policy";

describe("webhook address policy", () => {
  const none = parseAllowlist(undefined);

  it.each(["93.184.216.34", "1.1.1.1", "2606:4700:4700::1111"])("allows the public address %s", (a) => {
    expect(judgeAddress(a, none)).toEqual({ allowed: true, allowlisted: false });
  });

  it.each([
    "127.0.0.1",
    "127.3.2.1",
    "10.0.0.5",
    "172.16.4.4",
    "172.31.255.255",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "224.0.0.1",
    "255.255.255.255",
    "::1",
    "::",
    "fe80::1",
    "fd00::1",
    "fc12::1",
    "::ffff:127.0.0.1",
    "::ffff:10.1.2.3",
    "[::1]",
  ])("refuses %s", (a) => {
    expect(judgeAddress(a, none).allowed).toBe(false);
  });

  it("refuses something that is not an address", () => {
    expect(judgeAddress("example.org", none)).toMatchObject({ allowed: false });
  });

  it("lets an allowlisted range through and says so", () => {
    const allow = parseAllowlist("127.0.0.1/32, 10.1.0.0/16, ::1");
    expect(judgeAddress("127.0.0.1", allow)).toEqual({ allowed: true, allowlisted: true });
    expect(judgeAddress("10.1.200.3", allow)).toEqual({ allowed: true, allowlisted: true });
    expect(judgeAddress("::1", allow)).toEqual({ allowed: true, allowlisted: true });
    expect(judgeAddress("127.0.0.2", allow).allowed).toBe(false);
    expect(judgeAddress("10.2.0.1", allow).allowed).toBe(false);
  });

  it("refuses a name when any of its addresses is private", () => {
    expect(judgeAddresses(["93.184.216.34", "10.0.0.1"], none).allowed).toBe(false);
    expect(judgeAddresses([], none).allowed).toBe(false);
    expect(judgeAddresses(["93.184.216.34", "1.1.1.1"], none)).toEqual({ allowed: true, allowlisted: false });
  });

  it("counts a mix of public and allowlisted addresses as not wholly allowlisted", () => {
    const allow = parseAllowlist("127.0.0.1");
    expect(judgeAddresses(["127.0.0.1", "1.1.1.1"], allow)).toEqual({ allowed: true, allowlisted: false });
  });

  it("rejects a malformed allowlist loudly", () => {
    expect(() => parseAllowlist("not-a-range")).toThrow();
  });
});
