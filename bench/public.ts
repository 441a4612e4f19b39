// npm run bench:public: the public read path under load. Starts the built app on a fresh database
// seeded like a busy registry page (30 components, 90 days of history, 20 incidents), loads
// /api/v2/summary.json and / with autocannon at 50 and 200 connections for 10 s each, counts the
// database transactions during the load, measures the first-load weight, and writes docs/BENCHMARKS.md.
import autocannon from "autocannon";
import { machine, writeSection } from "@/bench/report";
import { ensureBuild, startServer, stopServer, transactions, waitFor } from "@/bench/support";
import { applyMigrations } from "@/lib/migrate";
import { adminUrl, createTestDatabase, dropTestDatabase } from "@/tests/support/postgres";

const PORT = Number(process.env.BENCH_PORT ?? 3198);
const BASE = `http://127.0.0.1:${PORT}`;
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);

async function seed(url: string): Promise<void> {
  process.env.DATABASE_URL = url;
  process.env.DEMO_MODE = "false";
  const { db } = await import("@/lib/db");
  const DAY = 86_400_000;
  const today = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()));
  await db.pageSettings.create({ data: { name: "Bench Registry Status", url: BASE, timeZone: "Europe/Berlin" } });
  const componentIds: string[] = [];
  for (let g = 0; g < 5; g++) {
    const group = await db.componentGroup.create({ data: { name: `Group ${g + 1}`, position: g } });
    for (let c = 0; c < 6; c++) {
      const component = await db.component.create({
        data: { name: `Service ${g + 1}.${c + 1}`, description: "A service the registry depends on.", groupId: group.id, position: c, ownerTeam: "Team", contacts: "#team" },
      });
      componentIds.push(component.id);
    }
  }
  await db.componentDailyUptime.createMany({
    data: componentIds.flatMap((componentId, ci) =>
      Array.from({ length: 90 }, (_, n) => {
        const trouble = (ci * 7 + n) % 23 === 0;
        return {
          componentId,
          day: new Date(today.getTime() - n * DAY),
          operationalMinutes: trouble ? 1380 : 1440,
          majorMinutes: trouble ? 20 : 0,
          partialMinutes: trouble ? 40 : 0,
        };
      }),
    ),
  });
  for (let i = 0; i < 20; i++) {
    const startedAt = new Date(Date.now() - (i * 4 + 1) * DAY);
    const open = i < 2;
    await db.incident.create({
      data: {
        name: `Elevated errors on Service ${(i % 5) + 1}.${(i % 6) + 1}`,
        impact: (["minor", "major", "critical"] as const)[i % 3],
        visibility: "published",
        startedAt,
        publishedAt: startedAt,
        resolvedAt: open ? null : new Date(startedAt.getTime() + 3 * 3_600_000),
        components: { create: [{ componentId: componentIds[i % 30] ?? "" }] },
        updates: {
          create: (["investigating", "identified", "monitoring", "resolved"] as const).slice(0, open ? 2 : 4).map((status, n) => ({
            kind: "public_update" as const,
            state: "published" as const,
            status,
            body: `Update ${n + 1}: we are working on **${status}**. Requests to the API may fail or be slow.`,
            displayAt: new Date(startedAt.getTime() + n * 3_600_000),
            publishedAt: new Date(startedAt.getTime() + n * 3_600_000),
          })),
        },
      },
    });
  }
  await db.$disconnect();
}

interface Run {
  path: string;
  connections: number;
  gzip: boolean;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

async function load(path: string, connections: number, gzip: boolean): Promise<Run> {
  const result = await autocannon({
    url: BASE + path,
    connections,
    duration: DURATION,
    headers: gzip ? { "accept-encoding": "gzip" } : {},
  });
  return {
    path,
    connections,
    gzip,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

async function firstLoadWeight(): Promise<{ html: number; css: number; js: number; files: number }> {
  const gz = { headers: { "accept-encoding": "gzip" } };
  const raw = async (url: string) => {
    const res = await fetch(url, gz);
    const length = Number(res.headers.get("content-length") ?? 0);
    const text = await res.text();
    return { length: length || Buffer.byteLength(text), text };
  };
  const page = await raw(`${BASE}/`);
  const assets = [...page.text.matchAll(/<(?:script[^>]+src|link[^>]+rel="stylesheet"[^>]+href)="([^"]+)"/g)].map((m) => m[1] ?? "");
  let css = 0;
  let js = 0;
  for (const asset of new Set(assets)) {
    // Next serves static assets compressed; count the bytes on the wire.
    const res = await fetch(new URL(asset, BASE), gz);
    const body = Buffer.from(await res.arrayBuffer());
    const { gzipSync } = await import("node:zlib");
    // fetch() decompresses; when the length on the wire is not given, count the body gzipped.
    const given = res.headers.get("content-encoding") ? Number(res.headers.get("content-length")) : 0;
    const wire = given > 0 ? given : gzipSync(body).length;
    if (asset.endsWith(".css")) css += wire;
    else js += wire;
  }
  return { html: page.length, css, js, files: new Set(assets).size + 1 };
}

async function main(): Promise<void> {
  ensureBuild();
  const database = await createTestDatabase("status_bench");
  const server = { child: undefined as ReturnType<typeof startServer> | undefined };
  try {
    await applyMigrations({ kind: "postgres", url: database.url });
    await seed(database.url);
    // No background jobs and no timer rebuilds: any database work during the load would be the load's.
    server.child = startServer({ DATABASE_URL: database.url, RUN_WORKER: "false", SNAPSHOT_REFRESH_SECONDS: "3600", LOG_LEVEL: "warn", PUBLIC_RATE_LIMIT_PER_MINUTE: "0", DATA_DIR: `/tmp/${database.name}` }, PORT);
    await waitFor(`${BASE}/api/v2/summary.json`);
    await waitFor(`${BASE}/`, 30_000, (r) => r.headers.get("x-status-cache") === "hit");
    const weight = await firstLoadWeight();
    const rawHtml = Buffer.byteLength(await (await fetch(`${BASE}/`)).text());
    console.log(`first load: html ${weight.html} B gzip (${rawHtml} B raw), css ${weight.css} B, js ${weight.js} B`);
    if (process.env.BENCH_KEEP_HTML) (await import("node:fs")).writeFileSync(process.env.BENCH_KEEP_HTML, await (await fetch(`${BASE}/`)).text());
    // Idle connections report their counters within ~10 s; wait so "before" is settled.
    await new Promise((r) => setTimeout(r, 11_000));
    const before = await transactions(adminUrl(), database.name);
    const runs: Run[] = [];
    for (const [path, gzip] of [["/api/v2/summary.json", false], ["/", false], ["/", true]] as const) {
      for (const connections of [50, 200]) {
        const run = await load(path, connections, gzip);
        console.log(`${path}${gzip ? " (gzip)" : ""} c=${connections}: ${run.rps} req/s, p50 ${run.p50} ms, p99 ${run.p99} ms, errors ${run.errors}, non-2xx ${run.non2xx}`);
        runs.push(run);
      }
    }
    await new Promise((r) => setTimeout(r, 11_000));
    const during = (await transactions(adminUrl(), database.name)) - before;
    console.log(`database transactions during the load: ${during}`);
    const summary200 = runs.find((r) => r.path === "/api/v2/summary.json" && r.connections === 200);
    const page200 = runs.find((r) => r.path === "/" && r.connections === 200 && !r.gzip);
    const verdict = (ok: boolean) => (ok ? "met" : "**missed**");
    writeSection(
      "public",
      [
        "## Public read path (`npm run bench:public`)",
        "",
        `Run on ${new Date().toISOString().slice(0, 10)}: ${machine()}. Load generator (autocannon) on the same machine as the server, ${DURATION} s per run. Data: 30 components in 5 groups, 90 days of daily uptime, 20 published incidents (2 open). Server: \`server.ts\` on Postgres, worker off, timer rebuilds off.`,
        "",
        "| path | connections | gzip | requests/s | p50 ms | p99 ms | errors | non-2xx |",
        "|---|---|---|---|---|---|---|---|",
        ...runs.map((r) => `| \`${r.path}\` | ${r.connections} | ${r.gzip ? "yes" : "no"} | ${r.rps.toLocaleString("en-US")} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.non2xx} |`),
        "",
        `Database transactions during all runs: **${during}** (counted by Postgres in \`pg_stat_database\`).`,
        "",
        `First load of \`/\` on the wire (gzip): HTML ${(weight.html / 1024).toFixed(1)} KiB, CSS ${(weight.css / 1024).toFixed(1)} KiB, JavaScript ${(weight.js / 1024).toFixed(1)} KiB; ${((weight.html + weight.css + weight.js) / 1024).toFixed(1)} KiB in ${weight.files} files. The status is readable from the HTML alone.`,
        "",
        "Targets: summary.json ≥ 10,000 requests/s at 200 connections with p99 < 50 ms: " +
          verdict((summary200?.rps ?? 0) >= 10_000 && (summary200?.p99 ?? 999) < 50) +
          `; \`/\` ≥ 5,000 requests/s: ${verdict((page200?.rps ?? 0) >= 5_000)}; zero queries caused by the load: ${verdict(during === 0)}.`,
      ].join("\n"),
    );
  } finally {
    if (server.child) await stopServer(server.child);
    await dropTestDatabase(database.name).catch(() => undefined);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
