import type { UptimeDay } from "@/server/public/types";

// Consecutive quiet days (same level, full or no data, no incidents) are drawn as one element, so a
// 90-day bar is a handful of elements instead of 90. Days with trouble stay their own element. Pure.

export type UptimeSegment = { kind: "run"; level: UptimeDay["level"]; from: string; to: string; days: number } | { kind: "day"; day: UptimeDay };

const quiet = (d: UptimeDay) => d.incidentIds.length === 0 && (d.level === "operational" || d.level === "no_data");

export function uptimeSegments(days: UptimeDay[]): UptimeSegment[] {
  const out: UptimeSegment[] = [];
  for (const day of days) {
    const last = out[out.length - 1];
    if (!quiet(day)) out.push({ kind: "day", day });
    else if (last?.kind === "run" && last.level === day.level) {
      last.to = day.date;
      last.days++;
    } else out.push({ kind: "run", level: day.level, from: day.date, to: day.date, days: 1 });
  }
  return out;
}
