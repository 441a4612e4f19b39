import "server-only";
import type { LookupAddress } from "node:dns";
import { lookup as dnsLookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import { judgeAddresses, type Allowlist } from "@/server/notifications/address-policy";

// Outbound webhook requests. Each hop resolves the name, refuses private, loopback and link-local
// answers (unless allowlisted), then connects to exactly the address it checked, so a name cannot
// resolve to a public address for the check and a private one for the connection. Only 307 and 308
// redirects are followed (they keep the POST), each hop checked the same way.

export interface PostOutcome {
  ok: boolean;
  statusCode: number | null;
  latencyMs: number;
  /** Why it failed; null on success. */
  error: string | null;
  /** The first few kilobytes of the response. */
  responseText: string;
  /** True when the target was refused before any connection was made. */
  refused: boolean;
}

export interface PostOptions {
  timeoutMs: number;
  allowlist: Allowlist;
  maxRedirects?: number;
}

const MAX_RESPONSE_BYTES = 4096;
const agents = {
  "http:": new http.Agent({ keepAlive: true, maxSockets: 64 }),
  "https:": new https.Agent({ keepAlive: true, maxSockets: 64 }),
};

type Checked = { ok: true; url: URL; address: string; family: number } | { ok: false; reason: string };

async function checkTarget(raw: string, allowlist: Allowlist): Promise<Checked> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: "not a valid URL" };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return { ok: false, reason: "only https URLs are allowed" };
  if (url.username || url.password) return { ok: false, reason: "URLs with credentials are not allowed" };
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let answers: LookupAddress[];
  if (net.isIP(host)) {
    answers = [{ address: host, family: net.isIP(host) }];
  } else {
    try {
      answers = await dnsLookup(host, { all: true, verbatim: true });
    } catch (error) {
      return { ok: false, reason: `could not resolve ${host}: ${(error as NodeJS.ErrnoException).code ?? "error"}` };
    }
  }
  const verdict = judgeAddresses(answers.map((a) => a.address), allowlist);
  if (!verdict.allowed) return { ok: false, reason: `refused: ${verdict.reason}` };
  if (url.protocol === "http:" && !verdict.allowlisted) return { ok: false, reason: "only https URLs are allowed" };
  const first = answers[0]!;
  return { ok: true, url, address: first.address, family: first.family };
}

/** Checks a URL the way a delivery would, without sending anything. */
export async function checkWebhookTarget(raw: string, allowlist: Allowlist): Promise<string | null> {
  const checked = await checkTarget(raw, allowlist);
  return checked.ok ? null : checked.reason;
}

function requestOnce(
  target: Extract<Checked, { ok: true }>,
  body: string,
  headers: Record<string, string>,
  deadline: number,
): Promise<{ statusCode: number; location: string | undefined; text: string }> {
  return new Promise((resolve, reject) => {
    const remaining = deadline - Date.now();
    if (remaining <= 0) return reject(new Error("timed out"));
    const transport = target.url.protocol === "https:" ? https : http;
    const req = transport.request(
      target.url,
      {
        method: "POST",
        agent: agents[target.url.protocol as "http:" | "https:"],
        headers: { "content-type": "application/json", "user-agent": "statuspage-webhooks/1", ...headers, "content-length": Buffer.byteLength(body) },
        // Connect to the address that was checked, whatever the name resolves to by now.
        lookup: (_hostname, options, callback) => {
          if ((options as { all?: boolean }).all) {
            (callback as (e: null, a: LookupAddress[]) => void)(null, [{ address: target.address, family: target.family }]);
          } else {
            (callback as (e: null, a: string, f: number) => void)(null, target.address, target.family);
          }
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          if (size < MAX_RESPONSE_BYTES) chunks.push(chunk);
          size += chunk.length;
        });
        res.on("end", () => {
          clearTimeout(timer);
          resolve({
            statusCode: res.statusCode ?? 0,
            location: res.headers.location,
            text: Buffer.concat(chunks).toString("utf8").slice(0, MAX_RESPONSE_BYTES),
          });
        });
        res.on("error", (error) => {
          clearTimeout(timer);
          reject(error);
        });
      },
    );
    const timer = setTimeout(() => req.destroy(new Error("timed out")), remaining);
    req.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.end(body);
  });
}

function describe(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e?.message === "timed out") return "timed out";
  return e?.code ? `${e.code}${e.message && !e.message.includes(e.code) ? `: ${e.message}` : ""}` : String(e?.message ?? e);
}

/** POSTs a JSON body to a webhook URL; never throws. */
export async function postWebhook(
  rawUrl: string,
  body: string,
  headers: Record<string, string>,
  options: PostOptions,
): Promise<PostOutcome> {
  const started = Date.now();
  const deadline = started + options.timeoutMs;
  const elapsed = () => Date.now() - started;
  let current = rawUrl;
  for (let hop = 0; hop <= (options.maxRedirects ?? 3); hop++) {
    const target = await checkTarget(current, options.allowlist);
    if (!target.ok) {
      const reason = hop === 0 ? target.reason : `redirect to ${current} ${target.reason}`;
      return { ok: false, statusCode: null, latencyMs: elapsed(), error: reason, responseText: "", refused: true };
    }
    let res: Awaited<ReturnType<typeof requestOnce>>;
    try {
      res = await requestOnce(target, body, headers, deadline);
    } catch (error) {
      return { ok: false, statusCode: null, latencyMs: elapsed(), error: describe(error), responseText: "", refused: false };
    }
    if ((res.statusCode === 307 || res.statusCode === 308) && res.location) {
      current = new URL(res.location, target.url).toString();
      continue;
    }
    const ok = res.statusCode >= 200 && res.statusCode < 300;
    const error = ok
      ? null
      : res.statusCode >= 300 && res.statusCode < 400
        ? `HTTP ${res.statusCode}: redirects other than 307 and 308 are not followed`
        : `HTTP ${res.statusCode}`;
    return { ok, statusCode: res.statusCode, latencyMs: elapsed(), error, responseText: res.text, refused: false };
  }
  return { ok: false, statusCode: null, latencyMs: elapsed(), error: "too many redirects", responseText: "", refused: false };
}
