import { uptimeSegments } from "@/components/status/uptime-runs";
import { formatUptime } from "@/server/components/uptime";
import { formatDayKey } from "@/server/public/time";
import type { PublicComponent } from "@/server/public/types";

// A component's 90-day bar as one HTML string: quiet days merge into runs, and each day with trouble is
// one focusable mark whose label (uptime and that day's incidents) shows as a tooltip on hover, focus or
// tap, without JavaScript. One string keeps both the HTML and the page's React payload small. Pure.

const LEVEL_TEXT = {
  no_data: "No data",
  operational: "No downtime",
  maintenance: "Maintenance",
  degraded: "Degraded performance",
  partial: "Partial outage",
  major: "Major outage",
} as const;

export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

export function uptimeBarHtml(component: PublicComponent, incidentNames: Map<string, string>): string {
  const parts: string[] = [];
  for (const segment of uptimeSegments(component.uptimeDays)) {
    if (segment.kind === "run") {
      const span = segment.days === 1 ? formatDayKey(segment.from) : `${formatDayKey(segment.from)} to ${formatDayKey(segment.to)}`;
      const title = `${span}: ${segment.level === "no_data" ? "no data" : "no downtime"}`;
      parts.push(`<span class="d d-run d-${segment.level}" style="--n:${segment.days}" title="${escapeHtml(title)}"></span>`);
      continue;
    }
    const day = segment.day;
    const names = day.incidentIds.map((id) => incidentNames.get(id)).filter((n): n is string => !!n);
    const label = [
      formatDayKey(day.date),
      LEVEL_TEXT[day.level],
      day.ratio === null ? "no data" : `${formatUptime(day.ratio)} uptime`,
      names.length ? names.join("; ") : "No incidents reported",
    ].join(" · ");
    parts.push(`<span class="d d-${day.level} d-tip" tabindex="0" role="img" aria-label="${escapeHtml(label)}"></span>`);
  }
  return parts.join("");
}
