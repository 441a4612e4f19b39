import { describe, expect, it } from "vitest";
import { pageFile, staticPage } from "@/server/public/static-export";

describe("static export", () => {
  it("maps public pages to files", () => {
    expect(pageFile("/")).toBe("index.html");
    expect(pageFile("/history")).toBe("history.html");
    expect(pageFile("/history?page=1")).toBe("history.html");
    expect(pageFile("/history?page=3")).toBe("history-3.html");
    expect(pageFile("/incidents/abc123")).toBe("incidents/abc123.html");
    expect(pageFile("/maintenance/m_1")).toBe("maintenance/m_1.html");
    expect(pageFile("/subscribe")).toBeNull();
    expect(pageFile("/incidents/../../etc")).toBeNull();
  });

  it("removes scripts, makes exported links relative and sends the rest to the primary", () => {
    const found: string[] = [];
    const html = [
      '<html><head><link rel="stylesheet" href="/_next/static/chunks/a.css" nonce="n"/>',
      '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/b.js"/>',
      '<script src="/_next/static/chunks/c.js" async=""></script></head><body>',
      '<a href="/">Home</a><a href="/history?page=2">Older</a><a href="/api/v2/summary.json">API</a>',
      '<a href="/subscribe">Subscribe</a><a href="https://forum.example.org">Forum</a>',
      '<img src="/badge.svg"/><script>self.__next_f.push([1,"x"])</script></body></html>',
    ].join("");
    const out = staticPage(html, "incidents/x.html", "https://status.example.org/", (p) => found.push(p));
    expect(out).not.toMatch(/<script/);
    expect(out).not.toContain("b.js");
    expect(out).not.toContain("nonce=");
    expect(out).toContain('<meta http-equiv="refresh" content="60"/>');
    expect(out).toContain('href="../_next/static/chunks/a.css"');
    expect(out).toContain('href="../index.html"');
    expect(out).toContain('href="../history-2.html"');
    expect(out).toContain('href="../api/v2/summary.json"');
    expect(out).toContain('src="../badge.svg"');
    expect(out).toContain('href="https://status.example.org/subscribe"');
    expect(out).toContain('href="https://forum.example.org"');
    expect(found).toEqual(["/_next/static/chunks/a.css", "/", "/history?page=2", "/api/v2/summary.json", "/badge.svg"]);
  });
});
