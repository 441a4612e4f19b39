import { uptimeBarHtml } from "@/components/status/uptime-html";
import { formatUptime } from "@/server/components/uptime";
import { formatDayKey } from "@/server/public/time";
import type { PublicComponent } from "@/server/public/types";

/** 90 days of uptime, one mark per UTC day (quiet days merged), each troubled day with its detail. */
export function UptimeBar({ component, incidentNames }: { component: PublicComponent; incidentNames: Map<string, string> }) {
  const first = component.uptimeDays[0];
  return (
    <div className="space-y-1">
      <div
        className="uptime"
        role="group"
        aria-label={`${component.name}: ${formatUptime(component.uptimeRatio)} uptime over the past ${component.uptimeDays.length} days`}
        dangerouslySetInnerHTML={{ __html: uptimeBarHtml(component, incidentNames) }}
      />
      <p className="flex justify-between text-xs text-zinc-600 dark:text-zinc-400" aria-hidden="true">
        <span>{first ? formatDayKey(first.date) : ""}</span>
        <span>{formatUptime(component.uptimeRatio)} uptime</span>
        <span>Today</span>
      </p>
    </div>
  );
}
