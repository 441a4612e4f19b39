import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { baselineHeaders, inlineScriptHashes, isEmbeddable, pagePolicy, resourcePolicy } from "@/lib/security-headers";

const sha = (s: string) => `sha256-${createHash("sha256").update(s).digest("base64")}`;

describe("security headers", () => {
  it("allows inline scripts only by nonce or hash, never unsafe-inline", () => {
    const withNonce = pagePolicy({ nonce: "abc" });
    const scriptSrc = withNonce.split("; ").find((d) => d.startsWith("script-src "));
    expect(scriptSrc).toBe("script-src 'self' 'nonce-abc'");
    expect(withNonce).toContain("frame-ancestors 'none'");
    const withHashes = pagePolicy({ hashes: ["sha256-x", "sha256-y"] });
    expect(withHashes).toContain("script-src 'self' 'sha256-x' 'sha256-y';");
    expect(withHashes).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(pagePolicy({}, { dev: true })).toContain("'unsafe-eval'");
    expect(pagePolicy({})).not.toContain("'unsafe-eval'");
  });

  it("hashes inline scripts exactly and skips external ones", () => {
    const html = `<script src="/_next/a.js" async></script><script nonce="n">self.__next_f.push([1,"x"])</script><script>b()</script><script>b()</script>`;
    expect(inlineScriptHashes(html)).toEqual([sha('self.__next_f.push([1,"x"])'), sha("b()")]);
  });

  it("lets only badges be framed elsewhere", () => {
    expect(isEmbeddable("/badge.svg")).toBe(true);
    expect(isEmbeddable("/badge/abc.svg")).toBe(true);
    expect(isEmbeddable("/api/v2/summary.json")).toBe(false);
    expect(resourcePolicy("/badge.svg")).toContain("frame-ancestors *");
    expect(resourcePolicy("/api/v2/status.json")).toContain("frame-ancestors 'none'");
    expect(baselineHeaders("/badge.svg", false)["x-frame-options"]).toBeUndefined();
    expect(baselineHeaders("/", false)["x-frame-options"]).toBe("DENY");
  });

  it("sends HSTS only over https", () => {
    expect(baselineHeaders("/", true)["strict-transport-security"]).toMatch(/max-age=\d+/);
    expect(baselineHeaders("/", false)["strict-transport-security"]).toBeUndefined();
    expect(baselineHeaders("/", false)["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  });
});
