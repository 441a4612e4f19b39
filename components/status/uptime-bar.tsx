import Link from "next/link";
import { formatUptime } from "@/server/components/uptime";
import { formatDayKey } from "@/server/public/time";
import type { PublicComponent, PublicIncident } from "@/server/public/types";

// 90 days of uptime, one mark per UTC day. Quiet days carry a tooltip; days with trouble open a small
// detail (uptime and that day's incidents) that works by touch, keyboard and without JavaScript.

const LEVEL_TEXT = {
  no_data: "No data",
  operational: "No downtime",
  maintenance: "Maintenance",
  degraded: "Degraded performance",
  partial: "Partial outage",
  major: "Major outage",
} as const;

export function UptimeBar({ component, incidents }: { component: PublicComponent; incidents: Map<string, PublicIncident> }) {
  const days = component.uptimeDays;
  const first = days[0];
  return (
    <div className="space-y-1">
      <div className="uptime" role="group" aria-label={`${component.name}: ${formatUptime(component.uptimeRatio)} uptime over the past ${days.length} days`}>
        {days.map((day) => {
          const label = `${formatDayKey(day.date)}: ${day.ratio === null ? "no data" : `${formatUptime(day.ratio)} uptime`}`;
          const notable = day.incidentIds.length > 0 || (day.level !== "operational" && day.level !== "no_data");
          if (!notable) return <span key={day.date} className={`d d-${day.level}`} title={label} />;
          return (
            <details key={day.date} className="d-detail">
              <summary className={`d d-${day.level}`} aria-label={`${label}, ${day.incidentIds.length} incident${day.incidentIds.length === 1 ? "" : "s"}`} title={label} />
              <div className="d-pop" role="note">
                <p className="font-semibold">{formatDayKey(day.date)}</p>
                <p>
                  {LEVEL_TEXT[day.level]} · {day.ratio === null ? "no data" : `${formatUptime(day.ratio)} uptime`}
                </p>
                {day.incidentIds.map((id) => {
                  const incident = incidents.get(id);
                  return incident ? (
                    <p key={id}>
                      <Link href={`/incidents/${id}`} className="underline">
                        {incident.name}
                      </Link>
                    </p>
                  ) : null;
                })}
                {day.incidentIds.length === 0 ? <p>No incidents reported.</p> : null}
              </div>
            </details>
          );
        })}
      </div>
      <p className="flex justify-between text-xs text-zinc-600 dark:text-zinc-400" aria-hidden="true">
        <span>{first ? formatDayKey(first.date) : ""}</span>
        <span>{formatUptime(component.uptimeRatio)} uptime</span>
        <span>Today</span>
      </p>
    </div>
  );
}
