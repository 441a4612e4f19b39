import { marked } from "marked";
import sanitizeHtml from "sanitize-html";

// Markdown from staff becomes HTML the public sees, so it is sanitized against a short allowlist:
// no scripts, no event handlers, no styles, links only to http(s) and mailto, and links open safely.

const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: ["p", "br", "strong", "em", "del", "code", "pre", "blockquote", "ul", "ol", "li", "a", "h2", "h3", "h4", "hr", "table", "thead", "tbody", "tr", "th", "td"],
  allowedAttributes: { a: ["href", "title"], th: ["align"], td: ["align"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowProtocolRelative: false,
  // Headings in user content start below the page's own headings.
  transformTags: {
    h1: "h2",
    a: sanitizeHtml.simpleTransform("a", { rel: "nofollow noopener noreferrer" }),
  },
};

export function renderMarkdown(source: string): string {
  const html = marked.parse(source, { async: false, gfm: true, breaks: true });
  return sanitizeHtml(html, { ...ALLOWED, allowedAttributes: { ...ALLOWED.allowedAttributes, a: ["href", "title", "rel"] } });
}

/** Plain text of a Markdown body, for feeds' summaries and places where HTML is not wanted. */
export function markdownToText(source: string): string {
  return sanitizeHtml(marked.parse(source, { async: false, gfm: true }), { allowedTags: [], allowedAttributes: {} })
    .replace(/\s+/g, " ")
    .trim();
}
