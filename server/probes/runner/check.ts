import http from "node:http";
import https from "node:https";
import net from "node:net";
import type { TLSSocket } from "node:tls";
import type { CheckResult, HttpConfig, JsonPathCondition, RunnableProbe, TcpConfig } from "@/server/probes/schema";

// Runs one check. Shared by the worker and the agent, so it touches no database and no app config.
// Never throws: every failure is a "down" result with a short reason.

const keepAlive = { http: new http.Agent({ keepAlive: true, maxSockets: 64 }), https: new https.Agent({ keepAlive: true, maxSockets: 64 }) };
const MAX_BODY_BYTES = 1024 * 1024;
const MAX_REDIRECTS = 5;

export async function runCheck(probe: RunnableProbe): Promise<CheckResult> {
  const started = performance.now();
  const result = probe.kind === "http" ? await httpCheck(probe.config, probe.timeoutMs) : await tcpCheck(probe.config, probe.timeoutMs);
  const latencyMs = result.latencyMs ?? Math.round(performance.now() - started);
  if (result.outcome === "up" && probe.degradedThresholdMs !== null && latencyMs > probe.degradedThresholdMs) {
    return { ...result, outcome: "degraded", latencyMs, error: result.error ?? `slow: ${latencyMs} ms` };
  }
  return { ...result, latencyMs };
}

interface HttpResponse {
  status: number;
  location: string | undefined;
  body: string;
  certValidTo: Date | null;
}

function request(url: URL, config: HttpConfig, deadline: number): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const isHttps = url.protocol === "https:";
    const remaining = Math.max(1, deadline - Date.now());
    const req = (isHttps ? https : http).request(
      url,
      { method: config.method, headers: { "user-agent": "status-page-probe", ...config.headers }, agent: isHttps ? keepAlive.https : keepAlive.http, timeout: remaining },
      (res) => {
        let certValidTo: Date | null = null;
        if (isHttps) {
          const cert = (res.socket as TLSSocket).getPeerCertificate?.();
          if (cert?.valid_to) certValidTo = new Date(cert.valid_to);
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (c: Buffer) => {
          size += c.length;
          if (size <= MAX_BODY_BYTES) chunks.push(c);
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, location: res.headers.location, body: Buffer.concat(chunks).toString("utf8"), certValidTo }));
        res.on("error", reject);
      },
    );
    const timer = setTimeout(() => req.destroy(new Error("timeout")), remaining);
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", reject);
    req.on("close", () => clearTimeout(timer));
    if (config.body && config.method !== "GET" && config.method !== "HEAD") req.write(config.body);
    req.end();
  });
}

export async function httpCheck(config: HttpConfig, timeoutMs: number): Promise<CheckResult> {
  const started = performance.now();
  const deadline = Date.now() + timeoutMs;
  let url = new URL(config.url);
  let res: HttpResponse;
  try {
    for (let hop = 0; ; hop++) {
      res = await request(url, config, deadline);
      const isRedirect = res.status >= 300 && res.status < 400 && res.location;
      if (!isRedirect || !config.followRedirects) break;
      if (hop >= MAX_REDIRECTS) return down(started, res.status, "too many redirects");
      url = new URL(res.location!, url);
    }
  } catch (error) {
    return down(started, null, errorText(error));
  }
  const latencyMs = Math.round(performance.now() - started);
  const statusOk = config.expectedStatus.length > 0 ? config.expectedStatus.includes(res.status) : res.status >= 200 && res.status < 300;
  if (!statusOk) return { outcome: "down", latencyMs, statusCode: res.status, error: `HTTP ${res.status}` };
  if (config.bodyContains && !res.body.includes(config.bodyContains)) return { outcome: "down", latencyMs, statusCode: res.status, error: "body does not contain the expected text" };
  if (config.jsonPath) {
    const problem = checkJsonPath(res.body, config.jsonPath);
    if (problem) return { outcome: "down", latencyMs, statusCode: res.status, error: problem };
  }
  let warning: string | null = null;
  if (config.certExpiryWarnDays !== null && res.certValidTo) {
    const days = Math.floor((res.certValidTo.getTime() - Date.now()) / 86_400_000);
    if (days < config.certExpiryWarnDays) warning = `TLS certificate expires in ${days} day${days === 1 ? "" : "s"}`;
  }
  return { outcome: "up", latencyMs, statusCode: res.status, error: warning };
}

/** Null when the JSON body meets the condition, else why not. */
export function checkJsonPath(body: string, condition: JsonPathCondition): string | null {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return "body is not JSON";
  }
  for (const part of condition.path.replace(/^\$\.?/, "").split(".")) {
    const m = part.match(/^([\w-]+)(?:\[(\d+)\])?$/);
    if (!m) return `bad path ${condition.path}`;
    value = value !== null && typeof value === "object" ? (value as Record<string, unknown>)[m[1]!] : undefined;
    if (m[2] !== undefined) value = Array.isArray(value) ? value[Number(m[2])] : undefined;
  }
  const text = value === undefined ? undefined : typeof value === "string" ? value : JSON.stringify(value);
  const ok =
    condition.op === "exists" ? text !== undefined && value !== null
    : condition.op === "equals" ? text === condition.value
    : condition.op === "not_equals" ? text !== condition.value
    : text !== undefined && text.includes(condition.value);
  return ok ? null : `${condition.path} ${condition.op.replace("_", " ")} ${condition.op === "exists" ? "" : JSON.stringify(condition.value)} failed (got ${text ?? "nothing"})`.replace("  ", " ");
}

export function tcpCheck(config: TcpConfig, timeoutMs: number): Promise<CheckResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    const socket = net.connect({ host: config.host, port: config.port });
    const finish = (result: CheckResult) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () => finish(down(started, null, "timeout")));
    socket.once("connect", () => finish({ outcome: "up", latencyMs: Math.round(performance.now() - started), statusCode: null, error: null }));
    socket.once("error", (error) => finish(down(started, null, errorText(error))));
  });
}

function down(started: number, statusCode: number | null, error: string): CheckResult {
  return { outcome: "down", latencyMs: Math.round(performance.now() - started), statusCode, error };
}

function errorText(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (error.message === "timeout" || code === "ETIMEDOUT") return "timeout";
    return (code ? `${code}: ` : "") + error.message.slice(0, 200);
  }
  return String(error).slice(0, 200);
}
