import { describe, expect, it } from "vitest";
import { markdownToText, renderMarkdown } from "@/server/incidents/markdown";

describe("renderMarkdown", () => {
  it("renders the Markdown staff write", () => {
    const html = renderMarkdown("We see **502** errors.\n\n- one\n- two\n\n[details](https://example.org/x)");
    expect(html).toContain("<strong>502</strong>");
    expect(html).toContain("<li>one</li>");
    expect(html).toContain('<a href="https://example.org/x" rel="nofollow noopener noreferrer">details</a>');
  });

  it("removes scripts, event handlers, styles and iframes", () => {
    const html = renderMarkdown('<script>alert(1)</script><img src=x onerror="alert(1)"><p style="color:red" onclick="x()">hi</p><iframe src="https://evil"></iframe>');
    expect(html).not.toMatch(/script|onerror|onclick|style=|iframe|<img/i);
    expect(html).toContain("hi");
  });

  it("drops javascript: and data: links", () => {
    expect(renderMarkdown("[x](javascript:alert(1))")).not.toContain("javascript:");
    expect(renderMarkdown('<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>')).not.toContain("data:");
    expect(renderMarkdown('<a href="//evil.example">x</a>')).not.toContain("//evil");
  });

  it("keeps headings below the page's own", () => {
    expect(renderMarkdown("# Root cause")).toContain("<h2>Root cause</h2>");
  });
});

describe("markdownToText", () => {
  it("strips all markup", () => {
    expect(markdownToText("We are **investigating** <b>now</b>.")).toBe("We are investigating now.");
  });
});
