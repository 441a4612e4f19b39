// The benchmark's target server, in a process of its own so its CPU is not counted as the worker's.
// Paths answer by their first segment: /ok/*, /slow/* (1.5 s), /fail/* (502), /hang/* (never);
// POST /_set/<path>?kind=ok|status tells one path to change.
import http from "node:http";

const port = Number(process.argv[2] ?? 3233);
const overrides = new Map<string, string>();
const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://x");
  if (url.pathname.startsWith("/_set/")) {
    overrides.set(url.pathname.slice(5), url.searchParams.get("kind") ?? "ok");
    res.writeHead(204).end();
    return;
  }
  const kind = overrides.get(url.pathname) ?? url.pathname.split("/")[1];
  if (kind === "hang") return;
  if (kind === "fail" || kind === "status") return void res.writeHead(502).end("bad gateway");
  if (kind === "slow") return void setTimeout(() => res.writeHead(200).end("ok"), 1500);
  res.writeHead(200).end("ok");
});
server.keepAliveTimeout = 120_000;
server.listen(port, "127.0.0.1", () => console.log(`target on ${port}`));
