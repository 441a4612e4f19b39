import fs from "node:fs";
import path from "node:path";
import { STATIC_RESOURCE_PATHS } from "@/server/public/resources";

// A static copy of the public side, for a second site on any static host or object store: the pages
// (readable with JavaScript off; scripts are removed), the Statuspage API, the live model, feeds and
// badges, with relative links. It is taken from a running instance over HTTP, so every file is exactly
// what that instance answers from its snapshot. Used by `npm run cli -- export` and by the mirror
// (server/public/mirror.ts) that rewrites MIRROR_DIR after every snapshot change.

export interface ExportResult {
  files: number;
  bytes: number;
  /** The snapshot version (ETag) the copy was taken from. */
  etag: string | null;
}

/** Resources that exist whatever the data: the snapshot's fixed resources and the page's feeds. */
const FIXED_RESOURCES = [...STATIC_RESOURCE_PATHS, "/history.rss", "/history.atom"];

/** How often a viewer's browser reloads a fallback page, so it follows the mirror without scripts. */
const FALLBACK_REFRESH_SECONDS = 60;

/** Where a public page lives in the copy, or null when it is not part of it. */
export function pageFile(urlPath: string): string | null {
  const url = new URL(urlPath, "http://x");
  const p = url.pathname.replace(/\/+$/, "") || "/";
  if (p === "/") return "index.html";
  if (p === "/history") {
    const n = Number(url.searchParams.get("page") ?? 1);
    return Number.isInteger(n) && n > 1 ? `history-${n}.html` : "history.html";
  }
  const m = /^\/(incidents|maintenance)\/([A-Za-z0-9_-]{1,64})$/.exec(p);
  return m ? `${m[1]}/${m[2]}.html` : null;
}

/** Where a non-page resource lives in the copy (its own path), or null when it is not part of it. */
function resourceFile(urlPath: string): string | null {
  const p = new URL(urlPath, "http://x").pathname;
  if (FIXED_RESOURCES.includes(p)) return p.slice(1);
  if (/^\/badge\/[A-Za-z0-9_-]{1,64}\.svg$/.test(p) || /^\/history\/[A-Za-z0-9_-]{1,64}\.(rss|atom)$/.test(p)) return p.slice(1);
  if (/^\/_next\/static\/[\w./-]+\.(css|woff2?|ttf|svg|png|ico)$/.test(p) && !p.includes("..")) return p.slice(1);
  if (p === "/favicon.ico") return "favicon.ico";
  return null;
}

function relative(fromFile: string, toFile: string): string {
  const rel = path.posix.relative(path.posix.dirname(fromFile), toFile);
  return rel === "" ? path.posix.basename(toFile) : rel;
}

/**
 * A page's HTML made static: scripts and script preloads removed, a periodic reload added, links to
 * exported files made relative, and links to everything else (sign-in, subscribing) sent to the
 * primary site's own URL.
 */
export function staticPage(html: string, file: string, primaryUrl: string, found: (urlPath: string) => void): string {
  let out = html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "")
    .replace(/<link\b[^>]*\brel="(?:preload|modulepreload)"[^>]*\bas="script"[^>]*\/?>/gi, "")
    .replace(/<link\b[^>]*\bas="script"[^>]*\brel="(?:preload|modulepreload)"[^>]*\/?>/gi, "")
    .replace(/\snonce="[^"]*"/g, "");
  out = out.replace(/<head>/i, `<head><meta http-equiv="refresh" content="${FALLBACK_REFRESH_SECONDS}"/>`);
  const base = primaryUrl.replace(/\/+$/, "");
  return out.replace(/\b(href|src)="(\/(?!\/)[^"]*)"/g, (_all, attr: string, raw: string) => {
    const target = raw.replace(/&amp;/g, "&");
    const local = pageFile(target) ?? resourceFile(target);
    if (local) {
      found(target);
      return `${attr}="${relative(file, local)}"`;
    }
    return `${attr}="${base}${raw}"`;
  });
}

/** A stylesheet with its url(/...) references made relative (and reported, to be copied too). */
function staticCss(css: string, file: string, found: (urlPath: string) => void): string {
  return css.replace(/url\((['"]?)(\/(?!\/)[^)'"]+)\1\)/g, (all, quote: string, target: string) => {
    const local = resourceFile(target);
    if (!local) return all;
    found(target);
    return `url(${quote}${relative(file, local)}${quote})`;
  });
}

export type Fetcher = (urlPath: string) => Promise<{ status: number; body: Buffer; etag: string | null }>;

/** Fetches over HTTP from `origin`, with `headers` on every request. */
export function httpFetcher(origin: string, headers: Record<string, string> = {}): Fetcher {
  return async (urlPath) => {
    const res = await fetch(new URL(urlPath, origin), { headers: { "accept-encoding": "identity", ...headers }, redirect: "manual" });
    return { status: res.status, body: Buffer.from(await res.arrayBuffer()), etag: res.headers.get("etag") };
  };
}

/**
 * Writes the complete static copy into `outDir` (which must exist): every fixed resource, a badge and
 * feeds per component, and every page reachable from "/" and "/history".
 */
export async function exportStaticSite(get: Fetcher, outDir: string): Promise<ExportResult> {
  const summary = await get("/api/v2/summary.json");
  if (summary.status !== 200) throw new Error(`The instance answered ${summary.status} for /api/v2/summary.json.`);
  const parsed = JSON.parse(summary.body.toString("utf8")) as { page: { url: string }; components: { id: string }[] };
  const queue: string[] = ["/", "/history", ...FIXED_RESOURCES];
  for (const c of parsed.components) queue.push(`/badge/${c.id}.svg`, `/history/${c.id}.rss`, `/history/${c.id}.atom`);
  const seen = new Set<string>();
  const result: ExportResult = { files: 0, bytes: 0, etag: summary.etag };
  const found = (urlPath: string) => {
    if (!seen.has(urlPath)) queue.push(urlPath);
  };

  while (queue.length > 0) {
    const urlPath = queue.shift() as string;
    if (seen.has(urlPath)) continue;
    seen.add(urlPath);
    const page = pageFile(urlPath);
    const file = page ?? resourceFile(urlPath);
    if (!file) continue;
    const res = await get(urlPath);
    // Pages may link to what is gone by now (a deleted incident); a missing asset is not fatal either.
    if (res.status !== 200) {
      if (FIXED_RESOURCES.includes(urlPath) || urlPath === "/") throw new Error(`The instance answered ${res.status} for ${urlPath}.`);
      continue;
    }
    let body = res.body;
    if (page) body = Buffer.from(staticPage(body.toString("utf8"), file, parsed.page.url, found), "utf8");
    else if (file.endsWith(".css")) body = Buffer.from(staticCss(body.toString("utf8"), file, found), "utf8");
    const target = path.join(outDir, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, body);
    result.files++;
    result.bytes += body.length;
  }
  const manifest = { etag: result.etag, exportedAt: new Date().toISOString(), files: result.files };
  fs.writeFileSync(path.join(outDir, "export.json"), JSON.stringify(manifest, null, 2));
  return result;
}

/**
 * Exports into a fresh directory beside `target`, then points `target` (a symbolic link) at it in one
 * rename, so whatever reads or syncs `target` sees the old copy or the new one, never half of each.
 * Keeps the previous copy, removes older ones.
 */
export async function exportAtomically(get: Fetcher, target: string): Promise<ExportResult> {
  const resolved = path.resolve(target);
  const versions = path.join(path.dirname(resolved), `.${path.basename(resolved)}.versions`);
  fs.mkdirSync(versions, { recursive: true });
  const existing = fs.lstatSync(resolved, { throwIfNoEntry: false });
  if (existing && !existing.isSymbolicLink()) {
    throw new Error(`${resolved} exists and is not a symbolic link; remove it so the mirror can manage it.`);
  }
  const dir = fs.mkdtempSync(path.join(versions, `${new Date().toISOString().replace(/[:.]/g, "-")}-`));
  try {
    const result = await exportStaticSite(get, dir);
    const link = `${resolved}.${process.pid}.tmp`;
    fs.rmSync(link, { force: true });
    fs.symlinkSync(path.relative(path.dirname(resolved), dir), link);
    fs.renameSync(link, resolved);
    // Keep the newest two copies: the one just linked and the one a slow reader may still be in.
    const all = fs.readdirSync(versions).sort();
    for (const name of all.slice(0, Math.max(0, all.length - 2))) {
      if (name !== path.basename(dir)) fs.rmSync(path.join(versions, name), { recursive: true, force: true });
    }
    return result;
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
