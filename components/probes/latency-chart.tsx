import type { LatencyPoint } from "@/server/probes/data";

// Response time per location as a server-rendered SVG (no JavaScript). Failed checks are red marks
// on the baseline; the line shows latency of the checks that answered.

const W = 640;
const H = 140;
const PAD = 28;

export function LatencyChart({ title, points, from, to }: { title: string; points: LatencyPoint[]; from: Date; to: Date }) {
  const span = Math.max(1, to.getTime() - from.getTime());
  const ok = points.filter((p) => p.outcome !== "down" && p.latencyMs !== null);
  const max = Math.max(50, ...ok.map((p) => p.latencyMs!));
  const x = (d: Date) => PAD + ((d.getTime() - from.getTime()) / span) * (W - 2 * PAD);
  const y = (ms: number) => H - PAD - (ms / max) * (H - 2 * PAD);
  const line = ok.map((p, i) => `${i === 0 ? "M" : "L"}${x(p.at).toFixed(1)},${y(p.latencyMs!).toFixed(1)}`).join(" ");
  const failures = points.filter((p) => p.outcome === "down");
  const sorted = ok.map((p) => p.latencyMs!).sort((a, b) => a - b);
  const p50 = sorted.length ? sorted[Math.floor(sorted.length / 2)] : null;
  return (
    <figure className="space-y-1">
      <figcaption className="text-sm font-medium">
        {title} <span className="font-normal text-zinc-600 dark:text-zinc-400">· {points.length} checks, {failures.length} failed{p50 !== null ? `, median ${p50} ms` : ""}</span>
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} className="w-full rounded-md border border-zinc-200 dark:border-zinc-800" role="img" aria-label={`Response time at ${title}`}>
        <line x1={PAD} y1={H - PAD} x2={W - PAD} y2={H - PAD} stroke="currentColor" strokeOpacity="0.3" />
        <text x={4} y={PAD} fontSize="10" fill="currentColor">{max} ms</text>
        <text x={4} y={H - PAD} fontSize="10" fill="currentColor">0</text>
        <path d={line} fill="none" stroke="#2563eb" strokeWidth="1.5" />
        {failures.map((p, i) => (
          <rect key={i} x={x(p.at) - 1} y={H - PAD - 8} width={2} height={8} fill="#dc2626" />
        ))}
      </svg>
    </figure>
  );
}
